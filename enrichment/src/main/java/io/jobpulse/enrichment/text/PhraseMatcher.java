package io.jobpulse.enrichment.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Case-insensitive, whole-word, leftmost-longest multi-phrase matcher over a character trie.
 *
 * <p>In: phrases (each with an int payload and an optional "exact spelling" requirement). Out: for a text, the
 * non-overlapping matches, reported to a {@link Sink} without allocating per match. Matching folds case and treats
 * any run of whitespace as one space. A match must start where the previous character is not a letter or digit and
 * end where the next one is not, or where words were glued together by HTML stripping ("RemoteWe", "ONSITEZype").
 * Phrases flagged exact only match their own spelling or its ALL CAPS form (so "Go" does not match "go").
 *
 * <p>Built once, immutable, thread-safe. Node ids carry a flag when a phrase ends there, so a walk reads only the
 * transition it takes. Shallow nodes (where most walks end) come first in breadth-first order and own direct 64-wide
 * rows; deeper nodes are numbered depth-first and keep their few transitions sorted in one flat array, so walking a
 * long name ("San Francisco Bay Area") reads neighbouring memory instead of one random hash slot per character.
 */
public final class PhraseMatcher {

    /** Receives matches; return false to stop the scan. */
    @FunctionalInterface
    public interface Sink {
        boolean match(int payload, int start, int end);
    }

    /** Compact alphabet for dense rows: folded ASCII letters, digits and the punctuation phrases use; 0 = other. */
    private static final byte[] SYM = new byte[128];
    private static final boolean[] WORD = new boolean[128];

