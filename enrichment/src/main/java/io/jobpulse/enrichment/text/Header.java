package io.jobpulse.enrichment.text;

/**
 * The header of a posting: the title line, or the pipe-separated first line that "Who is hiring" posts open with
 * ("Acme | Senior Engineer | Berlin | REMOTE | $150k"). Its last segment is often glued to the body by HTML
 * stripping ("| ONSITEAcme builds ..."), so it ends at the first glued word, link or sentence end.
 */
public record Header(int start, int end, boolean piped) {

    public Header(int start, int end) {
        this(start, end, false);
    }

    private static final int MAX_TAIL = 120;

    public static Header of(String text) {
        int nl = text.indexOf('\n');
        int lineEnd = nl < 0 ? text.length() : nl;
        int lastPipe = text.lastIndexOf('|', lineEnd - 1);
        if (lastPipe < 0) {
            // No pipes: the first sentence (or line) is the header.
            int end = Math.min(lineEnd, 240);
            for (int i = 0; i < end; i++) {
                char c = text.charAt(i);
                if ((c == '.' || c == '!' || c == '?') && i + 1 < text.length() && (text.charAt(i + 1) == ' ' || Character.isUpperCase(text.charAt(i + 1)))
                        && i > 0 && Character.isLowerCase(text.charAt(i - 1))) {
                    end = i;
                    break;
                }
            }
            return new Header(0, end);
        }
        int end = glueEnd(text, lastPipe + 1, Math.min(lineEnd, lastPipe + 1 + MAX_TAIL));
        return new Header(0, end, true);
    }

    /** First glued word, link or sentence end in [from, limit), else limit. */
    static int glueEnd(String text, int from, int limit) {
        for (int j = from; j < limit; j++) {
            char c = text.charAt(j);
            if (j + 1 < text.length() && (c == 'h' && text.startsWith("http", j) && j > from)) {
                return j;
            }
            if (j > from + 1 && j + 1 < text.length() && Character.isUpperCase(c) && Character.isLowerCase(text.charAt(j + 1))) {
                char p = text.charAt(j - 1);
                if (Character.isLowerCase(p) || Character.isDigit(p) || p == ')' || p == '!' || p == '.' || p == '?' || p == ':'
                        || Character.isUpperCase(p) && Character.isUpperCase(text.charAt(j - 2))) {
                    return j;
                }
            }
        }
        return limit;
    }

    public boolean contains(int pos) {
        return pos >= start && pos < end;
    }

    /** The pipe-separated segment bounds [s, e) that contain pos, or null. */
    public int[] segment(String text, int pos) {
        if (!contains(pos)) {
            return null;
        }
        int s = text.lastIndexOf('|', pos - 1);
        s = s < start ? start : s + 1;
        int e = text.indexOf('|', pos);
        e = e < 0 || e > end ? end : e;
        return new int[] {s, e};
    }
}
