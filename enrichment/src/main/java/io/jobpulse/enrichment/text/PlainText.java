package io.jobpulse.enrichment.text;

/**
 * Turns a description (plain text or HTML) into plain text in one pass: tags removed (block tags become line
 * breaks so list items stay apart), entities decoded, and the spans of URLs and e-mail addresses recorded so
 * that extractors can ignore words inside them ("github.com/acme/rust-tools" names no technology).
 */
public final class PlainText {

    private final String text;
    private final char[] chars;
    /** {@link #chars} as the matchers' tries see it (case and whitespace folded), computed once for all of them. */
    private final char[] folded;
    private final int[] starts;
    private final int startCount;
    /** Sorted, non-overlapping [start, end) pairs of URLs and e-mail addresses. */
    private final int[] linkSpans;
    private final int linkCount;

    private PlainText(String text, int[] linkSpans, int linkCount) {
        this.text = text;
        this.chars = text.toCharArray();
        this.folded = new char[chars.length];
        this.starts = new int[chars.length / 2 + 1];
        this.startCount = PhraseMatcher.foldAndWordStarts(chars, folded, starts);
        this.linkSpans = linkSpans;
        this.linkCount = linkCount;
    }

    public static PlainText of(String title, String description) {
        String s;
        boolean noTitle = title == null || title.isBlank();
        if (noTitle && description != null && description.indexOf('<') < 0 && description.indexOf('&') < 0) {
            s = description; // plain text already: no copy
        } else {
            StringBuilder sb = new StringBuilder((title == null ? 0 : title.length()) + (description == null ? 0 : description.length()) + 2);
            if (!noTitle) {
                appendHtmlAware(sb, title);
                sb.append('\n');
            }
            if (description != null) {
                appendHtmlAware(sb, description);
            }
            s = sb.toString();
        }
        int[] spans = new int[16];
        int count = 0;
        int n = s.length();
        LinkTriggers triggers = new LinkTriggers(s);
        for (int i = triggers.from(0); i < n; i = triggers.from(i + 1)) {
            char c = s.charAt(i);
            int start = -1;
            if ((c == 'h' || c == 'H') && regionMatches(s, i, "http") && (regionMatches(s, i + 4, "://") || regionMatches(s, i + 4, "s://"))) {
                start = i;
            } else if ((c == 'w' || c == 'W') && regionMatches(s, i, "www.") && (i == 0 || !PhraseMatcher.isWordChar(s.charAt(i - 1)))) {
                start = i;
            } else if (c == '@' && i > 0 && PhraseMatcher.isWordChar(s.charAt(i - 1)) && i + 1 < n && PhraseMatcher.isWordChar(s.charAt(i + 1))) {
                start = i;
                while (start > 0 && (PhraseMatcher.isWordChar(s.charAt(start - 1)) || s.charAt(start - 1) == '.' || s.charAt(start - 1) == '_' || s.charAt(start - 1) == '-' || s.charAt(start - 1) == '+')) {
                    start--;
                }
            } else if (c == '.' && i > 0 && PhraseMatcher.isWordChar(s.charAt(i - 1)) && isTld(s, i + 1)) {
                start = i;
                while (start > 0 && (PhraseMatcher.isWordChar(s.charAt(start - 1)) || s.charAt(start - 1) == '-' || s.charAt(start - 1) == '.')) {
                    start--;
                }
            }
            if (start < 0) {
                continue;
            }
            int end = i;
            while (end < n && !Character.isWhitespace(s.charAt(end)) && s.charAt(end) != '|' && s.charAt(end) != ')'
                    && s.charAt(end) != '(' && s.charAt(end) != '"' && s.charAt(end) != '<' && s.charAt(end) != '>') {
                end++;
            }
            // HTML stripping glues the next word to a link ("...c95729ea3usEngineering Manager"): in the last path
            // segment, a lower-to-upper change followed by a lower-case word ends the link.
            int lastSep = start;
            for (int k = start; k < end; k++) {
                char ch = s.charAt(k);
                if (ch == '/' || ch == '?' || ch == '=' || ch == '&' || ch == '#') {
                    lastSep = k;
                }
            }
            for (int k = Math.max(lastSep + 2, start + 1); k + 1 < end; k++) {
                if (Character.isUpperCase(s.charAt(k)) && Character.isLowerCase(s.charAt(k + 1))
                        && (Character.isLowerCase(s.charAt(k - 1)) || Character.isDigit(s.charAt(k - 1)))) {
                    end = k;
                    break;
                }
            }
            while (end > start && ".,;:!?".indexOf(s.charAt(end - 1)) >= 0) {
                end--;
            }
            if (count > 0 && spans[2 * count - 1] >= start) {
                spans[2 * count - 1] = Math.max(spans[2 * count - 1], end);
            } else {
                if (2 * count + 2 > spans.length) {
                    spans = java.util.Arrays.copyOf(spans, spans.length * 2);
                }
                spans[2 * count] = start;
                spans[2 * count + 1] = end;
                count++;
            }
            i = Math.max(i, end - 1);
        }
        return new PlainText(s, spans, count);
    }

    /**
     * Next position that may start or mark a link: an "http", a "www.", an '@' or a '.' (domains). Keeps the next
     * hit of each with the JDK's vectorized indexOf instead of looking at every character.
     */
    private static final class LinkTriggers {
        private final String s;
        private final int[] next = {-2, -2, -2, -2};
        private static final String[] WHAT = {"http", "www.", "@", "."};

