package io.jobpulse.enrichment;

import io.jobpulse.enrichment.text.Header;
import io.jobpulse.enrichment.text.PhraseMatcher;
import io.jobpulse.enrichment.text.PlainText;
import io.jobpulse.enrichment.text.Tokens;
import io.jobpulse.enrichment.text.Words;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Levels of the advertised roles from titles ("Sr.", "Staff", "SDE II", "Head of"), text and years of experience.
 * A level word counts only when it qualifies a job title ("Senior Backend Engineer", "Senior / Lead SWE"), so
 * "senior living" and "you will lead" do not. Years of experience decide only when no title states a level:
 * 5+ years senior, 2-4 mid, 0-1 junior. Thread-safe.
 */
public final class SeniorityClassifier {

    private static final int TITLE = 1 << 8;      // must qualify a role noun
    private static final int ALONE = 2 << 8;      // counts by itself (unambiguous title words)
    private static final int EXEC_TITLE = 3 << 8; // executive titles: only where roles are advertised

    private final PhraseMatcher matcher;

    public SeniorityClassifier() {
        PhraseMatcher.Builder b = PhraseMatcher.builder();
        add(b, Seniority.INTERN, ALONE, "intern", "interns", "internship", "internships", "co-op");
        add(b, Seniority.JUNIOR, TITLE, "junior", "jr", "jr.", "entry level", "entry-level", "associate");
        add(b, Seniority.JUNIOR, ALONE, "new grad", "new grads", "new graduate", "new graduates", "recent graduate",
                "recent graduates", "graduate engineer", "graduate software engineer", "early career", "early-career");
        add(b, Seniority.MID, TITLE, "mid", "mid-level", "mid level", "midlevel", "intermediate", "mid-senior");
        add(b, Seniority.MID, ALONE, "engineer ii", "sde ii", "sde 2", "sde2", "swe ii", "swe 2", "developer ii",
                "engineer 2", "software engineer ii", "l4", "e4", "ic2", "ic3", "analyst ii", "scientist ii", "designer ii",
                "developer 2", "a few years", "few years of experience", "couple of years", "couple years");
        add(b, Seniority.SENIOR, TITLE, "senior", "sr", "sr.", "snr", "senior-level");
        add(b, Seniority.SENIOR, ALONE, "sde iii", "sde 3", "sde3", "swe iii", "engineer iii", "senior engineer",
                "senior engineers", "l5", "e5", "ic4");
        add(b, Seniority.STAFF, TITLE, "staff", "senior staff");
        add(b, Seniority.STAFF, ALONE, "l6", "e6", "ic5");
        add(b, Seniority.PRINCIPAL, TITLE, "principal", "distinguished");
        add(b, Seniority.LEAD, TITLE, "lead", "leads");
        add(b, Seniority.LEAD, ALONE, "tech lead", "tech leads", "team lead", "team leads", "technical lead",
                "technical leads", "lead engineer", "lead engineers", "lead developer", "engineering lead", "eng lead",
                "tech-lead", "techlead");
        add(b, Seniority.MANAGER, ALONE, "engineering manager", "engineering managers", "eng manager",
                "software engineering manager", "development manager", "manager of engineering", "engineering management");
        b.add("EM", Seniority.MANAGER.ordinal() | EXEC_TITLE, true);
        b.add("EMs", Seniority.MANAGER.ordinal() | EXEC_TITLE, true);
        add(b, Seniority.DIRECTOR, EXEC_TITLE, "director", "directors");
        add(b, Seniority.EXECUTIVE, EXEC_TITLE, "vp", "vice president", "head of", "cto", "chief technology officer",
                "chief", "cpo", "ciso", "coo", "cfo", "cmo", "svp", "evp");
        this.matcher = b.build();
    }

    private static void add(PhraseMatcher.Builder b, Seniority s, int kind, String... phrases) {
        for (String p : phrases) {
            b.add(p, kind | s.ordinal(), false);
        }
    }

    private static final Set<String> HIRING_CUES = Set.of("hiring", "seeking", "looking", "for", "a", "an", "our",
            "founding", "first", "roles", "role", "positions", "position", "need", "join");