    static {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 .-+#/&'(),:!$%_@*";
        for (int i = 0; i < alphabet.length(); i++) {
            SYM[alphabet.charAt(i)] = (byte) (i + 1);
        }
        for (char c = 0; c < 128; c++) {
            WORD[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
    }

    private static final int DENSE_DEPTH = 3;
    private static final int MAX_DENSE_ROWS = 8192;
    /** Set on a transition's target when some phrase ends at that node. */
    private static final int TERMINAL = 1 << 30;
    private static final int NODE = TERMINAL - 1;

    /** Nodes {@code 0 .. denseCount-1} (the shallow ones) have a row here: target per {@link #SYM} symbol, or -1. */
    private final int denseCount;
    private final int[] dense;
    /** Every node's transitions: {@code edgeChar/edgeTarget[firstEdge[n] .. firstEdge[n+1])}, sorted by char. */
    private final int[] firstEdge;
    private final char[] edgeChar;
    private final int[] edgeTarget;
    private final int[] rootAscii;
    /** Per node: index into terminalPhrases of the first phrase ending here, or -1. */
    private final int[] terminalStart;
    private final int[] terminalCount;
    private final int[] terminalPhrases;
    /** Each phrase's spelling and its upper-cased characters (for the exact-spelling check). */
    private final char[][] phraseText;
    private final char[][] phraseUpper;
    private final boolean[] phraseExact;
    private final int[] phrasePayload;
    private final int phraseCount;
    private final boolean startAfterDot;
    private final boolean startAtCamel;
    private final boolean upperCaseStarts;

    private PhraseMatcher(Builder b) {
        startAfterDot = b.startAfterDot;
        startAtCamel = b.startAfterDot;
        upperCaseStarts = b.upperCaseStarts;
        int nodes = b.nodeCount;
        int edges = b.edges.size();
        // The builder's trie as adjacency lists (builder ids), children sorted by character.
        int[] childStart = new int[nodes + 1];
        for (long[] e : b.edges) {
            childStart[(int) (e[0] >>> 16) + 1]++;
        }
        for (int n = 0; n < nodes; n++) {
            childStart[n + 1] += childStart[n];
        }
        long[] byParent = new long[edges]; // (char << 32) | child, grouped by parent
        int[] fill = childStart.clone();
        for (long[] e : b.edges) {
            int parent = (int) (e[0] >>> 16);
            byParent[fill[parent]++] = ((e[0] & 0xFFFF) << 32) | e[1];
        }
        for (int n = 0; n < nodes; n++) {
            Arrays.sort(byParent, childStart[n], childStart[n + 1]);
        }
        // New ids: shallow nodes breadth-first, then each deeper subtree depth-first.
        int[] newId = new int[nodes];
        int[] order = new int[nodes]; // builder id by new id
        int[] depth = new int[nodes];
        int next = 0;
        order[next] = 0;
        newId[0] = next++;
        int shallow = 1;
        for (int head = 0; head < shallow; head++) {
            int n = order[head];
            for (int k = childStart[n]; k < childStart[n + 1]; k++) {
                int c = (int) byParent[k];
                depth[c] = depth[n] + 1;
                if (depth[c] < DENSE_DEPTH && next < MAX_DENSE_ROWS) {
                    order[next] = c;
                    newId[c] = next++;
                    shallow++;
                }
            }
        }
        denseCount = shallow;
        int[] stack = new int[nodes];
        for (int head = 0; head < shallow; head++) {
            int n = order[head];
            for (int k = childStart[n]; k < childStart[n + 1]; k++) {
                int sub = (int) byParent[k];
                if (sub != 0 && newId[sub] == 0) {
                    int top = 0;
                    stack[top++] = sub;
                    while (top > 0) {
                        int m = stack[--top];
                        order[next] = m;
                        newId[m] = next++;
                        for (int q = childStart[m + 1] - 1; q >= childStart[m]; q--) {
                            stack[top++] = (int) byParent[q];
                        }
                    }
                }
            }
        }
        if (next != nodes) {
            throw new IllegalStateException("trie renumbering reached " + next + " of " + nodes + " nodes");
        }
        if (nodes > NODE) {
            throw new IllegalStateException("too many trie nodes: " + nodes);
        }
        terminalCount = new int[nodes];
        for (Builder.Phrase p : b.phrases) {
            terminalCount[newId[p.node]]++;
        }
        firstEdge = new int[nodes + 1];
        edgeChar = new char[edges];
        edgeTarget = new int[edges];
        int at = 0;
        for (int id = 0; id < nodes; id++) {
            int n = order[id];
            firstEdge[id] = at;
            for (int k = childStart[n]; k < childStart[n + 1]; k++) {
                int c = (int) byParent[k];
                edgeChar[at] = (char) (byParent[k] >>> 32);
                edgeTarget[at] = target(newId[c]);
                at++;
            }
        }
        firstEdge[nodes] = at;
        rootAscii = new int[128];
        Arrays.fill(rootAscii, -1);
        dense = new int[denseCount << 6];
        Arrays.fill(dense, -1);
        for (int id = 0; id < nodes; id++) {
            for (int k = firstEdge[id]; k < firstEdge[id + 1]; k++) {
                char c = edgeChar[k];
                if (id == 0 && c < 128) {
                    rootAscii[c] = edgeTarget[k];
                }
                if (id < denseCount && c < 128 && SYM[c] != 0) {
                    dense[(id << 6) | SYM[c]] = edgeTarget[k];
                }
            }
        }
        terminalStart = new int[nodes];
        Arrays.fill(terminalStart, -1);
        phraseCount = b.phrases.size();
        phraseText = new char[phraseCount][];
        phraseUpper = new char[phraseCount][];
        phraseExact = new boolean[phraseCount];
        phrasePayload = new int[phraseCount];
        int[] nodeOf = new int[phraseCount];
        for (int i = 0; i < phraseCount; i++) {
            Builder.Phrase p = b.phrases.get(i);
            phraseText[i] = p.text.toCharArray();
            phraseUpper[i] = new char[phraseText[i].length];
            for (int k = 0; k < phraseText[i].length; k++) {
                phraseUpper[i][k] = Character.toUpperCase(phraseText[i][k]);
            }
            phraseExact[i] = p.exact;
            phrasePayload[i] = p.payload;
            nodeOf[i] = newId[p.node];
        }
        terminalPhrases = new int[phraseCount];
        int pos = 0;
        int[] used = new int[nodes];
        for (int n = 0; n < nodes; n++) {
            if (terminalCount[n] > 0) {
                terminalStart[n] = pos;
                pos += terminalCount[n];
            }
        }
        for (int i = 0; i < phraseCount; i++) {
            int n = nodeOf[i];
            terminalPhrases[terminalStart[n] + used[n]++] = i;
        }
    }

    /** A transition target: the node id, flagged when a phrase ends there. */
    private int target(int id) {
        return terminalCount[id] > 0 ? id | TERMINAL : id;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int phraseCount() {
        return phraseCount;
    }

    /** The flagged target of node's transition on folded character c, or -1. */
    private int child(int node, char c) {
        if (c < 128) {
            if (node < denseCount) {
                int sym = SYM[c];
                if (sym != 0) {
                    return dense[(node << 6) | sym];
                }
            }
            if (node == 0) {
                return rootAscii[c];
            }
        }
        int lo = firstEdge[node];
        int hi = firstEdge[node + 1];
        if (hi - lo > 8) {
            int k = Arrays.binarySearch(edgeChar, lo, hi, c);
            return k >= 0 ? edgeTarget[k] : -1;
        }
        for (int k = lo; k < hi; k++) {
            char e = edgeChar[k];
            if (e >= c) {
                return e == c ? edgeTarget[k] : -1;
            }
        }
        return -1;
    }

    static char fold(char c) {
        if (c < 128) {
            return (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
        }
        if (Character.isWhitespace(c) || c == '\u00A0') {
            return ' ';
        }
        return Character.toLowerCase(c);
    }

    public static boolean isWordChar(char c) {
        if (c < 128) {
            return WORD[c];
        }
        return Character.isLetterOrDigit(c);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\u00A0' || (c > 127 && Character.isWhitespace(c));
    }

    /** "...usSr. Engineer": an upper-case letter after lower-case ones, followed by lower case, where stripping glued words. */
    private static boolean camelStart(char[] text, int i) {
        char c = text[i];
        if (c < 128 ? c < 'A' || c > 'Z' : !Character.isUpperCase(c)) {
            return false;
        }
        return true && i + 1 < text.length && Character.isLowerCase(text[i + 1])
                && Character.isLowerCase(text[i - 1]) && i > 1 && Character.isLowerCase(text[i - 2]);
    }

    /** True when a match ending before {@code end} may end there. */
    public static boolean rightBoundary(char[] text, int start, int end) {
        int n = text.length;
        if (end >= n) {
            return true;
        }
        char next = text[end];
        if (!isWordChar(next)) {
            return true;
        }
        char last = text[end - 1];
        if (!isWordChar(last)) {
            return true; // "C++" or "C#" directly followed by a word
        }
        // Words glued by HTML stripping: "RemoteWe", "ONSITEZype".
        if (Character.isUpperCase(next)) {
            if (Character.isLowerCase(last)) {
                return true;
            }
            return Character.isUpperCase(last) && end - start >= 2 && end + 1 < n
                    && Character.isLowerCase(text[end + 1]) && allUpper(text, start, end);
        }
        return false;
    }

    private static boolean allUpper(char[] text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Character.isLowerCase(text[i])) {
                return false;
            }
        }
        return true;
    }

    /** Exact phrases match their own spelling, its ALL CAPS form, or with a capitalised first letter ("Golang"). */
    private boolean spellingOk(int phrase, char[] text, int start, int end) {
        if (!phraseExact[phrase]) {
            return true;
        }
        char[] p = phraseText[phrase];
        char[] pu = phraseUpper[phrase];
        int j = 0;
        boolean same = true;
        boolean upper = true;
        boolean capital = true;
        for (int i = start; i < end; i++) {
            char c = text[i];
            if (isSpace(c)) {
                if (i > start && isSpace(text[i - 1])) {
                    continue;
                }
                c = ' ';
            }
            if (j >= p.length) {
                return false;
            }
            char pc = p[j];
            char pcUpper = pu[j];
            if (c != pc) {
                same = false;
            }
            if (c != pcUpper) {
                upper = false;
            }
            if (j == 0 ? c != pcUpper : c != pc) {
                capital = false;
            }
            if (!same && !upper && !capital) {
                return false;
            }
            j++;
        }
        return same || upper || capital;
    }

    /** Finds the accepted phrase at a node for the surface text, or -1. */
    private int accepted(int node, char[] text, int start, int end) {
        int first = terminalStart[node];
        if (first < 0) {
            return -1;
        }
        for (int k = first, last = first + terminalCount[node]; k < last; k++) {
            int phrase = terminalPhrases[k];
            if (spellingOk(phrase, text, start, end)) {
                return phrase;
            }
        }
        return -1;
    }

    /** Scans {@code text[from, to]} and reports leftmost-longest whole-word matches. */
    public void scan(char[] text, int from, int to, Sink sink) {
        int i = from;
        while (i < to) {
            char c0 = text[i];
            if (i > 0 && ((c0 >= 'a' && c0 <= 'z') || (c0 >= '0' && c0 <= '9'))) {
                char p = text[i - 1];
                if (p < 128 && WORD[p]) {
                    i++; // inside a word: no match can start here
                    continue;
                }
            }
            if (upperCaseStarts && c0 >= 'a' && c0 <= 'z') {
                // skip the rest of a lower-case word
                i++;
                while (i < to && isWordChar(text[i]) && !(startAtCamel && camelStart(text, i))) {
                    i++;
                }
                continue;
            }
            if (isSpace(c0) || (i > 0 && isWordChar(text[i - 1]) && !(startAtCamel && camelStart(text, i)))
                    || (!startAfterDot && i > 1 && text[i - 1] == '.' && isWordChar(text[i - 2]) && isWordChar(c0))) {
                i++;
                continue;
            }
            int node = 0;
            int bestEnd = -1;
            int bestPhrase = -1;
            int j = i;
            boolean prevSpace = false;
            while (j < to) {
                char c = text[j];
                if (isSpace(c)) {
                    if (prevSpace) {
                        j++;
                        continue;
                    }
                    prevSpace = true;
                    c = ' ';
                } else {
                    prevSpace = false;
                    c = fold(c);
                }
                int target = child(node, c);
                if (target < 0) {
                    break;
                }
                node = target & NODE;
                j++;
                if ((target & TERMINAL) != 0 && rightBoundary(text, i, j)) {
                    int phrase = accepted(node, text, i, j);
                    if (phrase >= 0) {
                        bestEnd = j;
                        bestPhrase = phrase;
                    }
                }
            }
            if (bestPhrase >= 0) {
                if (!sink.match(phrasePayload[bestPhrase], i, bestEnd)) {
                    return;
                }
                i = bestEnd;
            } else {
                i++;
            }
        }
    }

    /** Flag on a word start that is a lower-to-upper glue point ("usSr."). */
    public static final int CAMEL = 1 << 30;

    /**
     * Computes once per text the positions where a match may start: not a space, and after a non-word character
     * (or at a glue point, flagged {@link #CAMEL}). Every matcher's {@link #scan(char[], int[], int, Sink)} then visits
     * only these instead of every character.
     */
    public static int wordStarts(char[] text, int[] out) {
        int n = 0;
        for (int i = 0; i < text.length; i++) {
            char c = text[i];
            if (isSpace(c)) {
                continue;
            }
            if (i == 0 || !isWordChar(text[i - 1])) {
                out[n++] = i;
            } else if (camelStart(text, i)) {
                out[n++] = i | CAMEL;
            }
        }
        return n;
    }

    /**
     * The text as the trie sees it: ASCII lower case, other characters lower-cased by the JDK, every kind of
     * whitespace a plain space. Computed once per text and shared by every matcher's word-start scan.
     */
    public static void fold(char[] text, char[] out) {
        for (int i = 0; i < text.length; i++) {
            char c = text[i];
            out[i] = c < 128
                    ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c == '\n' || c == '\t' || c == '\r' ? ' ' : c)
                    : isSpace(c) ? ' ' : fold(c);
        }
    }

    /** {@link #fold(char[], char[])} and {@link #wordStarts(char[], int[])} in one pass over the text. */
    public static int foldAndWordStarts(char[] text, char[] folded, int[] starts) {
        int n = 0;
        boolean prevWord = false; // isWordChar(text[i - 1]), carried over instead of asked twice per character
        for (int i = 0; i < text.length; i++) {
            char c = text[i];
            char f = c < 128
                    ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c == '\n' || c == '\t' || c == '\r' ? ' ' : c)
                    : isSpace(c) ? ' ' : fold(c);
            folded[i] = f;
            boolean word = isWordChar(c);
            if (f != ' ') {
                if (!prevWord) {
                    starts[n++] = i;
                } else if (camelStart(text, i)) {
                    starts[n++] = i | CAMEL;
                }
            }
            prevWord = word;
        }
        return n;
    }

