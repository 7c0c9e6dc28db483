package io.jobpulse.benchmarks.e2e;

import io.jobpulse.analytics.ClickHouseSettings;
import io.jobpulse.demo.corpus.CorpusGenerator;
import io.jobpulse.demo.corpus.CorpusSettings;
import io.jobpulse.demo.corpus.GroundTruth;
import io.jobpulse.demo.run.DemoPipeline;
import io.jobpulse.demo.run.DemoSettings;
import io.jobpulse.ingest.run.RunSummary;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * The whole pipeline measured on the embedded default, as {@code ./jobpulse demo} runs it: the sample job-board
 * server, one ingest run through the real connectors over HTTP, the streams topology with exactly-once, the
 * ClickHouse sink and the query API, all in this JVM except the schema registry.
 *
 * <ol>
 *   <li><b>Throughput.</b> The sample market is sized to publish about {@code postings} postings on one simulated day.
 *       The clock starts when the ingest run starts and stops when the last of them is queryable in ClickHouse
 *       ({@link QueryableCounter}, once a second).</li>
 *   <li><b>Latency.</b> {@link LatencyProbe}s are published every {@code probeInterval} while the bulk load runs, then
 *       {@code settledProbes} of them one after another on the idle pipeline; each is timed from its publication to
 *       the first API answer that lists it.</li>
 *   <li><b>Memory.</b> {@link ProcessMemory}: VmHWM of this JVM and its children (the registry), peak heap.</li>
 *   <li><b>Baselines.</b> {@link PassThroughBaselines} on the same stack right after.</li>
 * </ol>
 */
public final class EndToEndBench {

    private final EndToEndSettings settings;
    private final PrintStream progress;
    private final String command;

    public EndToEndBench(EndToEndSettings settings, PrintStream progress, String command) {
        this.settings = settings;
        this.progress = progress;
        this.command = command;
    }

    public EndToEndReport run() throws Exception {
        Instant startedAt = Instant.now();
        String loadAtStart = loadAverage();
        // Yesterday: every sample posting is older than every probe, which the API lists newest first.
        LocalDate lastDay = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        int jobs = jobOpeningsFor(settings.postings(), lastDay);
        DemoSettings demo = new DemoSettings(settings.dataDir(), new CorpusSettings(settings.seed(), jobs, 1, lastDay), 0,
                null, settings.timeout());
        try (DemoPipeline pipeline = DemoPipeline.start(demo, progress)) {
            long expected = GroundTruth.of(pipeline.corpus()).totals().postingsIngested();
            int sources = pipeline.boards().boardInstances().size();
            ClickHouseSettings clickHouse = ClickHouseSettings.fromEnvironment(pipeline.stack().clickHouseJdbcUrl(),
                    ClickHouseSettings.DEFAULT_DATABASE);

            say("Bulk load: %,d postings from %,d sources, one ingest run; a latency probe every %d s meanwhile ...",
                    expected, sources, settings.probeInterval().toSeconds());
            long clock = System.nanoTime();
            RunSummary ingestRun;
            List<QueryableCounter.Point> points;
            List<LatencyProbe.Sample> probes;
            double bulkSeconds;
            long queryable;
            String loadAfterPipeline;
            try (LatencyProbe probe = new LatencyProbe(pipeline.stack().kafkaBootstrapServers(), pipeline.stack().registry(),
                    pipeline.apiPort(), clock);
                 QueryableCounter counter = QueryableCounter.start(clickHouse, expected, clock, progress,
                         () -> String.format(Locale.ROOT, "probes: %d published, %d waiting", probe.publishedCount(),
                                 probe.pendingCount()))) {
                Thread prober = Thread.ofPlatform().name("bench-probe-publisher").start(() -> publishWhileLoading(probe, counter));
                try {
                    ingestRun = pipeline.ingestOnce();
                    if (!counter.awaitComplete(settings.timeout())) {
                        say("  not all postings became queryable within %d s: %,d of %,d", settings.timeout().toSeconds(),
                                counter.latest(), expected);
                    }
                } finally {
                    prober.interrupt();
                    prober.join();
                }
                bulkSeconds = counter.completedAtSeconds();
                queryable = counter.latest();
                points = counter.points();
                loadAfterPipeline = loadAverage();

                say("Latency on the idle pipeline: %d probes, one at a time ...", settings.settledProbes());
                if (!probe.awaitSeen(settings.timeout())) {
                    say("  %d probes from the bulk load never appeared in the API", probe.pendingCount());
                }
                for (int i = 0; i < settings.settledProbes(); i++) {
                    Thread.sleep(1_000);
                    probe.publish(LatencyProbe.Phase.AFTER_LOAD);
                    if (!probe.awaitSeen(settings.timeout())) {
                        say("  probe %d did not appear in the API within %d s", probe.publishedCount(), settings.timeout().toSeconds());
                    }
                }
                probes = probe.samples();
                say("  %d API requests while probing, %d failed", probe.apiRequests(), probe.apiErrors());
            }
            List<ProcessMemory.Peak> memory = ProcessMemory.peaks();
            PassThroughBaselines.Result baselines = PassThroughBaselines.measure(pipeline.stack(), expected,
                    settings.dataDir().resolve("baselines"), progress);
            double ingestSeconds = Duration.between(ingestRun.startedAt(), ingestRun.finishedAt()).toMillis() / 1000.0;
            EndToEndReport report = new EndToEndReport(startedAt, command, Runtime.version().toString(),
                    Runtime.getRuntime().availableProcessors(), loadAtStart, loadAfterPipeline, loadAverage(), jobs, sources,
                    expected, queryable, ingestSeconds, bulkSeconds, points, probes, memory, baselines);
            write(report);
            return report;
        }
    }

    private void publishWhileLoading(LatencyProbe probe, QueryableCounter counter) {
        try {
            while (!counter.complete()) {
                if (!probe.publish(LatencyProbe.Phase.DURING_LOAD)) {
                    say("  %d probes waiting for the API; skipping one", probe.pendingCount());
                }
                Thread.sleep(settings.probeInterval().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            say("  publishing a probe failed: %s", e);
        }
    }

    /**
     * Job openings for about {@code postings} postings on one day: a job is listed on one to three boards, so a pilot
     * market of the same seed gives the postings per opening.
     */
    private int jobOpeningsFor(int postings, LocalDate lastDay) {
        int pilotJobs = Math.min(postings, 5_000);
        GroundTruth pilot = GroundTruth.of(CorpusGenerator.generate(new CorpusSettings(settings.seed(), pilotJobs, 1, lastDay)));
        double perJob = (double) pilot.totals().postingsIngested() / pilotJobs;
        return Math.max(1, (int) Math.round(postings / perJob));
    }

    private void write(EndToEndReport report) throws IOException {
        Path reportDir = settings.report().toAbsolutePath().getParent();
        Files.createDirectories(reportDir);
        String chartLink = reportDir.relativize(settings.chart().toAbsolutePath()).toString();
        Files.writeString(settings.report(), report.markdown(chartLink));
        try {
            EndToEndChart.write(report, settings.chart());
        } catch (IOException | RuntimeException | LinkageError | java.awt.AWTError e) {
            // Text rendering needs the system's fonts (fontconfig); the numbers must survive a machine without them.
            say("  the chart could not be drawn (%s); the report has every number", e);
        }
        say("Report: %s; chart: %s", settings.report(), settings.chart());
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private void say(String format, Object... args) {
        progress.println(String.format(Locale.ROOT, format, args));
        progress.flush();
    }
}
