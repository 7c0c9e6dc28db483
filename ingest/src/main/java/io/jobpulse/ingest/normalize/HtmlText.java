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

    /** Trims each line, turns non-breaking spaces into spaces, keeps at most one blank line in a row. */
    static String tidyText(String s) {
        String[] lines = s.replace('\u00A0', ' ').replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        StringBuilder out = new StringBuilder(s.length());
        int blank = 0;
        for (String line : lines) {
            String l = line.strip();
            if (l.isEmpty()) {
                blank++;
                continue;
            }
            if (!out.isEmpty()) {
                out.append(blank > 0 ? "\n\n" : "\n");
            }
            out.append(l.indexOf("  ") >= 0 ? collapseWhitespace(l, true) : l);
            blank = 0;
        }
        return out.toString();
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
