package io.jobpulse.enrichment;

import io.jobpulse.enrichment.text.Header;
import io.jobpulse.enrichment.text.PhraseMatcher;
import io.jobpulse.enrichment.text.PlainText;
import io.jobpulse.enrichment.text.Words;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Remote, hybrid and on-site as the posting states them ("REMOTE", "Remote OK", "hybrid", "ONSITE", "in office",
 * "In-Person"), ignoring negations ("no remote", "not remote") and mentions that describe something else
 * ("remote sensing", "remote control"). Thread-safe.
 */
public final class WorkModeDetector {

    private static final int NEGATED_REMOTE = 3;

    private static final Set<String> REMOTE_NOT_MODE = Set.of("sensing", "control", "controls", "monitoring",
            "patient", "patients", "procedures", "access", "desktop", "execution", "attestation", "work", "teams",
            "team", "collaboration", "workers", "companies", "company", "employees", "culture", "teammates",
            "environment", "environments", "devices", "device", "servers", "server", "areas", "communities",
            "learning", "visits", "care", "operations", "management", "sites", "code", "debugging", "builds",
            "hiring", "interviews", "interview");

    private static final Set<String> HYBRID_NOT_MODE = Set.of("workloads", "workload", "cloud", "clouds", "search",
            "architecture", "architectures", "apps", "app", "mobile", "vehicles", "vehicle", "car", "cars", "deployment",
            "deployments", "infrastructure", "environments", "environment", "solution", "solutions", "systems", "system",
            "storage", "database", "databases", "transactional", "quantum", "engine", "engines", "energy", "algorithms",
            "algorithm", "methods", "approach", "approaches", "retrieval", "models", "rendering", "compute", "tables", "classical",
            "ml", "ai", "indexes", "index", "vector", "htap", "olap");
    private static final Set<String> MODE_WORDS = Set.of("remote", "hybrid", "onsite", "on-site", "site", "person", "office",
            "time", "full", "part", "contract", "fully");
    private static final Set<String> IN_PERSON_WORK_AFTER = Set.of("role", "roles", "position", "positions", "only", "in", "at",
            "work", "team", "job", "jobs", "office", "culture", "company", "first", "environment", "setting", "days", "collaboration");
    private static final Set<String> IN_PERSON_WORK_BEFORE = Set.of("work", "working", "fully", "be", "is", "are", "100",
            "onsite", "entirely", "primarily", "mostly", "exclusively", "role's", "we're", "we", "strictly");

    private final PhraseMatcher matcher;

    public WorkModeDetector() {
        PhraseMatcher.Builder b = PhraseMatcher.builder();
        for (String p : new String[] {"remote", "fully remote", "fully-remote", "full remote", "full-remote", "100% remote",
                "remote-first", "remote first", "remote friendly", "remote-friendly", "remote ok", "remote-ok", "remote possible",
                "remote-only", "remote only", "remotely", "work from home", "work from anywhere", "wfh", "distributed team",
                "remote (", "remote-", "remote/", "all-remote", "remote-native", "remote–"}) {
            b.add(p, WorkMode.REMOTE.ordinal(), false);
        }
        for (String p : new String[] {"hybrid", "hybrid-remote", "partially remote", "partly remote", "flexible hybrid"}) {
            b.add(p, WorkMode.HYBRID.ordinal(), false);
        }
        for (String p : new String[] {"onsite", "on-site", "on site", "in-person", "in person", "in office", "in-office",
                "office-based", "office based", "in the office", "on-prem", "onsite only", "in-house", "5 days a week in",
                "5 days in", "5 days/week in", "days a week in the office", "days in office", "days in the office",
                "days/week in office", "days a week in office", "days per week in", "in our office", "from our office",
                "work from the office", "work from our office", "in-person only", "out of our office", "work out of our"}) {
            b.add(p, WorkMode.ONSITE.ordinal(), false);
        }
        for (String p : new String[] {"no remote", "not remote", "non-remote", "remote not available", "remote: no",
                "remote is not", "no full remote", "not fully remote", "not a remote", "not open to remote", "no remote work",
                "remote not possible"}) {
            b.add(p, NEGATED_REMOTE, false);
        }
        this.matcher = b.build();
    }

    /** "1-4 days a week / per week / in the office" right after an on-site phrase. */
    private static boolean fewDaysAfter(String text, int end) {
        int n = text.length();
        for (int i = end; i < Math.min(n, end + 12); i++) {
            char c = text.charAt(i);
            if (c >= '1' && c <= '4' && (i + 1 >= n || !Character.isDigit(text.charAt(i + 1)))) {
                String rest = text.substring(i + 1, Math.min(n, i + 20)).toLowerCase(java.util.Locale.ROOT);
                return rest.startsWith(" days") || rest.startsWith(" day ") || rest.startsWith("-5 days") == false
                        && rest.startsWith("x") && rest.contains("week");
            }
            if (c == '.' || c == '|' || c == '\n') {
                return false;
            }
        }
        return false;
    }