    /** Like {@link #scan(char[], int, int, Sink)} but only at precomputed {@link #wordStarts word starts}. */
    public void scan(char[] text, int[] starts, int count, Sink sink) {
        char[] folded = new char[text.length];
        fold(text, folded);
        scan(text, folded, starts, count, sink);
    }

    /** Like {@link #scan(char[], int[], int, Sink)} with the text already {@link #fold(char[], char[]) folded}. */
    public void scan(char[] text, char[] folded, int[] starts, int count, Sink sink) {
        int next = 0;
        for (int k = 0; k < count; k++) {
            int s = starts[k];
            boolean camel = (s & CAMEL) != 0;
            int i = s & ~CAMEL;
            if (i < next || camel && !startAtCamel) {
                continue;
            }
            char c0 = text[i];
            if (upperCaseStarts && c0 >= 'a' && c0 <= 'z') {
                continue;
            }
            if (!startAfterDot && i > 1 && text[i - 1] == '.' && isWordChar(text[i - 2]) && isWordChar(c0)) {
                continue;
            }
            int end = longest(text, folded, i);
            if (end > 0) {
                if (!sink.match(phrasePayload[lastPhrase(text, folded, i, end)], i, end)) {
                    return;
                }
                next = end;
            }
        }
    }

    /** End of the longest accepted phrase starting at i, or -1. */
    private int longest(char[] text, char[] folded, int i) {
        int to = folded.length;
        int node = 0;
        int bestEnd = -1;
        int j = i;
        boolean prevSpace = false;
        while (j < to) {
            char c = folded[j];
            if (c == ' ') {
                if (prevSpace) {
                    j++;
                    continue;
                }
                prevSpace = true;
            } else {
                prevSpace = false;
            }
            int target = child(node, c);
            if (target < 0) {
                break;
            }
            node = target & NODE;
            j++;
            if ((target & TERMINAL) != 0 && rightBoundary(text, i, j) && accepted(node, text, i, j) >= 0) {
                bestEnd = j;
            }
        }
        return bestEnd;
    }

