package io.jobpulse.enrichment.text;

import java.util.Set;

/** Walks the few words after a keyword to see whether it qualifies a job title ("Senior / Lead Backend Engineer"). */
public final class Tokens {
    private Tokens() {}

    public static final Set<String> ROLE_NOUNS = Set.of("engineer", "engineers", "developer", "developers", "swe",
            "swes", "sde", "sdes", "programmer", "programmers", "architect", "architects", "scientist", "scientists",
            "designer", "designers", "manager", "managers", "researcher", "researchers", "analyst", "analysts",
            "consultant", "consultants", "dev", "devs", "specialist", "specialists", "administrator", "technician",
            "role", "roles", "position", "positions", "level", "engineering", "hire", "hires", "talent",
            "candidates", "candidate", "ic", "ics", "contributor",
            "contributors", "lead", "leads", "product", "staff", "technologist", "technologists", "writer", "recruiter",
            "counsel", "associate", "associates", "executive", "executives", "director", "officer", "owner", "partner",
            "representative", "rep", "reps", "advocate", "advocates", "operator", "operators", "marketer", "strategist",
            "generalist", "generalists", "hacker", "hackers", "builder", "builders", "coder", "coders", "mle", "sre", "sres", "eng", "engs");

    private static final Set<String> STOP = Set.of("the", "a", "an", "our", "your", "their", "this", "that",
            "with", "of", "in", "on", "for", "by", "at", "from", "is", "are", "be", "we", "you", "it", "as", "who",
            "will", "can", "and", "or");

    /**
     * True when one of the next {@code maxWords} words (skipping '/', '-', ',', '&', '(' and "and"/"or" between titles) is a
     * role noun, before any stop word, sentence end or pipe.
     */
    public static boolean roleNounFollows(CharSequence t, int pos, int maxWords) {
        int n = t.length();
        int i = pos;
        int words = 0;
        String prev = "";
        while (i < n && words < maxWords) {
            char c = t.charAt(i);
            if (c == ' ' || c == '/' || c == '-' || c == ',' || c == '&' || c == '(' || c == ')' || c == '+' || c == '\u2013'
                    || c == '.' && (i == pos || i + 1 < n && Character.isLetter(t.charAt(i + 1)))) {
                i++;
                continue;
            }
            if (!PhraseMatcher.isWordChar(c)) {
                return false;
            }
            int s = i;
            while (i < n && (PhraseMatcher.isWordChar(t.charAt(i)) || t.charAt(i) == '.' && i + 1 < n && i > s
                    && (Character.isLowerCase(t.charAt(i + 1)) || Character.isDigit(t.charAt(i + 1))))) {
                i++;
                // A glued word ("EngineerWe") ends the title.
                if (i < n && Character.isUpperCase(t.charAt(i)) && Character.isLowerCase(t.charAt(i - 1))) {
                    break;
                }
            }
            String raw = t.subSequence(s, i).toString();
            String w = raw.toLowerCase(java.util.Locale.ROOT);
            if (ROLE_NOUNS.contains(w)) {
                return true;
            }
            boolean articleAfterConjunction = (w.equals("a") || w.equals("an")) && (prev.equals("and") || prev.equals("or"));
            if (STOP.contains(w) && raw.equals(w) && !(w.equals("and") || w.equals("or")) && !articleAfterConjunction) {
                return false;
            }
            prev = w;
            words++;
        }
        return false;
    }
}
