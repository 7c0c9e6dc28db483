package io.jobpulse.ingest.normalize;

import java.util.List;
import java.util.Locale;

/**
 * A single-pass renderer for the plain formatting markup most job descriptions are made of (paragraphs, lists,
 * headings, emphasis, links, tables). It writes the same two renderings as {@link HtmlText} without building a DOM,
 * several times faster. Anything else (scripts, styles, comments, unknown tags, a bare '<', unbalanced quoting)
 * makes it give up and return null, and {@link HtmlText} renders the input with jsoup instead.
 *
 * <p>Safety does not depend on the input being well-formed: only allow-listed tags are written, with no attributes
 * except a link's {@code href} (http, https or mailto) and {@code title}, and all text is re-escaped.
 */
final class SimpleMarkup {

    private static final List<String> ALLOWED = List.of("a", "b", "blockquote", "br", "caption", "cite", "code", "dd",
            "div", "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "i", "li", "ol", "p", "pre", "q", "small",
            "span", "strike", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul");
    /**
     * ALLOWED by name length and first letter, so a tag name is looked up in place (instead of copied and
     * lower-cased) against one to six candidates.
     */
    private static final String[][][] ALLOWED_BY_LENGTH_AND_FIRST = new String[11][26][];

    static {
        for (int len = 0; len < ALLOWED_BY_LENGTH_AND_FIRST.length; len++) {
            for (char first = 'a'; first <= 'z'; first++) {
                int l = len;
                char f = first;
                ALLOWED_BY_LENGTH_AND_FIRST[len][first - 'a'] = ALLOWED.stream()
                        .filter(t -> t.length() == l && t.charAt(0) == f).toArray(String[]::new);
            }
        }
    }
    /** What a tag does to the plain text: a blank line around it, a line break around it, or nothing. */
    private static final int INLINE = 0;
    private static final int PARAGRAPH = 1;
    private static final int LINE = 2;

    /** Per thread: the input's chars, both renderings, decoded entities, the tidied text, the open tags. */
    private static final class Buffers {
        final TextBuffer in = new TextBuffer();
        final TextBuffer html = new TextBuffer();
        final TextBuffer text = new TextBuffer();
        final TextBuffer decoded = new TextBuffer();
        final TextBuffer tidy = new TextBuffer();
        String[] open = new String[32];

        void shrink() {
            in.shrink();
            html.shrink();
            text.shrink();
            decoded.shrink();
            tidy.shrink();
            if (open.length > 1024) {
                open = new String[32];
            }
            java.util.Arrays.fill(open, null);
        }
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private SimpleMarkup() {
    }

    /**
     * Both renderings of {@code s}, or null when it has markup this renderer does not handle. Works on the input's
     * chars and writes into this thread's reused buffers: one String per rendering, nothing per word or tag.
     */
    static HtmlText.Rendered render(String s) {
        Buffers buffers = BUFFERS.get();
        try {
            return render(s, buffers);
        } finally {
            buffers.shrink();
        }
    }

    private static HtmlText.Rendered render(String s, Buffers buffers) {
        int n = s.length();
        char[] cs = buffers.in.reset(n).chars;
        s.getChars(0, n, cs, 0);
        TextBuffer html = buffers.html.reset(n + n / 8);
        TextBuffer text = buffers.text.reset(n);
        String[] open = buffers.open;
        int depth = 0;
        int pre = 0;
        int i = 0;
        while (i < n) {
            char c = cs[i];
            if (c != '<') {
                int end = i;
                boolean entities = false;
                while (end < n && cs[end] != '<') {
                    entities |= cs[end] == '&';
                    end++;
                }
                // The run is read in place; only one with entities is decoded first.
                char[] run = cs;
                int from = i;
                int to = end;
                if (entities) {
                    TextBuffer decoded = buffers.decoded.reset(end - i);
                    if (!unescape(s, i, end, decoded)) {
                        return null;
                    }
                    run = decoded.chars;
                    from = 0;
                    to = decoded.length;
                }
                escape(run, from, to, html);
                if (pre > 0) {
                    text.append(run, from, to);
                } else {
                    appendCollapsed(run, from, to, text);
                }
                i = end;
                continue;
            }
            if (i + 1 >= n) {
                return null;
            }
            boolean closing = cs[i + 1] == '/';
            int p = closing ? i + 2 : i + 1;
            int nameStart = p;
            while (p < n && isNameChar(cs[p])) {
                p++;
            }
            if (p == nameStart || !Character.isLetter(cs[nameStart])) {
                return null; // comment, doctype, processing instruction or a bare '<'
            }
            String name = allowedName(cs, nameStart, p);
            if (name == null) {
                return null;
            }
            String href = null;
            String title = null;
            boolean selfClosing = false;
            while (true) {
                while (p < n && Character.isWhitespace(cs[p])) {
                    p++;
                }
                if (p >= n) {
                    return null;
                }
                char d = cs[p];
                if (d == '>') {
                    p++;
                    break;
                }
                if (d == '/' && p + 1 < n && cs[p + 1] == '>') {
                    selfClosing = true;
                    p += 2;
                    break;
                }
                if (closing) {
                    return null; // attributes on an end tag
                }
                int an = p;
                while (p < n && (isNameChar(cs[p]) || cs[p] == ':')) {
                    p++;
                }
                if (p == an) {
                    return null;
                }
                // attribute names are ASCII (isNameChar), so ignoring case here is lower-casing them
                boolean isHref = p - an == 4 && s.regionMatches(true, an, "href", 0, 4);
                boolean isTitle = p - an == 5 && s.regionMatches(true, an, "title", 0, 5);
                while (p < n && Character.isWhitespace(cs[p])) {
                    p++;
                }
                int valueFrom = p;
                int valueTo = p;
                if (p < n && cs[p] == '=') {
                    p++;
                    while (p < n && Character.isWhitespace(cs[p])) {
                        p++;
                    }
                    if (p >= n) {
                        return null;
                    }
                    char q = cs[p];
                    if (q == '"' || q == '\'') {
                        int close = s.indexOf(q, p + 1);
                        if (close < 0) {
                            return null;
                        }
                        valueFrom = p + 1;
                        valueTo = close;
                        p = close + 1;
                    } else {
                        int vs = p;
                        while (p < n && !Character.isWhitespace(cs[p]) && cs[p] != '>') {
                            char v = cs[p];
                            if (v == '"' || v == '\'' || v == '<' || v == '=' || v == '`') {
                                return null;
                            }
                            p++;
                        }
                        valueFrom = vs;
                        valueTo = p;
                    }
                }
                if (name.equals("a") && (isHref || isTitle)) {
                    String value = attributeValue(s, valueFrom, valueTo, buffers.decoded);
                    if (value == null) {
                        return null;
                    }
                    if (isHref) {
                        href = safeHref(value);
                    } else {
                        title = value;
                    }
                }
            }
            i = p;
            int kind = kind(name);
            if (closing) {
                if (name.equals("br")) {
                    newline(text);
                    continue;
                }
                if (!contains(open, depth, name)) {
                    continue; // stray end tag
                }
                while (depth > 0) {
                    String top = open[--depth];
                    open[depth] = null;
                    closeTag(top, html);
                    tail(kind(top), text);
                    if (top.equals("pre")) {
                        pre--;
                    }
                    if (top.equals(name)) {
                        break;
                    }
                }
                continue;
            }
            head(name, kind, text);
            html.append('<');
            html.append(name);
            if (href != null) {
                html.append(" href=\"");
                escape(href, html);
                html.append('"');
            }
            if (title != null) {
                html.append(" title=\"");
                escape(title, html);
                html.append('"');
            }
            html.append('>');
            if (name.equals("br")) {
                continue;
            }
            if (selfClosing) {
                closeTag(name, html);
                tail(kind, text);
                continue;
            }
            if (depth == open.length) {
                open = buffers.open = java.util.Arrays.copyOf(open, depth * 2);
            }
            open[depth++] = name;
            if (name.equals("pre")) {
                pre++;
            }
        }
        while (depth > 0) {
            String top = open[--depth];
            closeTag(top, html);
            tail(kind(top), text);
        }
        return new HtmlText.Rendered(html.toString(), HtmlText.tidyText(text.chars, text.length, buffers.tidy));
    }

    /** An attribute value s[from, to) with its character references decoded, or null if one is unusual. */
    private static String attributeValue(String s, int from, int to, TextBuffer scratch) {
        if (s.indexOf('&', from) < 0 || s.indexOf('&', from) >= to) {
            return s.substring(from, to);
        }
        return unescape(s, from, to, scratch.reset(to - from)) ? scratch.toString() : null;
    }

    private static boolean contains(String[] open, int depth, String name) {
        for (int k = 0; k < depth; k++) {
            if (open[k].equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static void closeTag(String name, TextBuffer html) {
        html.append('<');
        html.append('/');
        html.append(name);
        html.append('>');
    }

    /** Decodes a string's character references (see {@link #unescape(String, int, int, TextBuffer)}); for tests. */
    static String unescape(String s) {
        TextBuffer out = new TextBuffer().reset(s.length());
        return unescape(s, 0, s.length(), out) ? out.toString() : null;
    }

    /**
     * Decodes the character references of s[from, to) into {@code out}: named ones terminated by ';' (HTML's full
     * table, through jsoup's lookup) and numeric ones. Anything unusual (a name without ';', an unknown name) returns
     * false so jsoup's parser, which knows HTML's legacy rules for those, handles the whole input.
     */
    private static boolean unescape(String s, int from, int to, TextBuffer out) {
        int i = from;
        while (i < to) {
            int amp = s.indexOf('&', i);
            if (amp < 0 || amp >= to) {
                amp = to;
            }
            if (amp > i) {
                int k = out.length;
                int len = amp - i;
                if (k + len > out.chars.length) {
                    out.chars = java.util.Arrays.copyOf(out.chars, Math.max(out.chars.length * 2, k + len));
                }
                s.getChars(i, amp, out.chars, k);
                out.length = k + len;
                i = amp;
                continue;
            }
            int semi = s.indexOf(';', i + 1);
            if (semi < 0 || semi >= to || semi - i > 33) {
                return false;
            }
            int refStart = i + 1;
            int refLength = semi - refStart;
            if (refLength > 0 && s.charAt(refStart) == '#') {
                int cp;
                try {
                    cp = refLength > 1 && (s.charAt(refStart + 1) == 'x' || s.charAt(refStart + 1) == 'X')
                            ? Integer.parseInt(s, refStart + 2, semi, 16) : Integer.parseInt(s, refStart + 1, semi, 10);
                } catch (NumberFormatException e) {
                    return false;
                }
                if (cp <= 0 || cp > Character.MAX_CODE_POINT || cp >= 0xD800 && cp <= 0xDFFF) {
                    return false;
                }
                out.appendCodePoint(cp);
            } else {
                String decoded = namedReference(s, refStart, refLength);
                if (decoded == null || decoded.isEmpty()) {
                    return false;
                }
                out.append(decoded);
            }
            i = semi + 1;
        }
        return true;
    }

    /** The text of the named reference s[from, from + length), or null if HTML has no such name. */
    private static String namedReference(String s, int from, int length) {
        switch (length) {
            case 2 -> {
                if (s.startsWith("lt", from)) {
                    return "<";
                }
                if (s.startsWith("gt", from)) {
                    return ">";
                }
            }
            case 3 -> {
                if (s.startsWith("amp", from)) {
                    return "&";
                }
            }
            case 4 -> {
                if (s.startsWith("quot", from)) {
                    return "\"";
                }
                if (s.startsWith("apos", from)) {
                    return "'";
                }
                if (s.startsWith("nbsp", from)) {
                    return "\u00A0";
                }
            }
            default -> {
            }
        }
        String ref = s.substring(from, from + length);
        return org.jsoup.nodes.Entities.isNamedEntity(ref) ? org.jsoup.nodes.Entities.getByName(ref) : null;
    }

    /** The allow-listed tag named by s[from, to) in any case (names are ASCII), or null. */
    private static String allowedName(char[] s, int from, int to) {
        int len = to - from;
        char first = lower(s[from]);
        if (len >= ALLOWED_BY_LENGTH_AND_FIRST.length || first < 'a' || first > 'z') {
            return null;
        }
        for (String tag : ALLOWED_BY_LENGTH_AND_FIRST[len][first - 'a']) {
            boolean same = true;
            for (int k = 1; k < len && same; k++) {
                char c = s[from + k];
                same = lower(c) == tag.charAt(k);
            }
            if (same) {
                return tag;
            }
        }
        return null;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    private static int kind(String tag) {
        return switch (tag) {
            case "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "pre", "dl" -> PARAGRAPH;
            case "div", "li", "tr", "dt", "dd", "caption", "thead", "tbody", "tfoot" -> LINE;
            default -> INLINE;
        };
    }

    /**
     * Appends s[from, to) as plain text: every run of whitespace (and non-breaking spaces) becomes one space, and a
     * space at the start is dropped when the text so far is empty or ends in whitespace. Unchanged stretches are
     * copied in bulk.
     */
    private static void appendCollapsed(char[] s, int from, int to, TextBuffer text) {
        int before = text.length;
        int k = from;
        while (k < to) {
            int r = k;
            while (r < to && !isSpace(s[r])) {
                r++;
            }
            if (r > k) {
                text.append(s, k, r);
            }
            if (r >= to) {
                break;
            }
            while (r < to && isSpace(s[r])) {
                r++;
            }
            if (text.length != before || !(text.isEmpty() || Character.isWhitespace(text.last()))) {
                text.append(' ');
            }
            k = r;
        }
    }

    private static boolean isSpace(char c) {
        // printable ASCII first: most characters of a description, and never whitespace
        return c <= ' ' ? c == ' ' || Character.isWhitespace(c) : c >= 0x7F && (c == '\u00A0' || Character.isWhitespace(c));
    }

    private static void head(String tag, int kind, TextBuffer text) {
        if (kind == PARAGRAPH) {
            blankLine(text);
        } else if (kind == LINE || tag.equals("br")) {
            newline(text);
        }
        if (tag.equals("li")) {
            text.append('-');
            text.append(' ');
        } else if ((tag.equals("td") || tag.equals("th")) && !text.isEmpty() && text.last() != '\n') {
            text.append(" | ");
        }
    }

    private static void tail(int kind, TextBuffer text) {
        if (kind == PARAGRAPH) {
            blankLine(text);
        } else if (kind == LINE) {
            newline(text);
        }
    }

    private static void newline(TextBuffer out) {
        out.trimTrailingSpaces();
        if (!out.isEmpty() && out.last() != '\n') {
            out.append('\n');
        }
    }

    private static void blankLine(TextBuffer out) {
        newline(out);
        if (!out.isEmpty() && !(out.length >= 2 && out.chars[out.length - 2] == '\n')) {
            out.append('\n');
        }
    }

    private static String safeHref(String href) {
        String h = href.strip();
        String lower = h.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:") ? h : null;
    }

    private static boolean isNameChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }

    private static void escape(String s, TextBuffer out) {
        char[] chars = s.toCharArray();
        escape(chars, 0, chars.length, out);
    }

    /** Appends s[from, to) with markup characters escaped; the stretches between them are copied in bulk. */
    private static void escape(char[] s, int from, int to, TextBuffer out) {
        int copied = from;
        for (int k = from; k < to; k++) {
            char c = s[k];
            if (c > '>' && c != '\u00A0') {
                continue; // the markup characters are all at or below '>'
            }
            String entity = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\u00A0' -> "&nbsp;";
                default -> null;
            };
            if (entity != null) {
                out.append(s, copied, k);
                out.append(entity);
                copied = k + 1;
            }
        }
        out.append(s, copied, to);
    }
}
