package io.jobpulse.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Utf8BufferTest {

    private static byte[] encoded(Utf8Buffer buffer, String s) {
        int length = buffer.encode(s);
        return Arrays.copyOf(buffer.bytes(), length);
    }

    @Test
    void encodesExactlyAsStringGetBytes() {
        Utf8Buffer buffer = new Utf8Buffer();
        String[] samples = {"", "plain ascii", "Zürich, Ärzte", "€80.000–95.000 — ok", "東京 and 😀 emoji",
                "unpaired high \uD83D at the end \uD83D", "unpaired low \uDE00 here", "high then letter \uD83Dx",
                "é".repeat(3000) + "€".repeat(2000) + "😀".repeat(1000), "short again after a long one"};
        for (String s : samples) {
            assertThat(encoded(buffer, s)).as(s.length() > 40 ? s.substring(0, 40) : s)
                    .isEqualTo(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void longStringsEncodedAgainGiveTheSameBytesWhateverCameInBetween() {
        Utf8Buffer buffer = new Utf8Buffer();
        String html = "<p>Salary €" + "x".repeat(Utf8Buffer.REMEMBERED_LENGTH) + " – Zürich</p>";
        String text = "Salary €" + "y".repeat(Utf8Buffer.REMEMBERED_LENGTH * 3) + " 😀";
        String third = "ü".repeat(Utf8Buffer.REMEMBERED_LENGTH * 5);
        String sameContentAsHtml = new String(html.toCharArray());
        // the content hash's order, then the Avro encoder's, then a third long string that evicts one of them
        for (String s : new String[] {"id-1", html, "https://x.example/1", text, "board", text, "title", html,
                sameContentAsHtml, third, html, "short", third, text, html, text}) {
            assertThat(encoded(buffer, s)).as(s.length() > 40 ? s.substring(0, 40) : s)
                    .isEqualTo(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void eachThreadHasItsOwnBuffer() throws Exception {
        Utf8Buffer mine = Utf8Buffer.ofThread();
        Utf8Buffer[] other = new Utf8Buffer[1];
        Thread t = new Thread(() -> other[0] = Utf8Buffer.ofThread());
        t.start();
        t.join();
        assertThat(Utf8Buffer.ofThread()).isSameAs(mine);
        assertThat(other[0]).isNotNull().isNotSameAs(mine);
    }
}
