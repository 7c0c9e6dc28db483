package io.jobpulse.enrichment.text;

/** Looks at the words and punctuation around a match without allocating more than the word returned. */
public final class Words {
    private Words() {}

    /** The word (letters/digits, lower-cased) that ends before {@code pos}, skipping spaces only; "" if none. */
    public static String before(CharSequence t, int pos) {
        int i = pos - 1;
        while (i >= 0 && t.charAt(i) == ' ') {
            i--;
        }
        int end = i + 1;
        while (i >= 0 && (PhraseMatcher.isWordChar(t.charAt(i)) || t.charAt(i) == '\'')) {
            i--;
        }
        return t.subSequence(i + 1, end).toString().toLowerCase(java.util.Locale.ROOT);
    }

    /** The word that starts after {@code pos}, skipping spaces only; "" if none. */
    public static String after(CharSequence t, int pos) {
        int n = t.length();
        int i = pos;
        while (i < n && t.charAt(i) == ' ') {
            i++;
        }
        int start = i;
        while (i < n && (PhraseMatcher.isWordChar(t.charAt(i)) || t.charAt(i) == '\'')) {
            i++;
        }
        return t.subSequence(start, i).toString().toLowerCase(java.util.Locale.ROOT);
    }

    /** The word after {@code pos}, keeping its case. */
    public static String afterRaw(CharSequence t, int pos) {
        int n = t.length();
        int i = pos;
        while (i < n && t.charAt(i) == ' ') {
            i++;
        }
        int start = i;
        while (i < n && PhraseMatcher.isWordChar(t.charAt(i))) {
            i++;
        }
        return t.subSequence(start, i).toString();
    }

    /** First non-blank character before {@code pos}, or '\n' at the start. */
    public static char charBefore(CharSequence t, int pos) {
        int i = pos - 1;
        while (i >= 0 && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) {
            i--;
        }
        return i < 0 ? '\n' : t.charAt(i);
    }

    /** First non-blank character at or after {@code pos}, or '\n' at the end. */
    public static char charAfter(CharSequence t, int pos) {
        int i = pos;
        while (i < t.length() && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) {
            i++;
        }
        return i >= t.length() ? '\n' : t.charAt(i);
    }

    /** True when the text just before {@code pos} (within {@code window} chars) contains {@code what}, ignoring case. */
    public static boolean precededBy(CharSequence t, int pos, int window, String what) {
        int from = Math.max(0, pos - window);
        String w = t.subSequence(from, pos).toString().toLowerCase(java.util.Locale.ROOT);
        return w.contains(what);
    }
}
