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
}