    public List<Seniority> classify(PlainText plain, Header header) {
        String text = plain.text();
        EnumSet<Seniority> found = EnumSet.noneOf(Seniority.class);
        plain.scan(matcher, (payload, start, end) -> {
            if (plain.inLink(start, end)) {
                return true;
            }
            Seniority s = Seniority.values()[payload & 0xFF];
            int kind = payload & ~0xFF;
            String surface = text.substring(start, end);
            boolean inHeader = header.contains(start);
            String prevWord = Words.before(text, start);
            if (prevWord.equals("my") || prevWord.equals("our") || prevWord.equals("another") || prevWord.equals("his")
                    || prevWord.equals("her") || prevWord.equals("their") || prevWord.equals("other")) {
                return true; // people already there, not the advertised role
            }
            switch (kind) {
                case TITLE -> {
                    if (s == Seniority.LEAD && !Character.isUpperCase(surface.charAt(0))) {
                        return true;
                    }
                    if (s == Seniority.LEAD && !prevWord.isEmpty() && Character.isUpperCase(text.charAt(start - 1 - countSpaces(text, start)))
                            && endsTitle(text, end)) {
                        found.add(s); // "Strategic Project Lead", "AI Team Lead"
                        return true;
                    }
                    if (s == Seniority.JUNIOR && surface.equalsIgnoreCase("associate") && !Character.isUpperCase(surface.charAt(0))) {
                        return true;
                    }
                    if (Tokens.roleNounFollows(text, end, 6)) {
                        found.add(s);
                    }
                }
                case ALONE -> {
                    if (s == Seniority.MID && surface.length() > 5 && text.substring(Math.max(0, start - 25), start)
                            .toLowerCase(java.util.Locale.ROOT).matches("(?s).*\\b(sr\\.?|senior)\\b.*")) {
                        return true; // "Sr. Software Engineer II" is senior
                    }
                    if (s == Seniority.MANAGER) {
                        // "Engineering Manager" or "Manager" in a title, not "product manager" or "management".
                        String before = Words.before(text, start);
                        boolean eng = surface.toLowerCase(java.util.Locale.ROOT).contains("engineering")
                                || surface.toLowerCase(java.util.Locale.ROOT).startsWith("eng ");
                        if (surface.equalsIgnoreCase("management")) {
                            return true;
                        }
                        if (!eng && (before.equals("product") || before.equals("project") || before.equals("program")
                                || before.equals("account") || before.equals("hiring") || before.equals("office")
                                || before.equals("community") || before.equals("success") || before.equals("marketing")
                                || before.equals("your") || before.equals("the") || before.equals("a") || before.equals("package")
                                || before.equals("password") || before.equals("state") || before.equals("task")
                                || before.equals("resource") || before.equals("cluster") || before.equals("window")
                                || !Character.isUpperCase(surface.charAt(0)))) {
                            return true;
                        }
                    }
                    if ((s == Seniority.MID || s == Seniority.SENIOR || s == Seniority.STAFF) && surface.length() <= 3
                            && !inHeader) {
                        return true; // "L5", "E4" only as a title in the header
                    }
                    found.add(s);
                }
                case EXEC_TITLE -> {
                    if (!Character.isUpperCase(surface.charAt(0))) {
                        return true;
                    }
                    String before = Words.before(text, start);
                    char prevCh = Words.charBefore(text, start);
                    if (s == Seniority.MANAGER) {
                        if (inHeader || prevCh == ',' || prevCh == '\u2022') {
                            found.add(s);
                        }
                        return true;
                    }
                    if (prevCh == '\u2022' || prevCh == '*' || prevCh == '\n' || prevCh == '|' || prevCh == ':' || prevCh == '-' && text.charAt(start - 1) == ' ') {
                        found.add(s);
                        return true;
                    }
                    if (surface.equalsIgnoreCase("chief") && !Words.after(text, end).endsWith("officer")
                            && !Words.after(text, end).equals("technology") && !Words.after(text, end).equals("product")) {
                        return true;
                    }
                    if (inHeader || HIRING_CUES.contains(before)) {
                        if (!(before.equals("our") || before.equals("the") || before.equals("my") || before.equals("i'm"))) {
                            found.add(s);
                        }
                    }
                }
                default -> { }
            }
            return true;
        });
        if (found.isEmpty()) {
            int years = minYearsOfExperience(text);
            if (years >= 5) {
                found.add(Seniority.SENIOR);
            } else if (years >= 2) {
                found.add(Seniority.MID);
            } else if (years >= 0 && years <= 1) {
                found.add(Seniority.JUNIOR);
            }
        }
        return List.copyOf(found);
    }

    private static int countSpaces(String text, int start) {
        int k = 0;
        while (start - 1 - k >= 0 && text.charAt(start - 1 - k) == ' ') {
            k++;
        }
        return k;
    }

