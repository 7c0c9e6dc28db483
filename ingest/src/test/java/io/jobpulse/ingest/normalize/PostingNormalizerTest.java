package io.jobpulse.ingest.normalize;

import io.jobpulse.contracts.avro.JobPosting;
import io.jobpulse.ingest.connector.PostingDraft;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PostingNormalizerTest {

    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private final PostingNormalizer normalizer = new PostingNormalizer("test", 100_000);

    private static PostingDraft.Builder draft() {
        return PostingDraft.builder("b:1").board("b").title("Engineer").descriptionHtml("<p>Hello</p>")
                .url("https://example.com/1");
    }

    private JobPosting accepted(PostingDraft d) {
        Normalization n = normalizer.normalize(d, NOW);
        assertThat(n).isInstanceOf(Normalization.Accepted.class);
        return ((Normalization.Accepted) n).posting();
    }

    private String rejected(PostingDraft d) {
        Normalization n = normalizer.normalize(d, NOW);
        assertThat(n).isInstanceOf(Normalization.Rejected.class);
        return ((Normalization.Rejected) n).reason();
    }

    @Test
    void removesScriptsStylesAndHandlersButKeepsReadableText() {
        JobPosting p = accepted(draft().descriptionHtml("""
                <style>p{color:red}</style><h2>About&nbsp;us</h2><p onclick="steal()">We &hearts; <a href="javascript:alert(1)">open</a> source.</p>
                <script>document.cookie</script><ol><li>One</li><li>Two<br>lines</li></ol><table><tr><td>A</td><td>B</td></tr></table>""").build());
        assertThat(p.getDescriptionText()).isEqualTo("About us\n\nWe ♥ open source.\n\n- One\n- Two\nlines\n\nA | B");
        assertThat(p.getDescriptionHtml()).doesNotContain("script", "onclick", "javascript", "style");
    }

    @Test
    void rejectsMissingTitleMissingDescriptionAndHugeDescriptions() {
        assertThat(rejected(draft().title("  ").build())).isEqualTo("missing title");
        assertThat(rejected(draft().descriptionHtml(null).build())).isEqualTo("missing description");
        assertThat(rejected(draft().descriptionHtml("<p> </p><script>x</script>").build())).isEqualTo("description has no text");
        assertThat(rejected(draft().descriptionHtml("<p>" + "x".repeat(10 * 1024 * 1024) + "</p>").build()))
                .startsWith("description of 10485767 characters (limit 100000)");
    }

    @Test
    void impossibleDatesAreDroppedAndTheirRawTextKept() {
        JobPosting p = accepted(draft().postedAt("2026-02-30T10:00:00Z").updatedAt("9999-01-01").build());
        assertThat(p.getPostedAt()).isNull();
        assertThat(p.getUpdatedAt()).isNull();
        assertThat(p.getAttributes()).containsEntry("posted_at_raw", "2026-02-30T10:00:00Z").containsEntry("updated_at_raw", "9999-01-01");
    }

    @Test
    void datesOfEverySourceFormatBecomeUtc() {
        assertThat(Timestamps.parse("2026-01-10T13:44:00-05:00", NOW)).isEqualTo("2026-01-10T18:44:00Z");
        assertThat(Timestamps.parse("2026-01-10T13:44:00", NOW)).isEqualTo("2026-01-10T13:44:00Z");
        assertThat(Timestamps.parse("2026-01-10T13:44:00+0100", NOW)).isEqualTo("2026-01-10T12:44:00Z");
        assertThat(Timestamps.parse("2026-01-04 09:12:44 UTC", NOW)).isEqualTo("2026-01-04T09:12:44Z");
        assertThat(Timestamps.parse("2026-01-04", NOW)).isEqualTo("2026-01-04T00:00:00Z");
        assertThat(Timestamps.parse("2024-02-29T10:00:00Z", NOW)).isEqualTo("2024-02-29T10:00:00Z");
        assertThat(Timestamps.parse("Sat, 10 Jan 2026 10:00:00 GMT", NOW)).isEqualTo("2026-01-10T10:00:00Z");
        assertThat(Timestamps.parse("1767600000", NOW)).isEqualTo(Instant.ofEpochSecond(1767600000));
        assertThat(Timestamps.parse("1765100000000", NOW)).isEqualTo(Instant.ofEpochMilli(1765100000000L));
        assertThat(Timestamps.parse("yesterday", NOW)).isNull();
        assertThat(Timestamps.parse("1970-01-01T00:00:00Z", NOW)).isNull();
    }

    @Test
    void impossibleDatesAreUnreadableInEveryFormNotMovedToANeighbouringDay() {
        for (String impossible : List.of("2025-02-29T10:00:00Z", "2025-02-29T10:00:00+0100", "2025-02-29T10:00:00+01:00",
                "2025-02-29 10:00:00 UTC", "2025-02-29 10:00:00", "2025-02-29", "2025-04-31T08:00:00Z",
                "2025-06-01T24:00:00Z", "2025-06-01T24:00+0100", "2025-06-01 24:00:00 UTC", "2025-06-01T10:60:00+0100",
                "Sat, 29 Feb 2025 10:00:00 GMT")) {
            assertThat(Timestamps.parse(impossible, NOW)).as(impossible).isNull();
        }
        assertThat(Timestamps.parse("2024-02-29T10:00:00+0100", NOW)).isEqualTo("2024-02-29T09:00:00Z");
        assertThat(Timestamps.parse("2024-02-29 10:00:00 UTC", NOW)).isEqualTo("2024-02-29T10:00:00Z");
    }

    @Test
    void contentHashIgnoresVolatileFieldsButNotContent() {
        JobPosting a = accepted(draft().updatedAt("2026-01-01T00:00:00Z").build());
        JobPosting b = ((Normalization.Accepted) normalizer.normalize(draft().updatedAt("2026-01-09T00:00:00Z").build(),
                NOW.plusSeconds(3600))).posting();
        JobPosting c = accepted(draft().title("Senior Engineer").build());
        assertThat(a.getContentHash()).hasSize(64).isEqualTo(b.getContentHash());
        assertThat(c.getContentHash()).isNotEqualTo(a.getContentHash());
    }

    @Test
    void controlCharactersAndInvalidUrlsAreCleaned() {
        JobPosting p = accepted(draft().title("Dev\u0000Ops\u0007 Engineer").url("javascript:alert(1)")
                .applyUrl("https://example.com/apply").company("R&amp;D &lt;Labs&gt;").build());
        assertThat(p.getTitle()).isEqualTo("DevOps Engineer");
        assertThat(p.getUrl()).isNull();
        assertThat(p.getApplyUrl()).isEqualTo("https://example.com/apply");
        assertThat(p.getCompany()).isEqualTo("R&D <Labs>");
    }

    @Test
    void salaryTextIsReadWhenThereIsNoStructure() {
        assertThat(SalaryText.parse("$120-150k per year")).isEqualTo(new SalaryText.Parsed(120_000.0, 150_000.0, "USD", "year"));
        assertThat(SalaryText.parse("€50.000–70.000 brutto/Jahr")).isEqualTo(new SalaryText.Parsed(50_000.0, 70_000.0, "EUR", "year"));
        assertThat(SalaryText.parse("USD 40/hr")).isEqualTo(new SalaryText.Parsed(40.0, 40.0, "USD", "hour"));
        assertThat(SalaryText.parse("competitive")).isNull();
        assertThat(SalaryText.parse("2-5 years")).isNull();
        JobPosting p = accepted(draft().salary(new PostingDraft.SalaryDraft(null, null, null, null, "£45,000 - £55,000")).build());
        assertThat(p.getSalary().getMin()).isEqualTo(45_000.0);
        assertThat(p.getSalary().getCurrency()).isEqualTo("GBP");
        assertThat(p.getSalary().getRaw()).isEqualTo("£45,000 - £55,000");
    }

    @Test
    void employmentTypesOfEverySourceMapToTheContractWords() {
        assertThat(EmploymentTypes.normalize("FULL_TIME")).isEqualTo("full_time");
        assertThat(EmploymentTypes.normalize("FullTime")).isEqualTo("full_time");
        assertThat(EmploymentTypes.normalize("fulltime_permanent")).isEqualTo("full_time");
        assertThat(EmploymentTypes.normalize("Vollzeit")).isEqualTo("full_time");
        assertThat(EmploymentTypes.normalize("Part-time")).isEqualTo("part_time");
        assertThat(EmploymentTypes.normalize("CONTRACTOR")).isEqualTo("contract");
        assertThat(EmploymentTypes.normalize("Intern")).isEqualTo("internship");
        assertThat(EmploymentTypes.normalize("TEMPORARY")).isEqualTo("temporary");
        assertThat(EmploymentTypes.normalize("VOLUNTEER")).isEqualTo("other");
    }

    @Test
    void closedEventsCarryIdentityAndClosingTime() {
        JobPosting closed = PostingNormalizer.closed("test:b:1", "test", "b:1", "b", "abc", NOW);
        assertThat(closed.getStatus().name()).isEqualTo("CLOSED");
        assertThat(closed.getClosedAt()).isEqualTo(NOW);
        assertThat(closed.getTitle()).isEmpty();
    }

    @Test
    void contentHashOfAPostingStaysTheSameAcrossReleases() {
        // Checkpoints store this hash: if it changed for unchanged content, the next run would re-publish every
        // posting as changed. Pinned value computed by the SHA-256-over-String.getBytes implementation it replaced.
        PostingDraft d = PostingDraft.builder("42").board("acme").title("Señor Backend Engineer – Zürich 🚀").company("Ärzte & Co")
                .descriptionHtml("<p>Build <b>Kafka</b> pipelines in 東京 &amp; Berlin — €80.000–95.000 😀</p><ul><li>Java</li></ul>")
                .url("https://example.org/jobs/42").postedAt("2026-01-15T08:30:00Z").location(PostingDraft.LocationDraft.of("Zürich, CH"))
                .salary(new PostingDraft.SalaryDraft(80000.0, 95000.0, "EUR", "year", "€80k–95k")).tag("Kafka").tag("Java")
                .attribute("team", "Data – Platform").build();
        JobPosting p = ((Normalization.Accepted) new PostingNormalizer("file").normalize(d, Instant.parse("2026-02-01T00:00:00Z"))).posting();
        assertThat(p.getContentHash()).isEqualTo("cf520dc0e8e5588bf3b74098600e2b1b234ba6361b1daa01b0985659a80a97bc");
        assertThat(p.getPostedAt()).isEqualTo(Instant.parse("2026-01-15T08:30:00Z"));
    }
}
