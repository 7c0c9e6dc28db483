package io.jobpulse.demo.cli;

import io.jobpulse.demo.corpus.CorpusSettings;
import io.jobpulse.demo.corpus.GroundTruth;
import io.jobpulse.demo.run.DemoPipeline;
import io.jobpulse.demo.run.DemoSettings;
import io.jobpulse.ingest.config.Durations;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./jobpulse demo}: the whole pipeline on the embedded default in one command. Generates a seeded sample job
 * market, serves it through eight real job-board formats on loopback, ingests one simulated day at a time through
 * the real connectors, streams, sinks into ClickHouse, serves the API and dashboards, prints
 * {@code Dashboard: http://127.0.0.1:PORT/} and a summary, and serves until Ctrl-C.
 *
 * <p>Progress goes to stderr, the dashboard line and the summary to stdout. Without {@code --data-dir} everything
 * lives in a temporary directory removed on exit; with it, the next start on the same directory serves the same data
 * again without re-ingesting. With {@code --config} it ingests the real boards of a sources.yaml instead, once at
 * start and then every {@code --every}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run jobpulse end to end on the embedded stack against a generated sample job market (or real boards).",
                "Prints 'Dashboard: http://127.0.0.1:PORT/' and a summary, then serves until Ctrl-C."})
public final class DemoCommand implements Callable<Integer> {

    static final String STATE_FILE = "demo.properties";

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep the state here for the next start (default: a temporary directory, removed on exit).")
    Path dataDir;

    @Option(names = "--postings", defaultValue = "5000", paramLabel = "N",
            description = "Job openings in the sample market; each is posted on one to three boards (default: ${DEFAULT-VALUE}).")
    int postings;

    @Option(names = "--days", defaultValue = "7", paramLabel = "N",
            description = "Simulated days, one ingest run each (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--seed", defaultValue = "" + CorpusSettings.DEFAULT_SEED,
            description = "Seed of the sample market: the same seed gives the same market (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--port", defaultValue = "8080",
            description = "Port of the API and dashboards; a free one when taken, 0 for any (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--config", paramLabel = "sources.yaml",
            description = "Ingest the real boards of this sources.yaml instead of the sample market (see ingest/sources.example.yaml).")
    Path config;

    @Option(names = "--every", defaultValue = "1h",
            description = "With --config: ingest again on this cadence while serving (default: ${DEFAULT-VALUE}).")
    String every;

    @Option(names = "--catch-up-timeout", defaultValue = "PT5M",
            description = "Longest wait for streams and the sink after each ingest run (default: ${DEFAULT-VALUE}).")
    Duration catchUp;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new DemoCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        Duration cadence;
        try {
            cadence = Durations.parse(every);
        } catch (IllegalArgumentException e) {
            err.println("--every: " + e.getMessage());
            return 2;
        }
        try {
            new CorpusSettings(seed, postings, days, LocalDate.now(ZoneOffset.UTC));
        } catch (IllegalArgumentException e) {
            // The settings name job openings "jobs"; on the command line they are --postings.
            err.println("--" + e.getMessage().replaceFirst("^jobs", "postings"));
            return 2;
        }
        if (config != null && !Files.isReadable(config)) {
            err.println("--config: cannot read " + config);
            return 2;
        }
        boolean temporary = dataDir == null;
        Path dir = temporary ? Files.createTempDirectory("jobpulse-demo-") : dataDir.toAbsolutePath();
        Files.createDirectories(dir);

        Properties state = readState(dir);
        LocalDate lastDay = LocalDate.now(ZoneOffset.UTC);
        boolean reuse = false;
        if (config == null && !state.isEmpty()) {
            String wanted = seed + "/" + postings + "/" + days;
            String held = state.getProperty("seed") + "/" + state.getProperty("postings") + "/" + state.getProperty("days");
            if (!wanted.equals(held)) {
                err.printf("%s holds a demo of seed/postings/days %s, not %s: use another --data-dir or remove it.%n",
                        dir, held, wanted);
                return 2;
            }
            reuse = "true".equals(state.getProperty("complete"));
            lastDay = LocalDate.parse(state.getProperty("last-day"));
        }

