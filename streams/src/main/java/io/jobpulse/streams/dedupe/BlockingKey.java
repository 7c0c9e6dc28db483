package io.jobpulse.streams.dedupe;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The key that decides which postings are compared for near-duplicates: normalized company, normalized title and
 * where the job is (the set of countries resolved by enrichment, or "remote"). Only postings with equal keys are
 * compared, so the description comparison stays cheap and a same-titled job at another company or in another
 * country is never merged.
 *
 * <p>Normalization removes what differs between boards for the same job: case, accents, punctuation, legal
 * suffixes of company names (Inc, GmbH, Ltd...), bracketed notes and gender tags in titles ("(m/w/d)").
 */
public final class BlockingKey {

    private static final Pattern BRACKETS = Pattern.compile("\\([^)]*\\)|\\[[^]]*]");
    private static final Pattern GENDER = Pattern.compile("\\b[mfwdx]\\s*/\\s*[mfwdx](\\s*/\\s*[mfwdx])?\\b");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{Nd}+#]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Set<String> LEGAL_SUFFIXES = Set.of("inc", "llc", "ltd", "limited", "gmbh", "ag", "corp",
            "corporation", "co", "company", "sa", "sas", "bv", "nv", "plc", "se", "srl", "oy", "ab", "as", "pty", "kg");

    private BlockingKey() {
    }

    public static String of(String company, String title, Collection<String> countries, boolean remote) {
        Set<String> where = new TreeSet<>();
        for (String c : countries) {
            if (c != null && !c.isBlank()) {
                where.add(c.toUpperCase(Locale.ROOT));
            }
        }
        String place = !where.isEmpty() ? String.join(",", where) : remote ? "remote" : "";
        return company(company) + "|" + title(title) + "|" + place;
    }

    static String company(String company) {
        String[] words = words(company);
        StringBuilder out = new StringBuilder();
        for (String w : words) {
            if (w.isEmpty() || LEGAL_SUFFIXES.contains(w)) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(w);
        }
        return out.toString();
    }

    static String title(String title) {
        if (title == null) {
            return "";
        }
        String t = BRACKETS.matcher(title.toLowerCase(Locale.ROOT)).replaceAll(" ");
        t = GENDER.matcher(t).replaceAll(" ");
        return String.join(" ", java.util.Arrays.stream(words(t)).filter(w -> !w.isEmpty()).toList());
    }

    private static String[] words(String s) {
        if (s == null) {
            return new String[0];
        }
        // Accents only exist outside ASCII: most company names and titles skip the (costly) decomposition.
        String ascii = isAscii(s) ? s : MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        return NON_WORD.split(ascii.toLowerCase(Locale.ROOT).strip());
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