    /** The title ends here: punctuation, a line end or a glued next word. */
    private static boolean endsTitle(String text, int end) {
        if (end >= text.length()) {
            return true;
        }
        char c = text.charAt(end);
        return c == '\u2022' || c == '|' || c == ',' || c == '\n' || c == ')' || c == ';' || c == ':'
                || Character.isUpperCase(c) || c == ' ' && Words.charAfter(text, end) == '|';
    }

    /** Smallest "N+ years (of experience)" stated, or -1. */
    static int minYearsOfExperience(String text) {
        int best = -1;
        int from = 0;
        int[] next = {-2, -2, -2}; // next "year", "yrs", "yoe" at or after from; -1 once none is left
        while (true) {
            int y = indexOfYears(text, from, next);
            if (y < 0) {
                return best;
            }
            from = y + 5;
            // walk back over "8+ ", "5-7 ", "3 to 5 "
            int i = y - 1;
            while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '+')) {
                i--;
            }
            int numEnd = i + 1;
            while (i >= 0 && Character.isDigit(text.charAt(i))) {
                i--;
            }
            if (numEnd == i + 1 || numEnd - (i + 1) > 2) {
                continue;
            }
            int n = Integer.parseInt(text.substring(i + 1, numEnd));
            int j = i;
            while (j >= 0 && text.charAt(j) == ' ') {
                j--;
            }
            if (j >= 0 && (text.charAt(j) == '-' || text.charAt(j) == '\u2013')) {
                int k = j - 1;
                while (k >= 0 && text.charAt(k) == ' ') {
                    k--;
                }
                int e = k + 1;
                while (k >= 0 && Character.isDigit(text.charAt(k))) {
                    k--;
                }
                if (e > k + 1 && e - (k + 1) <= 2) {
                    n = Integer.parseInt(text.substring(k + 1, e));
                }
            }
            if (n > 25) {
                continue;
            }
            String after = text.substring(Math.min(text.length(), y), Math.min(text.length(), y + 60)).toLowerCase(java.util.Locale.ROOT);
            String before = text.substring(Math.max(0, i - 30), i + 1).toLowerCase(java.util.Locale.ROOT);
            boolean experience = after.contains("yoe") || after.contains("experience") || after.contains("exp") || after.startsWith("years+")
                    || after.contains("professional") || after.contains("industry") || after.contains("building")
                    || after.contains("writing") || after.contains("working") || after.contains("developing")
                    || after.contains("software") || after.contains("engineering") || before.contains("experience")
                    || after.startsWith("years |") || after.startsWith("yrs");
            if (!experience || before.contains("for over") || before.contains("last") || before.contains("past")
                    || after.contains("in business") || after.contains("old") || after.contains("ago")) {
                continue;
            }
            best = best < 0 ? n : Math.min(best, n);
        }
    }

    private static final String[] YEAR_WORDS = {"year", "yrs", "yoe"};

    /**
     * First "year", "yrs" or "yoe" at or after {@code from}. {@code next} keeps each word's next occurrence between
     * calls (from only grows), so a long text is searched once per word instead of once per mention.
     */
    private static int indexOfYears(String text, int from, int[] next) {
        for (int k = 0; k < YEAR_WORDS.length; k++) {
            if (next[k] != -1 && next[k] < from) {
                next[k] = indexOfIgnoreCase(text, YEAR_WORDS[k], from);
            }
        }
        int a = next[0];
        int b = next[1];
        int c = next[2];
        if (c >= 0 && (a < 0 || c < a)) {
            a = c;
        }
        if (a < 0) {
            return b;
        }
        return b < 0 ? a : Math.min(a, b);
    }

    /** First case-insensitive occurrence of {@code what} at or after {@code from}; candidates found by indexOf. */
    private static int indexOfIgnoreCase(String text, String what, int from) {
        char f = what.charAt(0);
        char upper = Character.toUpperCase(f);
        int atLower = text.indexOf(f, from);
        int atUpper = upper == f ? -1 : text.indexOf(upper, from);
        while (atLower >= 0 || atUpper >= 0) {
            int i = atLower < 0 ? atUpper : atUpper < 0 ? atLower : Math.min(atLower, atUpper);
            if (text.regionMatches(true, i, what, 0, what.length())) {
                return i;
            }
            if (i == atLower) {
                atLower = text.indexOf(f, i + 1);
            } else {
                atUpper = text.indexOf(upper, i + 1);
            }
        }
        return -1;
    }
}
