package io.jobpulse.ingest.normalize;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeVisitor;

import java.util.Set;

/**
 * Turns a source's description HTML into (a) safe HTML, with only formatting tags and links kept (no scripts,
 * styles, event handlers or frames), and (b) readable plain text: entities decoded, tags removed, paragraphs and
 * headings separated by a blank line, list items on their own line prefixed with "- ".
 */
public final class HtmlText {

    /** Formatting, lists, tables, links and images with http(s) only; nothing executable. */
    private static final Safelist SAFELIST = Safelist.relaxed().removeTags("img");

    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table",
            "blockquote", "pre", "dl", "section", "article", "header", "footer", "hr");
    private static final Set<String> LINES = Set.of("div", "li", "tr", "br", "dt", "dd", "caption", "thead", "tbody",
            "tfoot");

    /** Both renderings of one description. */
    public record Rendered(String safeHtml, String text) {
    }

    private HtmlText() {
    }

    /** Cheap test for markup or entities; plain text skips the parser. */
    public static boolean looksLikeHtml(String s) {
        return s.indexOf('<') >= 0 || s.indexOf('&') >= 0;
    }

    public static Rendered render(String html) {
        if (!looksLikeHtml(html)) {
            return new Rendered(html, tidyText(html));
        }
        Rendered fast = SimpleMarkup.render(html);
        if (fast != null) {
            return fast;
        }
        return renderWithJsoup(html);
    }

    /** The general path: parse into a DOM, clean it against the safelist, render both forms. */
    static Rendered renderWithJsoup(String html) {
        Document dirty = Jsoup.parseBodyFragment(html);
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        return new Rendered(clean.body().html(), textOf(clean.body()));
    }

    /** Plain text of an HTML fragment (used for titles and company names that arrive with markup or entities). */
    public static String inlineText(String s) {
        if (s.indexOf('<') >= 0) {
            return collapse(Jsoup.parseBodyFragment(s).body().text());
        }
        if (s.indexOf('&') >= 0) {
            return collapse(Parser.unescapeEntities(s, false));
        }
        return collapse(s);
    }

    private static String textOf(Element root) {
        StringBuilder out = new StringBuilder();
        root.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    boolean pre = t.parent() instanceof Element p && (p.tagName().equals("pre")
                            || p.closest("pre") != null);
                    String s = pre ? t.getWholeText() : collapseWhitespace(t.getWholeText(), false);
                    if (!pre && s.startsWith(" ") && (out.isEmpty() || Character.isWhitespace(out.charAt(out.length() - 1)))) {
                        s = s.substring(1);
                    }
                    out.append(s);
                } else if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (PARAGRAPHS.contains(tag)) {
                        blankLine(out);
                    } else if (LINES.contains(tag)) {
                        newline(out);
                    }
                    if (tag.equals("li")) {
                        out.append("- ");
                    } else if (tag.equals("td") || tag.equals("th")) {
                        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                            out.append(" | ");
                        }
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (PARAGRAPHS.contains(tag)) {
                        blankLine(out);
                    } else if (LINES.contains(tag) && !tag.equals("br")) {
                        newline(out);
                    }
                }
            }
        });
        return tidyText(out.toString());
    }

    private static void newline(StringBuilder out) {
        trimTrailingSpaces(out);
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    private static void blankLine(StringBuilder out) {
        newline(out);
        if (out.length() >= 1 && !(out.length() >= 2 && out.charAt(out.length() - 2) == '\n')) {
            out.append('\n');
        }
    }

    private static void trimTrailingSpaces(StringBuilder out) {
        int n = out.length();
        while (n > 0 && out.charAt(n - 1) == ' ') {
            n--;
        }
        out.setLength(n);
    }

    /** Per thread: the chars of a string to tidy, and the tidied text. */
    private static final ThreadLocal<TextBuffer[]> TIDY = ThreadLocal.withInitial(
            () -> new TextBuffer[] {new TextBuffer(), new TextBuffer()});

    /**
     * Trims each line, turns non-breaking spaces into spaces, keeps at most one blank line in a row; a line with two
     * spaces in a row has its whitespace runs collapsed. Lines end at \n, \r\n or \r. One pass, no line strings.
     */
    static String tidyText(String s) {
        TextBuffer[] buffers = TIDY.get();
        TextBuffer in = buffers[0].reset(s.length());
        s.getChars(0, s.length(), in.chars, 0);
        try {
            return tidyText(in.chars, s.length(), buffers[1]);
        } finally {
            in.shrink();
            buffers[1].shrink();
        }
    }

    /** {@link #tidyText(String)} of {@code s[0, n)}, built in {@code out} (which it empties first). */
    static String tidyText(char[] s, int n, TextBuffer out) {
        out.reset(n);
        int blank = 0;
        int lineStart = 0;
        while (lineStart <= n) {
            int lineEnd = lineStart;
            while (lineEnd < n && s[lineEnd] != '\n' && s[lineEnd] != '\r') {
                lineEnd++;
            }
            int a = lineStart;
            int b = lineEnd;
            while (a < b && isSpace(s[a])) {
                a++;
            }
            while (b > a && isSpace(s[b - 1])) {
                b--;
            }
            if (a == b) {
                blank++;
            } else {
                if (!out.isEmpty()) {
                    out.append('\n');
                    if (blank > 0) {
                        out.append('\n');
                    }
                }
                appendLine(s, a, b, out);
                blank = 0;
            }
            if (lineEnd >= n) {
                break;
            }
            lineStart = lineEnd + (s[lineEnd] == '\r' && lineEnd + 1 < n && s[lineEnd + 1] == '\n' ? 2 : 1);
        }
        return out.toString();
    }

    /** A trimmed line: with its whitespace runs collapsed when it has two spaces in a row, else with NBSP as space. */
    private static void appendLine(char[] s, int a, int b, TextBuffer out) {
        boolean doubleSpace = false;
        for (int i = a + 1; i < b && !doubleSpace; i++) {
            doubleSpace = asSpace(s[i]) == ' ' && asSpace(s[i - 1]) == ' ';
        }
        if (doubleSpace) {
            boolean space = false;
            for (int i = a; i < b; i++) {
                char c = s[i];
                if (isSpace(c)) {
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
            if (s[i] == '\u00A0') {
                out.append(s, copied, i);
                out.append(' ');
                copied = i + 1;
            }
        }
        out.append(s, copied, b);
    }

    private static char asSpace(char c) {
        return c == '\u00A0' ? ' ' : c;
    }

    private static boolean isSpace(char c) {
        // printable ASCII first: most characters of a description, and never whitespace
        return c <= ' ' ? Character.isWhitespace(c) : c >= 0x7F && (c == '\u00A0' || Character.isWhitespace(c));
    }

    private static String collapse(String s) {
        return collapseWhitespace(s, true);
    }

    /** Runs of whitespace (and non-breaking spaces) become one space; optionally trimmed. No regex: this is hot. */
    static String collapseWhitespace(String s, boolean trim) {
        int n = s.length();
        boolean clean = true;
        for (int i = 0; i < n && clean; i++) {
            char c = s.charAt(i);
            if (c == '\u00A0' || c != ' ' && Character.isWhitespace(c) || c == ' ' && i + 1 < n && s.charAt(i + 1) == ' ') {
                clean = false;
            }
        }
        if (clean) {
            return trim ? s.strip() : s;
        }
        StringBuilder sb = new StringBuilder(n);
        boolean space = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\u00A0' || Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space && (!trim || !sb.isEmpty())) {
                    sb.append(' ');
                }
                space = false;
                sb.append(c);
            }
        }
        if (space && !trim) {
            sb.append(' ');
        }
        return sb.toString();
    }
}