        DemoSettings settings = new DemoSettings(dir, new CorpusSettings(seed, postings, days, lastDay), port, config, catchUp);
        CountDownLatch stop = new CountDownLatch(1);
        DemoPipeline pipeline;
        try {
            pipeline = DemoPipeline.start(settings, err);
        } catch (Exception e) {
            err.println("demo failed to start: " + e.getMessage());
            if (temporary) {
                DataDirectories.deleteTree(dir);
            }
            return 1;
        }
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            err.println("Stopping ...");
            pipeline.close();
            if (temporary) {
                DataDirectories.deleteTree(dir);
            }
            err.println("Stopped.");
            closed.countDown();
        }, "demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        if (config != null) {
            pipeline.ingestOnce(true);
        } else if (reuse) {
            err.printf("Reusing the pipeline state in %s (sample market of %s); not ingesting again.%n", dir, lastDay);
            while (pipeline.boards().hasNextDay()) {
                pipeline.boards().advanceDay();
            }
        } else {
            writeState(dir, lastDay, false);
            pipeline.runAllDays();
            writeState(dir, lastDay, true);
        }

        DemoPipeline.Summary s = pipeline.summary();
        out.println("Dashboard: " + pipeline.dashboardUrl());
        String row = "%-14s %10s %12s %8s %9s %12s%n";
        out.printf(row, "", "postings", "duplicates", "closed", "rejected", "active jobs");
        out.printf(row, "Pipeline:", n(s.postingsIngested()), n(s.duplicatesMerged()), n(s.closed()), n(s.rejected()),
                n(s.activeJobs()));
        if (config == null) {
            GroundTruth truth = GroundTruth.of(pipeline.corpus());
            GroundTruth.Totals t = truth.totals();
            int closedTruth = 0;
            int rejectedTruth = 0;
            for (int d = 0; d < days; d++) {
                closedTruth += truth.ingest(d).closedPostings();
                rejectedTruth += truth.ingest(d).rejectedListed();
            }
            boolean equal = s.postingsIngested() == t.postingsIngested() && s.duplicatesMerged() == t.duplicatesMerged()
                    && s.closed() == closedTruth && s.rejected() == rejectedTruth && s.activeJobs() == t.activeJobs();
            out.printf(row, "Ground truth:", n(t.postingsIngested()), n(t.duplicatesMerged()), n(closedTruth),
                    n(rejectedTruth), n(t.activeJobs()));
            out.println(equal ? "The pipeline's numbers equal the generator's ground truth."
                    : "The pipeline's numbers differ from the ground truth in " + dir.resolve("corpus/ground-truth.json"));
        }
        out.println("Press Ctrl-C to stop" + (temporary ? "." : "; the next start with --data-dir " + dir + " serves this data again."));
        out.flush();

        if (config != null) {
            while (!stop.await(cadence.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                pipeline.ingestOnce(false);
            }
        }
        closed.await();
        return 0;
    }

    private static String n(long v) {
        return String.format("%,d", v);
    }

    private static Properties readState(Path dir) throws IOException {
        Properties p = new Properties();
        Path f = dir.resolve(STATE_FILE);
        if (Files.exists(f)) {
            try (var in = Files.newBufferedReader(f)) {
                p.load(in);
            }
        }
        return p;
    }

    private void writeState(Path dir, LocalDate lastDay, boolean complete) throws IOException {
        Properties p = new Properties();
        p.setProperty("seed", Long.toString(seed));
        p.setProperty("postings", Integer.toString(postings));
        p.setProperty("days", Integer.toString(days));
        p.setProperty("last-day", lastDay.toString());
        p.setProperty("complete", Boolean.toString(complete));
        try (var w = Files.newBufferedWriter(dir.resolve(STATE_FILE))) {
            p.store(w, "./jobpulse demo: the sample market this directory holds");
        }
    }
}