    /** The accepted phrase of the match [i, end). */
    private int lastPhrase(char[] text, char[] folded, int i, int end) {
        int node = 0;
        boolean prevSpace = false;
        for (int j = i; j < end; j++) {
            char c = folded[j];
            if (c == ' ') {
                if (prevSpace) {
                    continue;
                }
                prevSpace = true;
            } else {
                prevSpace = false;
            }
            node = child(node, c) & NODE;
        }
        return accepted(node, text, i, end);
    }

    public void scan(char[] text, Sink sink) {
        scan(text, 0, text.length, sink);
    }

    /** Scans a string (copies it to an array first; hot callers pass {@link PlainText#chars()}). */
    public void scan(CharSequence text, Sink sink) {
        char[] chars = text instanceof String str ? str.toCharArray() : text.toString().toCharArray();
        scan(chars, 0, chars.length, sink);
    }

    /** Collects phrases, then builds the immutable matcher. */
    public static final class Builder {
        private record Phrase(String text, boolean exact, int payload, int node) {}

        private final List<long[]> edges = new ArrayList<>();
        private final java.util.HashMap<Long, Integer> edgeIndex = new java.util.HashMap<>();
        private final List<Phrase> phrases = new ArrayList<>();
        private final java.util.HashSet<String> seen = new java.util.HashSet<>();
        private int nodeCount = 1;
        private boolean startAfterDot = true;
        private boolean upperCaseStarts = false;

