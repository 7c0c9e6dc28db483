package io.jobpulse.ingest.normalize;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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

    private SimpleMarkup() {
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
        return new HtmlText.Rendered(html.toString(), HtmlText.tidyText(text.toString()));
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
}
