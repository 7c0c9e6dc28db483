package io.jobpulse.ingest.normalize;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The description renderer as it was before it worked on reused char arrays (SimpleMarkup and HtmlText.tidyText at
 * commit 6b373bd, StringBuilder-based), kept verbatim as the reference the current renderer must match character
 * for character ({@link RenderingEquivalenceTest}).
 */
final class ReferenceRendering {

    private static final List<String> ALLOWED = List.of("a", "b", "blockquote", "br", "caption", "cite", "code", "dd",
            "div", "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "i", "li", "ol", "p", "pre", "q", "small",
            "span", "strike", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul");
    /** ALLOWED by name length, so a tag name is looked up in place instead of copied and lower-cased. */
    private static final String[][] ALLOWED_BY_LENGTH = new String[11][];

    static {
        for (int len = 0; len < ALLOWED_BY_LENGTH.length; len++) {
            int l = len;
            ALLOWED_BY_LENGTH[len] = ALLOWED.stream().filter(t -> t.length() == l).toArray(String[]::new);
        }
    }
    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table",
            "blockquote", "pre", "dl");
    private static final Set<String> LINES = Set.of("div", "li", "tr", "dt", "dd", "caption", "thead", "tbody", "tfoot");

    private ReferenceRendering() {
    }

    static HtmlText.Rendered render(String s) {
        int n = s.length();
        StringBuilder html = new StringBuilder(n);
        StringBuilder text = new StringBuilder(n);
        Deque<String> open = new ArrayDeque<>();
        int pre = 0;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c != '<') {
                int end = s.indexOf('<', i);
                if (end < 0) {
                    end = n;
                }
                // The run is read in place; only one with entities is decoded into a new string first.
                String run = s;
                int from = i;
                int to = end;
                int amp = s.indexOf('&', i);
                if (amp >= 0 && amp < end) {
                    run = unescape(s.substring(i, end));
                    if (run == null) {
                        return null;
                    }
                    from = 0;
                    to = run.length();
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
            boolean closing = s.charAt(i + 1) == '/';
            int p = closing ? i + 2 : i + 1;
            int nameStart = p;
            while (p < n && isNameChar(s.charAt(p))) {
                p++;
            }
            if (p == nameStart || !Character.isLetter(s.charAt(nameStart))) {
                return null; // comment, doctype, processing instruction or a bare '<'
            }
            String name = allowedName(s, nameStart, p);
            if (name == null) {
                return null;
            }
            String href = null;
            String title = null;
            boolean selfClosing = false;
            while (true) {
                while (p < n && Character.isWhitespace(s.charAt(p))) {
                    p++;
                }
                if (p >= n) {
                    return null;
                }
                char d = s.charAt(p);
                if (d == '>') {
                    p++;
                    break;
                }
                if (d == '/' && p + 1 < n && s.charAt(p + 1) == '>') {
                    selfClosing = true;
                    p += 2;
                    break;
                }
                if (closing) {
                    return null; // attributes on an end tag
                }
                int an = p;
                while (p < n && (isNameChar(s.charAt(p)) || s.charAt(p) == ':')) {
                    p++;
                }
                if (p == an) {
                    return null;
                }
                String attr = s.substring(an, p).toLowerCase(Locale.ROOT);
                while (p < n && Character.isWhitespace(s.charAt(p))) {
                    p++;
                }
                String value = "";
                if (p < n && s.charAt(p) == '=') {
                    p++;
                    while (p < n && Character.isWhitespace(s.charAt(p))) {
                        p++;
                    }
                    if (p >= n) {
                        return null;
                    }
                    char q = s.charAt(p);
                    if (q == '"' || q == '\'') {
                        int close = s.indexOf(q, p + 1);
                        if (close < 0) {
                            return null;
                        }
                        value = s.substring(p + 1, close);
                        p = close + 1;
                    } else {
                        int vs = p;
                        while (p < n && !Character.isWhitespace(s.charAt(p)) && s.charAt(p) != '>') {
                            char v = s.charAt(p);
                            if (v == '"' || v == '\'' || v == '<' || v == '=' || v == '`') {
                                return null;
                            }
                            p++;
                        }
                        value = s.substring(vs, p);
                    }
                }
                if (name.equals("a") && attr.equals("href")) {
                    String v = value.indexOf('&') >= 0 ? unescape(value) : value;
                    if (v == null) {
                        return null;
                    }
                    href = safeHref(v);
                } else if (name.equals("a") && attr.equals("title")) {
                    title = value.indexOf('&') >= 0 ? unescape(value) : value;
                    if (title == null) {
                        return null;
                    }
                }
            }
            i = p;
            if (closing) {
                if (name.equals("br")) {
                    newline(text);
                    continue;
                }
                if (!open.contains(name)) {
                    continue; // stray end tag
                }
                while (!open.isEmpty()) {
                    String top = open.pop();
                    html.append("</").append(top).append('>');
                    tail(top, text);
                    if (top.equals("pre")) {
                        pre--;
                    }
                    if (top.equals(name)) {
                        break;
                    }
                }
                continue;
            }
            head(name, text);
            html.append('<').append(name);
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
                html.append("</").append(name).append('>');
                tail(name, text);
                continue;
            }
            open.push(name);
            if (name.equals("pre")) {
                pre++;
            }
        }
        while (!open.isEmpty()) {
            String top = open.pop();
            html.append("</").append(top).append('>');
            tail(top, text);
        }
        return new HtmlText.Rendered(html.toString(), tidyText(text.toString()));
    }

    /**
     * Decodes character references: named ones terminated by ';' (HTML's full table, through jsoup's lookup) and
     * numeric ones. Anything unusual (a name without ';', an unknown name) returns null so jsoup's parser, which
     * knows HTML's legacy rules for those, handles the whole input.
     */
    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int semi = s.indexOf(';', i + 1);
            if (semi < 0 || semi - i > 33) {
                return null;
            }
            String ref = s.substring(i + 1, semi);
            if (ref.startsWith("#")) {
                int cp;
                try {
                    cp = ref.length() > 1 && (ref.charAt(1) == 'x' || ref.charAt(1) == 'X')
                            ? Integer.parseInt(ref.substring(2), 16) : Integer.parseInt(ref.substring(1));
                } catch (NumberFormatException e) {
                    return null;
                }
                if (cp <= 0 || cp > Character.MAX_CODE_POINT || cp >= 0xD800 && cp <= 0xDFFF) {
                    return null;
                }
                out.appendCodePoint(cp);
            } else {
                String decoded = switch (ref) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    case "nbsp" -> "\u00A0";
                    default -> org.jsoup.nodes.Entities.isNamedEntity(ref) ? org.jsoup.nodes.Entities.getByName(ref) : null;
                };
                if (decoded == null || decoded.isEmpty()) {
                    return null;
                }
                out.append(decoded);
            }
            i = semi + 1;
        }
        return out.toString();
    }

    /** The allow-listed tag named by s[from, to) in any case (names are ASCII), or null. */
    private static String allowedName(String s, int from, int to) {
        int len = to - from;
        if (len >= ALLOWED_BY_LENGTH.length) {
            return null;
        }
        for (String tag : ALLOWED_BY_LENGTH[len]) {
            if (s.regionMatches(true, from, tag, 0, len)) {
                return tag;
            }
        }
        return null;
    }

    /**
     * Appends s[from, to) as plain text: every run of whitespace (and non-breaking spaces) becomes one space, and a
     * space at the start is dropped when the text so far is empty or ends in whitespace. Unchanged stretches are
     * copied in bulk.
     */
    private static void appendCollapsed(String s, int from, int to, StringBuilder text) {
        int before = text.length();
        int k = from;
        while (k < to) {
            int r = k;
            while (r < to && !isSpace(s.charAt(r))) {
                r++;
            }
            if (r > k) {
                text.append(s, k, r);
            }
            if (r >= to) {
                break;
            }
            while (r < to && isSpace(s.charAt(r))) {
                r++;
            }
            if (text.length() != before || !(text.isEmpty() || Character.isWhitespace(text.charAt(text.length() - 1)))) {
                text.append(' ');
            }
            k = r;
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\u00A0' || Character.isWhitespace(c);
    }

    private static void head(String tag, StringBuilder text) {
        if (PARAGRAPHS.contains(tag)) {
            blankLine(text);
        } else if (LINES.contains(tag) || tag.equals("br")) {
            newline(text);
        }
        if (tag.equals("li")) {
            text.append("- ");
        } else if ((tag.equals("td") || tag.equals("th")) && !text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            text.append(" | ");
        }
    }

    private static void tail(String tag, StringBuilder text) {
        if (PARAGRAPHS.contains(tag)) {
            blankLine(text);
        } else if (LINES.contains(tag)) {
            newline(text);
        }
    }

    private static void newline(StringBuilder out) {
        int k = out.length();
        while (k > 0 && out.charAt(k - 1) == ' ') {
            k--;
        }
        out.setLength(k);
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    private static void blankLine(StringBuilder out) {
        newline(out);
        if (!out.isEmpty() && !(out.length() >= 2 && out.charAt(out.length() - 2) == '\n')) {
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

    private static void escape(String s, StringBuilder out) {
        escape(s, 0, s.length(), out);
    }

    /** Appends s[from, to) with markup characters escaped; the stretches between them are copied in bulk. */
    private static void escape(String s, int from, int to, StringBuilder out) {
        int copied = from;
        for (int k = from; k < to; k++) {
            String entity = switch (s.charAt(k)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\u00A0' -> "&nbsp;";
                default -> null;
            };
            if (entity != null) {
                out.append(s, copied, k).append(entity);
                copied = k + 1;
            }
        }
        out.append(s, copied, to);
    }

    /**
     * Trims each line, turns non-breaking spaces into spaces, keeps at most one blank line in a row; a line with two
     * spaces in a row has its whitespace runs collapsed. Lines end at \n, \r\n or \r. One pass, no line strings.
     */
    static String tidyText(String s) {
        int n = s.length();
        StringBuilder out = new StringBuilder(n);
        int blank = 0;
        int lineStart = 0;
        while (lineStart <= n) {
            int lineEnd = lineStart;
            while (lineEnd < n && s.charAt(lineEnd) != '\n' && s.charAt(lineEnd) != '\r') {
                lineEnd++;
            }
            int a = lineStart;
            int b = lineEnd;
            while (a < b && tidyIsSpace(s.charAt(a))) {
                a++;
            }
            while (b > a && tidyIsSpace(s.charAt(b - 1))) {
                b--;
            }
            if (a == b) {
                blank++;
            } else {
                if (!out.isEmpty()) {
                    out.append(blank > 0 ? "\n\n" : "\n");
                }
                appendLine(s, a, b, out);
                blank = 0;
            }
            if (lineEnd >= n) {
                break;
            }
            lineStart = lineEnd + (s.charAt(lineEnd) == '\r' && lineEnd + 1 < n && s.charAt(lineEnd + 1) == '\n' ? 2 : 1);
        }
        return out.toString();
    }

    /** A trimmed line: with its whitespace runs collapsed when it has two spaces in a row, else with NBSP as space. */
    private static void appendLine(String s, int a, int b, StringBuilder out) {
        boolean doubleSpace = false;
        for (int i = a + 1; i < b && !doubleSpace; i++) {
            doubleSpace = asSpace(s.charAt(i)) == ' ' && asSpace(s.charAt(i - 1)) == ' ';
        }
        if (doubleSpace) {
            boolean space = false;
            for (int i = a; i < b; i++) {
                char c = s.charAt(i);
                if (tidyIsSpace(c)) {
                    space = true;
                } else {
                    if (space) {
                        out.append(' ');
                    }
                    space = false;
                    out.append(c);
                }
            }
            return;
        }
        int copied = a;
        for (int i = a; i < b; i++) {
            if (s.charAt(i) == '\u00A0') {
                out.append(s, copied, i).append(' ');
                copied = i + 1;
            }
        }
        out.append(s, copied, b);
    }

    private static char asSpace(char c) {
        return c == '\u00A0' ? ' ' : c;
    }

    private static boolean tidyIsSpace(char c) {
        return c == '\u00A0' || Character.isWhitespace(c);
    }

}
