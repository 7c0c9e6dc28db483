package io.jobpulse.ingest.normalize;

import io.jobpulse.contracts.avro.JobPosting;
import io.jobpulse.ingest.connector.PostingDraft;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Content hashes are compared with the ones stored in checkpoints by earlier runs, so they must not move when the
 * code computing them changes. The expected values were computed by the version before the rendering and encoding
 * buffers were reworked (commit 6b373bd), for postings that go through every path: UTF-16 and long descriptions,
 * entities, locations, salary, attributes, plain-text descriptions.
 */
class ContentHashStabilityTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private final PostingNormalizer normalizer = new PostingNormalizer("file");

    private JobPosting normalized(PostingDraft d) {
        return ((Normalization.Accepted) normalizer.normalize(d, NOW)).posting();
    }

    @Test
    void hashesAreThoseEarlierVersionsStoredInCheckpoints() {
        PostingDraft html = PostingDraft.builder("bench:job-1").board("bench").title("Ingénieur logiciel Java")
                .company("Lumière SAS").descriptionHtml("<div><h2>About</h2><p>We are hiring &amp; growing – €90k</p>"
                        + "<ul><li>Kafka</li><li>Java&nbsp;and Go</li></ul>"
                        + "<p>Wir freuen uns – Ärzte willkommen.</p>".repeat(30) + "</div>")
                .url("https://careers.example.org/jobs/1").applyUrl("https://careers.example.org/jobs/1/apply")
                .postedAt("2026-01-02T10:00:00Z").location(PostingDraft.LocationDraft.of("München, Deutschland"))
                .location(new PostingDraft.LocationDraft("東京", "Tokyo", null, "JP", true)).remote(true)
                .employmentType("Full-time").department("Engineering")
                .salary(new PostingDraft.SalaryDraft(90000.0, 120000.0, "eur", "year", "90k – 120k"))
                .tag("Java").tag("Kafka").attribute("requisition_id", "REQ-1").attribute("team", "Platform 😀").build();
        PostingDraft plain = PostingDraft.builder("bench:job-2").board("bench").title("Plain text job")
                .descriptionText("Line one\n\n\nLine   two\u00A0with nbsp " + "x".repeat(600)).build();

        // twice each, interleaved: the second time the encoding buffers hold the other posting's description
        for (int i = 0; i < 2; i++) {
            assertThat(normalized(html).getContentHash())
                    .isEqualTo("fd92912e54308993cdbefdad73c95249e1d98d12cf9fb2788ce7f6fe5a8e11a1");
            assertThat(normalized(plain).getContentHash())
                    .isEqualTo("4869a779048d09841ef563e1bf0baaf94ad5f2394882c882ce9e273fb9131047");
        }
    }
}
