package io.jobpulse.ingest.normalize;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SimpleMarkupTest {

    private static final List<String> TYPICAL = List.of(
            "<p>Hello <strong>world</strong> &amp; friends</p><ul><li>One</li><li>Two<br/>lines</li></ul>",
            "<div><b>We run Kafka.</b></div><div>Join a team of 6.</div><h3>What you'll do</h3><ul><li>A</li></ul>",
            "<h2>About&nbsp;us</h2>\n<p>Wir suchen Verstärkung &ndash; in München.</p>\n\n<ol><li>Eins</li><li>Zwei</li></ol>",
            "<p>Apply <a href=\"https://example.com/apply?a=1&amp;b=2\" title=\"Apply\">here</a>.</p>",
            "<table><tr><th>Level</th><th>Pay</th></tr><tr><td>Senior</td><td>$150k</td></tr></table>",
            "<p>Unclosed <em>emphasis<p>Next paragraph</p>",
            "<pre>  keep   spacing\n  here</pre><p>after</p>",
            "<p>Caf&eacute; &#233; &#xE9; &euro;5 &hellip; &copy; R&amp;D</p>");

    @Test
    void rendersTypicalDescriptionsLikeTheJsoupPath() {
        for (String html : TYPICAL) {
            HtmlText.Rendered fast = SimpleMarkup.render(html);
            assertThat(fast).as(html).isNotNull();
            assertThat(fast.text()).as(html).isEqualTo(HtmlText.renderWithJsoup(html).text());
        }
    }

    @Test
    void givesUpOnAnythingBeyondPlainFormatting() {
        for (String html : List.of("<p>x</p><script>alert(1)</script>", "<p>x<!-- comment --></p>", "<p>a < b</p>",
                "<img src=x onerror=alert(1)>", "<p style=\"x\">fine</p><iframe src=\"https://e.com\"></iframe>",
                "<p title=\"unterminated>text</p>", "<section>x</section>", "<p>AT&T rocks</p>", "<p>&notanentity;</p>")) {
            assertThat(SimpleMarkup.render(html)).as(html).isNull();
            assertThat(HtmlText.render(html).safeHtml()).doesNotContain("<script", "onerror", "<iframe", "style=");
        }
    }

    @Test
    void keepsOnlySafeLinksAndNoOtherAttributes() {
        HtmlText.Rendered r = SimpleMarkup.render("<p class=\"x\" onclick=\"steal()\">Hi <a href=\"javascript:alert(1)\">bad</a> "
                + "<a href='https://ok.example/a?x=\"1\"' onmouseover=x>ok</a></p>");
        assertThat(r.safeHtml()).isEqualTo("<p>Hi <a>bad</a> <a href=\"https://ok.example/a?x=&quot;1&quot;\">ok</a></p>");
        assertThat(r.text()).isEqualTo("Hi bad ok");
    }
}