        LinkTriggers(String s) {
            this.s = s;
        }

        int from(int from) {
            int best = s.length();
            for (int k = 0; k < 4; k++) {
                if (next[k] != -1 && next[k] < from) {
                    next[k] = s.indexOf(WHAT[k], from);
                }
                if (next[k] >= 0 && next[k] < best) {
                    best = next[k];
                }
            }
            return best;
        }
    }

    private static final String[] TLDS = {"com", "io", "ai", "co", "dev", "org", "net", "app", "so", "xyz", "tech", "me", "us", "uk", "de", "sh", "gg", "wtf", "site", "jobs", "careers", "cc", "eu", "fr", "nl", "ca", "info", "health", "bio", "inc", "to"};

    private static boolean isTld(String s, int at) {
        if (at >= s.length() || s.charAt(at) < 'a' || s.charAt(at) > 'z') {
            return false; // sentence ends, ".NET", "e.G"
        }
        for (String t : TLDS) {
            if (regionMatches(s, at, t)) {
                int e = at + t.length();
                if (e >= s.length() || !Character.isLetter(s.charAt(e)) || Character.isUpperCase(s.charAt(e))) {
                    // "acme.com" or a glued "acme.comWe build" but not ".NET", ".js" or "e.g."
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean regionMatches(String s, int at, String what) {
        return s.regionMatches(true, at, what, 0, what.length());
    }

    public String text() {
        return text;
    }

    /** Runs a matcher over this text, visiting only the word starts computed once for all matchers. */
    public void scan(PhraseMatcher matcher, PhraseMatcher.Sink sink) {
        matcher.scan(chars, folded, starts, startCount, sink);
    }

    /** The same text as an array, shared by the matchers' scans (read-only by convention). */
    public char[] chars() {
        return chars;
    }

    /** True when [start, end) overlaps a URL or e-mail address. */
    public boolean inLink(int start, int end) {
        int lo = 0;
        int hi = linkCount - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int s = linkSpans[2 * mid];
            int e = linkSpans[2 * mid + 1];
            if (e <= start) {
                lo = mid + 1;
            } else if (s >= end) {
                hi = mid - 1;
            } else {
                return true;
            }
        }
        return false;
    }

    private static void appendHtmlAware(StringBuilder sb, String s) {
        if (s.indexOf('<') < 0 && s.indexOf('&') < 0) {
            sb.append(s);
            return;
        }
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '<' && i + 1 < n && (Character.isLetter(s.charAt(i + 1)) || s.charAt(i + 1) == '/' || s.charAt(i + 1) == '!')) {
                int close = s.indexOf('>', i + 1);
                if (close < 0) {
                    sb.append(c);
                    continue;
                }
                String tag = tagName(s, i + 1, close);
                if (tag.equals("script") || tag.equals("style")) {
                    int end = indexOfIgnoreCase(s, "</" + tag, close);
                    close = end < 0 ? n - 1 : Math.max(close, s.indexOf('>', end) < 0 ? n - 1 : s.indexOf('>', end));
                } else if (isBlock(tag)) {
                    sb.append('\n');
                } else if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != ' ' && !tag.equals("a") && !tag.equals("b")
                        && !tag.equals("i") && !tag.equals("em") && !tag.equals("strong") && !tag.equals("span") && !tag.equals("code")) {
                    sb.append(' ');
                }
                i = close;
            } else if (c == '&') {
                int semi = s.indexOf(';', i + 1);
                if (semi > i + 1 && semi - i <= 10) {
                    String ent = s.substring(i + 1, semi);
                    int decoded = decodeEntity(ent);
                    if (decoded >= 0) {
                        sb.appendCodePoint(decoded);
                        i = semi;
                        continue;
                    }
                }
                sb.append(c);
            } else {
                sb.append(c);
            }
        }
    }

    private static int indexOfIgnoreCase(String s, String what, int from) {
        for (int i = from; i + what.length() <= s.length(); i++) {
            if (s.regionMatches(true, i, what, 0, what.length())) {
                return i;
            }
        }
        return -1;
    }

    private static String tagName(String s, int from, int to) {
        int i = from;
        if (i < to && (s.charAt(i) == '/' || s.charAt(i) == '!')) {
            i++;
        }
        int j = i;
        while (j < to && Character.isLetterOrDigit(s.charAt(j))) {
            j++;
        }
        return s.substring(i, j).toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean isBlock(String tag) {
        return switch (tag) {
            case "p", "br", "li", "ul", "ol", "div", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table",
                 "section", "article", "header", "footer", "blockquote", "pre", "hr", "dt", "dd" -> true;
            default -> false;
        };
    }

    private static int decodeEntity(String ent) {
        if (ent.startsWith("#x") || ent.startsWith("#X")) {
            try {
                return Integer.parseInt(ent.substring(2), 16);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        if (ent.startsWith("#")) {
            try {
                return Integer.parseInt(ent.substring(1));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return switch (ent) {
            case "amp" -> '&';
            case "lt" -> '<';
            case "gt" -> '>';
            case "quot" -> '"';
            case "apos" -> '\'';
            case "nbsp" -> ' ';
            case "ndash" -> '\u2013';
            case "mdash" -> '\u2014';
            case "euro" -> '\u20AC';
            case "pound" -> '\u00A3';
            case "hellip" -> '\u2026';
            case "rsquo", "lsquo" -> '\'';
            case "bull" -> '\u2022';
            default -> -1;
        };
    }
}
