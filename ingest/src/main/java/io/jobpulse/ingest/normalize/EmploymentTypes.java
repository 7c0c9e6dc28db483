package io.jobpulse.ingest.normalize;

import java.util.Locale;

/**
 * Maps each source's employment-type wording ("Full-time", "FULL_TIME", "FullTime", "fulltime_permanent",
 * "Vollzeit", "Intern", "CONTRACTOR", ...) onto full_time, part_time, contract, internship, temporary or other.
 */
public final class EmploymentTypes {

    private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[,;/]");
    private static final java.util.regex.Pattern NOT_LETTERS = java.util.regex.Pattern.compile("[^a-zäöü]");

    private EmploymentTypes() {
    }

    /** The normalized type, or null when the text is empty. Several comma-separated values: first recognized wins. */
    public static String normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        for (String part : SEPARATORS.split(raw)) {
            String t = classify(part);
            if (t != null) {
                return t;
            }
        }
        return "other";
    }

    private static String classify(String part) {
        String s = NOT_LETTERS.matcher(part.toLowerCase(Locale.ROOT)).replaceAll("");
        if (s.isEmpty()) {
            return null;
        }
        if (s.contains("intern") || s.contains("praktik") || s.contains("trainee") || s.contains("apprentice")
                || s.contains("werkstudent") || s.contains("stage")) {
            return "internship";
        }
        if (s.contains("parttime") || s.contains("teilzeit") || s.equals("part")) {
            return "part_time";
        }
        if (s.contains("fulltime") || s.contains("vollzeit") || s.equals("full") || s.equals("permanent")
                || s.equals("cdi")) {
            return "full_time";
        }
        if (s.contains("contract") || s.contains("freelance") || s.contains("freiberuf") || s.equals("cdd")) {
            return "contract";
        }
        if (s.contains("temp") || s.contains("seasonal") || s.contains("befristet") || s.contains("fixedterm")) {
            return "temporary";
        }
        return null;
    }
}