    public List<WorkMode> detect(PlainText plain, Header header, StructuredHints hints) {
        String text = plain.text();
        EnumSet<WorkMode> found = EnumSet.noneOf(WorkMode.class);
        boolean[] negated = {false};
        int[] hybridEnd = {-100};
        plain.scan(matcher, (payload, start, end) -> {
            if (plain.inLink(start, end)) {
                return true;
            }
            if (payload == NEGATED_REMOTE) {
                negated[0] = true;
                return true;
            }
            WorkMode m = WorkMode.values()[payload];
            String surface = text.substring(start, end).toLowerCase(java.util.Locale.ROOT);
            boolean inHeader = header.contains(start) && header.piped();
            if (m == WorkMode.REMOTE && (surface.equals("remote") || surface.equals("remotely"))) {
                String next = Words.after(text, end);
                String prev = Words.before(text, start);
                if (!inHeader && (REMOTE_NOT_MODE.contains(next) || prev.equals("partially") || prev.equals("partly")
                        || prev.equals("occasionally") || prev.equals("sometimes") || prev.equals("occasional")
                        || prev.equals("some") || prev.equals("flexible"))) {
                    if (prev.equals("partially") || prev.equals("partly") || prev.equals("occasional") || prev.equals("some")) {
                        found.add(WorkMode.HYBRID);
                    }
                    return true;
                }
            }
            if (m == WorkMode.HYBRID) {
                if (!inHeader && HYBRID_NOT_MODE.contains(Words.after(text, end))) {
                    return true;
                }
                hybridEnd[0] = end;
            }
            if (m == WorkMode.ONSITE && !surface.contains("days") && fewDaysAfter(text, end)) {
                found.add(WorkMode.HYBRID); // "On-site 3 days a week"
                return true;
            }
            if (m == WorkMode.ONSITE && start - hybridEnd[0] < 25 && start >= hybridEnd[0]) {
                return true; // "Hybrid (in office 3 days a week)", "Hybrid On-site": details of the hybrid mode
            }
            if ((m == WorkMode.REMOTE || m == WorkMode.HYBRID) && inHeader && Words.before(text, start).equals("or")) {
                // "San Mateo, CA or Hybrid", "SF or Remote": the place is the on-site option
                int orAt = text.lastIndexOf("or", start);
                String placeWord = orAt > 0 ? Words.before(text, orAt) : "";
                int p = orAt - 1;
                while (p > 0 && text.charAt(p) == ' ') {
                    p--;
                }
                if (!placeWord.isEmpty() && p >= 0 && Character.isUpperCase(text.charAt(p - placeWord.length() + 1))
                        && !MODE_WORDS.contains(placeWord)) {
                    found.add(WorkMode.ONSITE);
                }
            }
            if (m == WorkMode.REMOTE && (surface.equals("work from home") || surface.equals("wfh") || surface.equals("remote")
                    || surface.equals("remotely"))) {
                String after = text.substring(end, Math.min(text.length(), end + 30)).toLowerCase(java.util.Locale.ROOT);
                if (after.contains("days") || after.contains("day a week") || after.contains("once a week") || after.contains("twice a")
                        || after.contains("occasionally") || after.contains("per week") || after.contains("a week")) {
                    found.add(WorkMode.HYBRID); // "work from home on select days"
                    return true;
                }
            }
            if (m == WorkMode.ONSITE && (surface.equals("in person") || surface.equals("in-person")) && !inHeader) {
                String next = Words.after(text, end);
                String prev = Words.before(text, start);
                if (!(IN_PERSON_WORK_AFTER.contains(next) || IN_PERSON_WORK_BEFORE.contains(prev))) {
                    return true;
                }
            }
            if (m == WorkMode.ONSITE && (surface.equals("in person") || surface.equals("in-person"))) {
                String next = Words.after(text, end);
                if (!inHeader && (next.equals("meetups") || next.equals("meetup") || next.equals("offsites") || next.equals("offsite")
                        || next.equals("events") || next.equals("gatherings") || next.equals("retreats") || next.equals("a")
                        || next.equals("interview") || next.equals("interviews") || next.equals("visits") || next.equals("few")
                        || next.equals("once") || next.equals("twice") || next.equals("several") || next.equals("quarterly")
                        || next.equals("regularly") || next.equals("for") || next.equals("at") || next.equals("every"))) {
                    return true;
                }
            }
            if (m == WorkMode.ONSITE && surface.equals("in-house")) {
                return true;
            }
            if (m == WorkMode.ONSITE && surface.equals("on-prem")) {
                return true;
            }
            if (m == WorkMode.ONSITE && (surface.equals("in our office") || surface.equals("from our office") || surface.equals("in the office"))
                    && !inHeader) {
                String prev = Words.before(text, start);
                if (!(prev.equals("work") || prev.equals("working") || prev.equals("based") || prev.equals("week") || prev.equals("days"))) {
                    return true;
                }
            }
            found.add(m);
            return true;
        });
        if (negated[0]) {
            found.remove(WorkMode.REMOTE);
        }
        if (hints.remote() != null && hints.remote()) {
            found.add(WorkMode.REMOTE);
        }
        if (hints.workplaceType() != null) {
            String w = hints.workplaceType().toLowerCase(java.util.Locale.ROOT);
            if (w.contains("remote")) {
                found.add(WorkMode.REMOTE);
            } else if (w.contains("hybrid")) {
                found.add(WorkMode.HYBRID);
            } else if (w.contains("site") || w.contains("office") || w.contains("person")) {
                found.add(WorkMode.ONSITE);
            }
        }
        return List.copyOf(found);
    }
}
