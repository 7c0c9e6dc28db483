package io.jobpulse.benchmarks.e2e;

import io.jobpulse.demo.cli.DataDirectories;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code ./jobpulse bench}: measures the whole pipeline on the embedded default ({@link EndToEndBench}) and writes a
 * Markdown report and a PNG chart. Progress goes to stderr, the summary to stdout. Exit code 1 when not every posting
 * or probe became queryable.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure the whole pipeline end to end on the embedded stack; write a Markdown report and a PNG chart.",
                "Postings/s from ingest to queryable in ClickHouse (exactly-once), publication-to-API latency p50/p99, "
                        + "peak memory per process, and the ratio to the Kafka producer, streams pass-through and raw JDBC "
                        + "baselines measured in the same run. About 5 minutes at the default size on 2 cores."})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--postings", defaultValue = "" + EndToEndSettings.DEFAULT_POSTINGS, paramLabel = "N",
            description = "Postings in the bulk load, about (the sample market is sized to it; default: ${DEFAULT-VALUE}).")
    int postings;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + io.jobpulse.demo.corpus.CorpusSettings.DEFAULT_SEED,
            description = "Seed of the sample market (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--report", defaultValue = "target/jobpulse-bench/end-to-end.md", paramLabel = "FILE",
            description = "Markdown report to write (default: ${DEFAULT-VALUE}).")
    Path report;

    @Option(names = "--chart", paramLabel = "FILE",
            description = "PNG chart to write (default: end-to-end.png next to the report).")
    Path chart;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the stack and streams state live during the run (default: a temporary directory, removed after).")
    Path dataDir;

    @Option(names = "--probe-interval", defaultValue = "PT5S", paramLabel = "DURATION",
            description = "Time between latency probes during the bulk load (default: ${DEFAULT-VALUE}).")
    Duration probeInterval;

    @Option(names = "--settled-probes", defaultValue = "" + EndToEndSettings.DEFAULT_SETTLED_PROBES, paramLabel = "N",
            description = "Latency probes after the bulk load, one at a time (default: ${DEFAULT-VALUE}).")
    int settledProbes;

    @Option(names = "--timeout", defaultValue = "PT1H", paramLabel = "DURATION",
            description = "Longest wait for the bulk load to become queryable, and for each probe (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        boolean temporary = dataDir == null;
        Path dir = temporary ? Files.createTempDirectory("jobpulse-bench-") : dataDir.toAbsolutePath();
        Path chartFile = chart != null ? chart : report.toAbsolutePath().resolveSibling("end-to-end.png");
        EndToEndSettings settings;
        try {
            settings = new EndToEndSettings(postings, seed, dir, probeInterval, settledProbes, timeout, report, chartFile);
        } catch (IllegalArgumentException e) {
            err.println("--" + e.getMessage());
            return 2;
        }
        String commandLine = "./jobpulse bench --postings " + postings;
        try {
            EndToEndReport result = new EndToEndBench(settings, err, commandLine).run();
            System.out.println();
            System.out.print(result.summary());
            System.out.println("Report: " + report + "  Chart: " + chartFile);
            System.out.flush();
            boolean complete = result.allQueryable() && result.probes().stream().allMatch(LatencyProbe.Sample::seen);
            return complete ? 0 : 1;
        } finally {
            if (temporary) {
                DataDirectories.deleteTree(dir);
            }
        }
    }
}