        /** Every phrase starts with an upper-case letter or a non-letter (place names): skip other word starts fast. */
        public Builder upperCaseStarts(boolean only) {
            this.upperCaseStarts = only;
            return this;
        }

        /**
         * Whether a match may start right after "word." ("profit.Senior" glued by HTML stripping). Technology names
         * turn this off so "React.JS" does not also yield "JS".
         */
        public Builder startAfterDot(boolean allowed) {
            this.startAfterDot = allowed;
            return this;
        }

        /**
         * Adds a phrase. {@code exact}: only its own spelling (or ALL CAPS) matches. Adding the same spelling with
         * the same payload twice is a no-op.
         */
        public Builder add(String phrase, int payload, boolean exact) {
            String norm = normalizeSpaces(phrase.strip());
            if (norm.isEmpty() || !seen.add(norm + '\u0000' + payload + '\u0000' + exact)) {
                return this;
            }
            int node = 0;
            for (int i = 0; i < norm.length(); i++) {
                char c = fold(norm.charAt(i));
                long key = ((long) node << 16) | c;
                Integer next = edgeIndex.get(key);
                if (next == null) {
                    next = nodeCount++;
                    edgeIndex.put(key, next);
                    edges.add(new long[] {key, next});
                }
                node = next;
            }
            phrases.add(new Phrase(norm, exact, payload, node));
            return this;
        }

        private static String normalizeSpaces(String s) {
            StringBuilder sb = new StringBuilder(s.length());
            boolean space = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (isSpace(c)) {
                    if (!space) {
                        sb.append(' ');
                    }
                    space = true;
                } else {
                    sb.append(c);
                    space = false;
                }
            }
            return sb.toString();
        }

        public PhraseMatcher build() {
            return new PhraseMatcher(this);
        }
    }
}
