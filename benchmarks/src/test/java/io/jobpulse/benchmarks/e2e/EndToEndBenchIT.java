package io.jobpulse.benchmarks.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./jobpulse bench} at a small size (2,000 postings) against the real embedded stack: every posting must become
 * queryable, every probe must reach the API, and the report, its Markdown and its chart must agree with each other.
 */
class EndToEndBenchIT {

    private static final int POSTINGS = 2_000;
    private static final int SETTLED_PROBES = 5;

    private static Path dir;
    private static EndToEndSettings settings;
    private static EndToEndReport report;

    @BeforeAll
    static void runTheBench() throws Exception {
        dir = Files.createTempDirectory("e2e-bench-it-");
        settings = new EndToEndSettings(POSTINGS, 42, dir.resolve("data"), Duration.ofSeconds(2), SETTLED_PROBES,
                Duration.ofMinutes(5), dir.resolve("report/end-to-end.md"), dir.resolve("report/chart/end-to-end.png"));
        report = new EndToEndBench(settings, System.err, "EndToEndBenchIT").run();
    }

    @AfterAll
    static void removeTheData() throws Exception {
        if (dir != null) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void everyPostingOfTheBulkLoadBecomesQueryableAtAPositiveRate() {
        // The market is sized from a pilot of the same seed: within a few percent of what was asked for.
        assertThat(report.expectedPostings()).isBetween((long) (POSTINGS * 0.9), (long) (POSTINGS * 1.1));
        assertThat(report.allQueryable()).isTrue();
        assertThat(report.queryablePostings()).isEqualTo(report.expectedPostings());
        // Nothing is queryable before it was published: the pipeline cannot finish before the ingest run.
        assertThat(report.bulkSeconds()).isGreaterThanOrEqualTo(report.ingestSeconds()).isPositive();
        assertThat(report.endToEndRate()).isPositive().isLessThanOrEqualTo(report.ingestRate() * 1.01);

        List<QueryableCounter.Point> points = report.queryableOverTime();
        assertThat(points).isNotEmpty();
        for (int i = 1; i < points.size(); i++) {
            assertThat(points.get(i).postings()).isGreaterThanOrEqualTo(points.get(i - 1).postings());
            assertThat(points.get(i).seconds()).isGreaterThan(points.get(i - 1).seconds());
        }
        assertThat(points.getLast().postings()).isEqualTo(report.expectedPostings());
        assertThat(points.getLast().seconds()).isEqualTo(report.bulkSeconds());
    }

    @Test
    void everyProbeReachesTheApiAndThePercentilesAreOrdered() {
        assertThat(report.probes()).allMatch(LatencyProbe.Sample::seen);
        assertThat(report.probes()).filteredOn(s -> s.phase() == LatencyProbe.Phase.AFTER_LOAD).hasSize(SETTLED_PROBES);
        assertThat(report.probes()).filteredOn(s -> s.phase() == LatencyProbe.Phase.DURING_LOAD).isNotEmpty();
        for (LatencyProbe.Sample s : report.probes()) {
            // Seen only after its own transaction committed.
            assertThat(s.latencyMillis()).isPositive().isGreaterThanOrEqualTo(s.commitMillis());
        }
        for (EndToEndReport.Latency l : List.of(report.latency(LatencyProbe.Phase.DURING_LOAD),
                report.latency(LatencyProbe.Phase.AFTER_LOAD), report.latencyAll())) {
            assertThat(l.seen()).isEqualTo(l.published());
            assertThat(l.p50()).isPositive().isLessThanOrEqualTo(l.p99());
            assertThat(l.p99()).isLessThanOrEqualTo(l.max());
        }
    }

    @Test
    void peakMemoryIsReportedForTheBenchJvmAndTheRegistry() {
        ProcessMemory.Peak self = report.memory().getFirst();
        assertThat(self.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(self.residentPeakMiB()).isPositive();
        assertThat(self.heapPeakMiB()).isPositive().isLessThanOrEqualTo(self.residentPeakMiB() + self.heapMaxMiB());
        assertThat(report.memory()).anySatisfy(p -> {
            assertThat(p.process()).contains("schema registry");
            assertThat(p.residentPeakMiB()).isPositive();
        });
    }

    @Test
    void theBaselinesRanOnTheSameData() {
        PassThroughBaselines.Result b = report.baselines();
        assertThat(b.producerRecords()).isEqualTo(report.expectedPostings());
        // The postings topic holds the bulk load and the probes.
        assertThat(b.passThroughRecords()).isEqualTo(report.expectedPostings() + report.probes().size());
        assertThat(b.rawRows()).isEqualTo(report.expectedPostings() + report.probes().size());
        assertThat(b.recordBytes()).isGreaterThan(500);
        assertThat(b.producerRate()).isPositive();
        assertThat(b.passThroughRate()).isPositive();
        assertThat(b.rawJdbcRate()).isPositive();
        assertThat(report.ratioToPassThrough()).isEqualTo(report.endToEndRate() / b.passThroughRate());
    }

    @Test
    void theMarkdownReportAndThePngChartAreWritten() throws Exception {
        String markdown = Files.readString(settings.report());
        assertThat(markdown)
                .contains(String.format(Locale.ROOT, "| %,d |", report.expectedPostings()))
                .contains(String.format(Locale.ROOT, "**%.1f s, %,.0f postings/s**", report.bulkSeconds(), report.endToEndRate()))
                .contains(String.format(Locale.ROOT, "%.2f | %.2f |", report.latencyAll().p50(), report.latencyAll().p99()))
                .contains("![End-to-end throughput and latency](chart/end-to-end.png)")
                .contains("schema registry")
                .doesNotContain("NaN");
        BufferedImage chart = ImageIO.read(settings.chart().toFile());
        assertThat(chart).isNotNull();
        assertThat(chart.getWidth()).isEqualTo(1280);
        assertThat(chart.getHeight()).isEqualTo(580);
    }
}
