package io.jobpulse.ingest.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The char-array renderer ({@link SimpleMarkup}, {@link HtmlText#tidyText}) against the StringBuilder renderer it
 * replaced ({@link ReferenceRendering}): the same safe HTML and text, character for character, or the same refusal,
 * on every string of the connector fixtures, on descriptions shaped like the file-import benchmark's, and on random
 * markup built from the cases the renderer distinguishes.
 */
class RenderingEquivalenceTest {

    private static final String[] FIXTURES = {"arbeitnow-page1.json", "arbeitnow-page2.json", "ashby-board.json",
            "greenhouse-jobs.json", "hn-search.json", "hn-thread.json", "lever-page1.json", "lever-page2.json",
            "recruitee-offers.json", "remoteok-api.json", "remotive-jobs.json", "themuse-page0.json",
            "themuse-page1.json", "workable-account.json"};

    private static void assertSameRendering(String html) {
        HtmlText.Rendered expected = ReferenceRendering.render(html);
        HtmlText.Rendered actual = SimpleMarkup.render(html);
        if (expected == null) {
            assertThat(actual).as("refused by the reference: %s", html).isNull();
        } else {
            assertThat(actual).as("rendered by the reference: %s", html).isNotNull();
            assertThat(actual.safeHtml()).as("safe HTML of %s", html).isEqualTo(expected.safeHtml());
            assertThat(actual.text()).as("text of %s", html).isEqualTo(expected.text());
        }
        assertThat(HtmlText.tidyText(html)).as("tidy text of %s", html).isEqualTo(ReferenceRendering.tidyText(html));
    }

    @Test
    void fixtureStringsRenderAsBefore() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<String> strings = new ArrayList<>();
        for (String fixture : FIXTURES) {
            try (InputStream in = getClass().getResourceAsStream("/fixtures/" + fixture)) {
                collectStrings(mapper.readTree(in), strings);
            }
        }
        for (String page : List.of("careers-page.html", "job-detail-page.html", "personio-feed.xml")) {
            try (InputStream in = getClass().getResourceAsStream("/fixtures/" + page)) {
                strings.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(strings).hasSizeGreaterThan(200);
        long rendered = strings.stream().filter(s -> ReferenceRendering.render(s) != null && s.contains("<")).count();
        assertThat(rendered).as("fixture strings with markup the fast path renders").isGreaterThan(20);
        strings.forEach(RenderingEquivalenceTest::assertSameRendering);
        // greenhouse sends its content HTML-escaped once more: the unescaped form is what gets rendered
        strings.stream().filter(s -> s.contains("&lt;")).map(SimpleMarkup::unescape).filter(s -> s != null)
                .forEach(RenderingEquivalenceTest::assertSameRendering);
    }

    private static void collectStrings(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.forEach(child -> collectStrings(child, out));
    }

    @Test
    void benchmarkShapedDescriptionsRenderAsBefore() {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            String html = benchmarkDescription(random);
            assertThat(ReferenceRendering.render(html)).isNotNull();
            assertSameRendering(html);
        }
    }

    /** The shape of FileImportBench's descriptions (entities, a '€' and a '–' that make the string UTF-16). */
    private static String benchmarkDescription(Random random) {
        String[] skills = {"Java", "Kafka", "Kubernetes", "PostgreSQL", "Python", "Go", "Rust", "TypeScript"};
        StringBuilder sb = new StringBuilder();
        sb.append("<div><h2>About Nordlicht GmbH</h2><p>We are hiring a <strong>Senior Backend Engineer</strong> to help us ")
                .append("build reliable systems &amp; delightful products. Our team of ").append(5 + random.nextInt(40))
                .append(" people works across three time zones.</p><h3>What you&#39;ll do</h3><ul>");
        for (int i = 0; i < 6; i++) {
            sb.append("<li>Design, build and operate services in ").append(skills[random.nextInt(skills.length)])
                    .append(", with code review and on-call.</li>");
        }
        sb.append("</ul><h3>What we&#39;re looking for</h3><ul>");
        for (int i = 0; i < 5; i++) {
            sb.append("<li>").append(2 + random.nextInt(6)).append("+ years; you explain trade-offs clearly&nbsp;and write things down.</li>");
        }
        sb.append("</ul><p>Salary: €").append(50 + random.nextInt(50)).append(".000 – €").append(90 + random.nextInt(40))
                .append(".000 p.a. Wir freuen uns auf deine Bewerbung – Ärzte, Künstler und Quereinsteiger willkommen.</p></div>");
        return sb.toString();
    }

    /** Pieces covering each branch: allowed and unknown tags in any case, attributes, entities, odd whitespace. */
    private static final String[] PIECES = {"<p>", "</p>", "<P>", "</P >", "<div>", "</div>", "<li>", "</li>", "<ul>",
            "</ul>", "<ol>", "</ol>", "<br>", "<br/>", "<BR />", "</br>", "<pre>", "</pre>", "<h2>", "</h2>", "<td>",
            "</td>", "<th>", "<tr>", "</tr>", "<table>", "</table>", "<strong>", "</strong>", "<em/>", "<span>",
            "</span>", "<a href=\"https://x.example/a?b=1&amp;c=2\">", "<a href='http://y.example/'>", "<a href=mailto:a@b.c>",
            "<a href=\"javascript:alert(1)\" title=\"T &amp; C\">", "<a title='&hellip;'>", "<a HREF=\" https://z.example \">",
            "</a>", "<a href>", "<a href=\"&bogus;\">", "<p class=\"x\" data-x=1 hidden>", "<p a=b=c>", "<p a=`x`>",
            "<script>", "<!-- c -->", "<custom>", "<section>", "< p>", "<", "</p x=1>", "<p", "<p title=\"open>",
            "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&nbsp;", "&euro;", "&ndash;", "&eacute;", "&hellip;", "&copy;",
            "&#39;", "&#x27;", "&#X41;", "&#65;", "&#+65;", "&#x+41;", "&#-1;", "&#0;", "&#xD800;", "&#1114112;", "&#;",
            "&#x;", "&#128640;", "&#\u0663\u0669;", "&;", "&unknown;", "&amp", "& ", "AT&T", "&lt;p&gt;",
            " ", "  ", "\t", "\n", "\r\n", "\r", "\u00A0", "\u00A0\u00A0", "\u2003", " \n \n ", "\n\n\n", "\u000B",
            "word", "Wort", "München", "東京", "€", "–", "\uD83D\uDE80", "\uD800", ">", "\"", "'", "=", "/", "-", "|",
            "x ", " y", "a\u00A0b", "one  two", "&nbsp;&nbsp;"};

    @Test
    void randomMarkupRendersAsBefore() {
        Random random = new Random(20261128);
        int renderedByBoth = 0;
        for (int doc = 0; doc < 30_000; doc++) {
            StringBuilder sb = new StringBuilder();
            int pieces = 1 + random.nextInt(doc % 10 == 0 ? 200 : 25);
            for (int k = 0; k < pieces; k++) {
                sb.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String html = sb.toString();
            if (ReferenceRendering.render(html) != null) {
                renderedByBoth++;
            }
            assertSameRendering(html);
        }
        assertThat(renderedByBoth).as("random documents the fast path renders (not only refusals)").isGreaterThan(3_000);
    }

    @Test
    void aHugeDescriptionThenSmallOnesReuseTheBuffersCorrectly() {
        String big = "<ul>" + "<li>Kafka &amp; Flink, €80k – €120k&nbsp;</li>\n".repeat(20_000) + "</ul>";
        assertThat(big.length()).isGreaterThan(TextBuffer.KEEP_CAPACITY);
        assertSameRendering(big);
        assertSameRendering("<p>small</p>");
        assertSameRendering("<p>a <pre> b  c </pre> d</p>".repeat(200));
        assertSameRendering("<b>" .repeat(100) + "deep" + "</b>".repeat(40));
        assertSameRendering("plain   text\u00A0with\r\nlines\n\n\n");
    }
}
