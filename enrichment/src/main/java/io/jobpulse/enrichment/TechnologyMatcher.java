package io.jobpulse.enrichment;

import io.jobpulse.enrichment.text.PhraseMatcher;
import io.jobpulse.enrichment.text.PlainText;
import io.jobpulse.enrichment.text.Words;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds technologies of the {@link TechnologyTaxonomy} in a posting's text.
 *
 * <p>A {@link PhraseMatcher} over every canonical name and alias finds candidates (case-insensitive, whole words,
 * longest first); word-sense rules then decide which candidates mean the technology: "Go" the verb, "C" in
 * "Series C", "R" in "R&amp;D", "Spring" the season, "Swift" the bank, "React" the verb, "Java" the island, "Ruby"
 * a name. Ambiguous words count only inside a list of other technologies. Every accepted mention keeps its span.
 * Built once, thread-safe.
 */
public final class TechnologyMatcher {

    /** How far (characters) to look for other technologies when a word needs context. */
    private static final int CONTEXT_WINDOW = 70;

    private static final Set<String> GO_VERB_NEXT = Set.of("to", "back", "ahead", "live", "further", "beyond",
            "through", "from", "into", "out", "over", "for", "above", "deep", "deeper", "far", "fast", "faster",
            "the", "a", "an", "on", "up", "down", "get", "big", "all", "public", "global", "viral", "wrong", "after",
            "against", "along", "away", "by", "off", "forward", "together", "home", "anywhere", "without", "where",
            "first", "it", "about", "is", "are", "at", "in", "this", "that", "our", "your", "their", "we",
            "you", "hand", "hands", "straight", "well", "unnoticed", "there", "here", "build", "make", "see", "find");
    private static final Set<String> VERB_BEFORE = Set.of("to", "will", "can", "let's", "lets", "we", "you", "i",
            "they", "must", "should", "could", "would", "and", "may", "might", "don't", "didn't", "cannot", "who",
            "quickly", "not", "never", "also", "then", "helps", "help", "how");
    private static final Set<String> LANG_CUE_BEFORE = Set.of("in", "with", "using", "written", "golang", "and", "or");
    private static final Set<String> LANG_CUE_AFTER = Set.of("developer", "developers", "engineer", "engineers",
            "code", "codebase", "services", "service", "backend", "programming", "language", "experience",
            "microservices", "and", "or", "stack", "programmer", "programmers");
    private static final Set<String> LETTER_BEFORE = Set.of("series", "round", "vitamin", "grade", "class", "type",
            "plan", "option", "section", "level", "part", "tier", "big", "the", "a", "category", "phase", "model",
            "team", "b", "d", "appendix", "exhibit", "schedule", "figure", "room", "building", "floor", "unit");
    private static final Set<String> REACT_VERB_NEXT = Set.of("to", "quickly", "swiftly", "fast", "faster",
            "accordingly", "appropriately", "immediately", "well", "calmly", "and", "when", "in");

    private final TechnologyTaxonomy taxonomy;
    private final PhraseMatcher matcher;
    private final PhraseMatcher companyCues;
    private final int go;
    private final int c;
    private final int r;
    private final int elixir;
    private final int clojure;
    private final int scala;
    private final int ios;
    private final Set<String> needsElixir = Set.of("phoenix", "broadway", "bumblebee", "scholar", "axon", "flame");

    public TechnologyMatcher(TechnologyTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
        PhraseMatcher.Builder b = PhraseMatcher.builder().startAfterDot(false);
        for (Technology t : taxonomy.technologies()) {
            for (String alias : t.aliases()) {
                b.add(alias, t.id(), t.exactSpelling());
            }
        }
        this.matcher = b.build();
        PhraseMatcher.Builder cues = PhraseMatcher.builder();
        for (String cue : COMPANY_CUES) {
            cues.add(cue, 0, false);
        }
        this.companyCues = cues.build();
        this.go = idOf("Go");
        this.c = idOf("C");
        this.r = idOf("R");
        this.elixir = idOf("Elixir");
        this.clojure = idOf("Clojure");
        this.scala = idOf("Scala");
        this.ios = idOf("iOS");
    }

    private int idOf(String name) {
        Technology t = taxonomy.byName(name);
        return t == null ? -2 : t.id();
    }

    public TechnologyTaxonomy taxonomy() {
        return taxonomy;
    }

    /** The underlying phrase matcher over every name and alias (no word-sense rules). */
    public PhraseMatcher rawMatcher() {
        return matcher;
    }

    /** The raw candidate scan (no word-sense rules), for benchmarks and callers that apply their own rules. */
    public void scan(CharSequence text, PhraseMatcher.Sink sink) {
        matcher.scan(text, sink);
    }

    /** Technologies of a text, in order of first mention, with evidence. */
    public List<TechnologyMention> match(PlainText plain) {
        String text = plain.text();
        int[][] cand = {new int[48]};
        int[] count = {0};
        plain.scan(matcher, (payload, start, end) -> {
            if (plain.inLink(start, end)) {
                return true;
            }
            int n = count[0];
            if (3 * n + 3 > cand[0].length) {
                cand[0] = Arrays.copyOf(cand[0], cand[0].length * 2);
            }
            cand[0][3 * n] = payload;
            cand[0][3 * n + 1] = start;
            cand[0][3 * n + 2] = end;
            count[0] = n + 1;
            return true;
        });
        int n = count[0];
        int[] cs = cand[0];
        if (n == 0) {
            return List.of();
        }
        // Ends of "acquired by", "customers like", ...: names shortly after them are companies, not the stack.
        int[] cueEnds = {-1, -1, -1, -1};
        int[] cueCount = {0};
        plain.scan(companyCues, (payload, start, end) -> {
            if (cueCount[0] < cueEnds.length) {
                cueEnds[cueCount[0]++] = end;
            }
            return true;
        });
        // 0 undecided, 1 accepted, -1 rejected
        byte[] state = new byte[n];
        boolean[] present = new boolean[taxonomy.size()];
        for (int i = 0; i < n; i++) {
            Technology t = taxonomy.get(cs[3 * i]);
            int start = cs[3 * i + 1];
            int end = cs[3 * i + 2];
            if (cueCount[0] > 0 && aboutCompanies(text, start, cueEnds, cueCount[0])) {
                state[i] = -1;
                continue;
            }
            if (!t.needsContext() && !t.hasRule()) {
                state[i] = 1;
            } else if (t.hasRule()) {
                state[i] = (byte) ruleFirstPass(t, text, start, end);
            } else if (distinctive(text, start, end)) {
                state[i] = 1;
            }
            if (state[i] == 1) {
                present[t.id()] = true;
            }
        }
        // Second pass: words that need context count when an accepted technology is nearby, or a cue precedes them.
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < n; i++) {
                if (state[i] != 0) {
                    continue;
                }
                Technology t = taxonomy.get(cs[3 * i]);
                int start = cs[3 * i + 1];
                int end = cs[3 * i + 2];
                String key = t.name().length() <= 9 ? t.name().toLowerCase(java.util.Locale.ROOT) : "";
                if (needsElixir.contains(key) && !present[elixir]) {
                    continue;
                }
                if ((key.equals("ring") && !present[clojure]) || (key.equals("play") && !present[scala])) {
                    continue;
                }
                if (t.id() == idOf("Swift") && present[ios]) {
                    state[i] = 1;
                } else if (nearAccepted(cs, state, n, i, start, end) || cueBefore(text, start)) {
                    state[i] = 1;
                }
                if (state[i] == 1) {
                    present[t.id()] = true;
                }
            }
        }
        Map<Integer, List<Span>> found = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (state[i] == 1) {
                int start = cs[3 * i + 1];
                int end = cs[3 * i + 2];
                found.computeIfAbsent(cs[3 * i], k -> new ArrayList<>(2)).add(new Span(start, end, text.substring(start, end)));
            }
        }
        List<TechnologyMention> out = new ArrayList<>(found.size());
        for (Map.Entry<Integer, List<Span>> e : found.entrySet()) {
            Technology t = taxonomy.get(e.getKey());
            out.add(new TechnologyMention(t.name(), t.category(), e.getValue()));
        }
        return out;
    }

    private static final String[] COMPANY_CUES = {"acquired by", "acquisition by", "backed by", "funded by", "invested by",
            "investors include", "alumni", "alumni of", "formerly at", "previously at", "worked at", "came from", "customers include", "customers like",
            "clients include", "clients like", "trusted by", "used by companies", "partners include", "partnered with",
            "founders of", "founded by", "featured in", "competitors"};

    /** "acquired by Datadog", "customers like Snowflake": the name is a company here, not the job's stack. */
    private static boolean aboutCompanies(String text, int start, int[] cueEnds, int cues) {
        for (int k = 0; k < cues; k++) {
            int e = cueEnds[k];
            if (e <= start && start - e <= 60) {
                boolean sentenceBreak = false;
                for (int i = e; i < start; i++) {
                    char ch = text.charAt(i);
                    if (ch == '\n' || ch == '.' && i + 1 < text.length() && text.charAt(i + 1) == ' ') {
                        sentenceBreak = true;
                        break;
                    }
                }
                if (!sentenceBreak) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Multi-word, dotted, digit-bearing or camel-case spellings are not ordinary words. */
    private static boolean distinctive(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char ch = text.charAt(i);
            if (!Character.isLetter(ch)) {
                return true;
            }
            if (i > start && Character.isUpperCase(ch) && Character.isLowerCase(text.charAt(i - 1))) {
                return true;
            }
        }
        return false;
    }

    private boolean nearAccepted(int[] cs, byte[] state, int n, int self, int start, int end) {
        // candidates are in text order: look outwards until out of the window
        for (int j = self - 1; j >= 0 && start - cs[3 * j + 2] <= CONTEXT_WINDOW; j--) {
            if (state[j] == 1 && cs[3 * j] != cs[3 * self]) {
                return true;
            }
        }
        for (int j = self + 1; j < n && cs[3 * j + 1] - end <= CONTEXT_WINDOW; j++) {
            if (state[j] == 1 && cs[3 * j] != cs[3 * self]) {
                return true;
            }
        }
        return false;
    }

    private static boolean cueBefore(String text, int start) {
        String before = Words.before(text, start);
        if (before.equals("in") || before.equals("using") || before.equals("with")) {
            String b2 = Words.before(text, start - 1 - before.length() < 0 ? 0 : start - before.length() - 1);
            return b2.equals("written") || b2.equals("experience") || b2.equals("built") || b2.equals("proficiency")
                    || b2.equals("expertise") || b2.equals("familiarity") || b2.equals("proficient") || b2.equals("skilled")
                    || b2.equals("coding") || b2.equals("programming") || b2.equals("fluent") || b2.equals("fluency");
        }
        return false;
    }

    /** Word-sense rules for the words the taxonomy flags {@code rule}: 1 accept, -1 reject, 0 needs context. */
    private int ruleFirstPass(Technology t, String text, int start, int end) {
        String surface = text.substring(start, end);
        String next = Words.after(text, end);
        String prev = Words.before(text, start);
        char nextCh = end < text.length() ? text.charAt(end) : '\n';
        char prevCh = start > 0 ? text.charAt(start - 1) : '\n';
        int id = t.id();
        if (id == go) {
            if (surface.equalsIgnoreCase("golang")) {
                return 1;
            }
            if (nextCh == '-' || prevCh == '-' || nextCh == '\'' || GO_VERB_NEXT.contains(next) || VERB_BEFORE.contains(prev)
                    && !prev.equals("and") || surface.equals("GO") && Character.isUpperCase(Words.afterRaw(text, end).isEmpty() ? 'a' : Words.afterRaw(text, end).charAt(0))) {
                return -1;
            }
            if (LANG_CUE_AFTER.contains(next) && !next.equals("and") && !next.equals("or") || prev.equals("in") || prev.equals("golang")) {
                return 1;
            }
            return 0;
        }
        if (id == c || id == r) {
            if (LETTER_BEFORE.contains(prev) || nextCh == '-' && end + 1 < text.length() && Character.isLetter(text.charAt(end + 1))
                    || nextCh == '&' || prevCh == '&' || nextCh == '\'' || nextCh == '.' && end + 1 < text.length() && Character.isLetter(text.charAt(end + 1))
                    || prevCh == '-' || prevCh == '.' || prevCh == '\'') {
                return -1;
            }
            char a = Words.charAfter(text, end);
            char bf = Words.charBefore(text, start);
            boolean listy = a == ',' || a == '/' || a == ')' || bf == ',' || bf == '/' || bf == '(' || next.equals("and") || next.equals("or") || prev.equals("and") || prev.equals("or");
            if (id == c && (next.equals("programming") || next.equals("language") || next.equals("code"))) {
                return 1;
            }
            return listy ? 0 : -1;
        }
        switch (t.name()) {
            case "Rust" -> {
                if (surface.equals("rust")) {
                    return (prev.equals("in") || prev.equals("with") || prev.equals("using"))
                            && (Words.precededBy(text, start, 30, "written") || Words.precededBy(text, start, 30, "code")
                            || Words.precededBy(text, start, 30, "experience") || Words.precededBy(text, start, 30, "built")) ? 1 : 0;
                }
                return next.equals("belt") ? -1 : 1;
            }
            case "GitHub", "Figma", "Tableau", "Jupyter" -> {
                // Named as tools in a stack list, not as a profile link or an analogy ("Figma for video").
                char a = Words.charAfter(text, end);
                char bf = Words.charBefore(text, start);
                boolean list = a == ',' || a == '/' || bf == ',' || bf == '/' || next.equals("and") || prev.equals("and")
                        || next.equals("or") || prev.equals("or");
                return list && !next.equals("for") && !next.equals("profile") ? 0 : -1;
            }
            case "Java" -> {
                boolean island = next.equals("island") || next.equals("sea") || next.equals("coffee") || prev.equals("east")
                        || prev.equals("west") || prev.equals("central") || Words.precededBy(text, start, 12, "island of")
                        || text.startsWith(", Indonesia", end) || text.startsWith(" Indonesia", end);
                return island ? -1 : 1;
            }
            case "Ruby", "Elixir", "Lean" -> {
                String raw = Words.afterRaw(text, end);
                if (!raw.isEmpty() && Character.isUpperCase(raw.charAt(0)) && Words.charAfter(text, end) != '/' && t.name().equals("Ruby")) {
                    return -1;
                }
                return LANG_CUE_AFTER.contains(next) && !next.equals("and") || prev.equals("in") ? 1 : 0;
            }
            case "Swift" -> {
                return surface.equals("SWIFT") ? -1 : 0;
            }
            case "Spring" -> {
                if (next.matches("\\d{2,4}") || next.equals("semester") || next.equals("break") || next.equals("term")
                        || prev.equals("this") || prev.equals("next") || prev.equals("last") || prev.equals("the")) {
                    return -1;
                }
                return 0;
            }
            case "React" -> {
                boolean verbNext = REACT_VERB_NEXT.contains(next) && (surface.equals("react")
                        || !(next.equals("and") || next.equals("in") || next.equals("when") || next.equals("well")));
                if (verbNext || VERB_BEFORE.contains(prev) && !prev.equals("and")) {
                    return -1;
                }
                if (surface.equals("react")) {
                    // lower-case "react" is a verb unless it is plainly the library ("experts with react")
                    return prev.equals("with") || prev.equals("in") || prev.equals("using") || prev.equals("understand")
                            || prev.equals("know") || prev.equals("knows") || prev.equals("of") ? 1 : 0;
                }
                return 1;
            }
            case "Express.js" -> {
                if (surface.equalsIgnoreCase("express")) {
                    return Character.isUpperCase(surface.charAt(0)) && !next.equals("entry") && !next.equals("interest") ? 0 : -1;
                }
                return 1;
            }
            case "Node.js" -> {
                if (surface.equalsIgnoreCase("node")) {
                    return surface.equals("Node") ? 0 : -1;
                }
                return 1;
            }
            case "Next.js" -> {
                if (surface.equalsIgnoreCase("next")) {
                    char bf = Words.charBefore(text, start);
                    return surface.equals("Next") && (bf == ',' || bf == '/' || bf == '(') ? 0 : -1;
                }
                return 1;
            }
            case "Elasticsearch", "Alpine.js", "SolidJS" -> {
                return distinctive(text, start, end) || surface.length() > 8 && !surface.equals("Elastic") ? 1 : 0;
            }
            case "Make" -> {
                if (!surface.equals("Make")) {
                    return 1;
                }
                char a = Words.charAfter(text, end);
                char bf = Words.charBefore(text, start);
                return (bf == ',' || bf == '/') && (a == ',' || a == '/' || a == ')' || a == '.' || next.equals("and")) ? 0 : -1;
            }
            case "Git" -> {
                if (next.equals("flow") || next.equals("workflow") || next.equals("history") || next.equals("commit")) {
                    return -1;
                }
                return surface.equals("git") ? 0 : 1;
            }
            case "LLM" -> {
                return 1;
            }
            case "Unity" -> {
                return 0;
            }
            default -> {
                return 0;
            }
        }
    }
}
