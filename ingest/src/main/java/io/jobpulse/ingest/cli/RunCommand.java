package io.jobpulse.ingest.cli;

import io.jobpulse.contracts.PipelineEndpoints;
import io.jobpulse.ingest.config.ConfigException;
import io.jobpulse.ingest.config.Durations;
import io.jobpulse.ingest.config.IngestConfig;
import io.jobpulse.ingest.config.IngestConfigParser;
import io.jobpulse.ingest.connector.ConnectorRegistry;
import io.jobpulse.ingest.run.IngestMetrics;
import io.jobpulse.ingest.run.IngestRunner;
import io.jobpulse.ingest.run.MetricsEndpoint;
import io.jobpulse.ingest.run.ProgressReporter;
import io.jobpulse.ingest.run.RunScheduler;
import io.jobpulse.ingest.run.RunSummary;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code ingest run --config sources.yaml --once | --every 1h}: one run, or runs on a fixed cadence (never
 * overlapping, surviving failed runs, with a Prometheus endpoint). Each run prints a summary table and writes it as
 * JSON to {@code --summary-file} (and appends it to {@code runs.jsonl} beside it).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Fetch the configured sources and publish new, changed and closed postings to Kafka.")
public final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "sources.yaml (see ingest/README.md)")
    Path config;

    @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    static final class Mode {
        @Option(names = "--once", description = "Run once and exit.")
        boolean once;

        @Option(names = "--every", paramLabel = "DURATION", description = "Run on this cadence, e.g. 1h or 15m.")
        String every;
    }

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "Kafka (default: env, then the running ./jobpulse stack)")
    String bootstrapServers;

    @Option(names = "--registry-url", paramLabel = "URL", description = "Schema registry (default: env, then the running ./jobpulse stack)")
    String registryUrl;

    @Option(names = "--stack-dir", paramLabel = "DIR", description = "Data directory of the embedded stack (default .jobpulse/data)")
    Path stackDir;

    @Option(names = "--summary-file", paramLabel = "FILE", defaultValue = ".jobpulse/ingest/last-run.json",
            description = "Where each run's JSON summary is written (default: ${DEFAULT-VALUE})")
    Path summaryFile;

    @Option(names = "--force", description = "Fetch every source now, ignoring min-interval.")
    boolean force;

    @Option(names = "--no-progress", description = "No progress bars (they are drawn only when the console is a terminal anyway).")
    boolean noProgress;

    @Option(names = "--parallelism", defaultValue = "4", description = "Sources fetched at the same time (default: ${DEFAULT-VALUE})")
    int parallelism;

    @Option(names = "--metrics-port", defaultValue = "9464",
            description = "Prometheus /metrics port in --every mode, 0 for none (default: ${DEFAULT-VALUE})")
    int metricsPort;

    @Option(names = "--metrics-host", defaultValue = "127.0.0.1", description = "Address /metrics binds to (default: ${DEFAULT-VALUE})")
    String metricsHost;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        IngestConfig cfg;
        try {
            cfg = new IngestConfigParser(ConnectorRegistry.builtIn()).parse(config);
        } catch (ConfigException e) {
            err.println("Invalid configuration: " + e.getMessage());
            err.flush();
            return IngestCommand.EXIT_CONFIG;
        }
        Duration every = null;
        if (mode.every != null) {
            try {
                every = Durations.parse(mode.every);
            } catch (IllegalArgumentException e) {
                err.println("--every: " + e.getMessage());
                return IngestCommand.EXIT_CONFIG;
            }
        }
        PipelineEndpoints endpoints;
        try {
            endpoints = PipelineEndpoints.resolve(bootstrapServers, registryUrl, null, stackDir);
            endpoints.requireRegistry();
        } catch (IllegalStateException e) {
            err.println(e.getMessage());
            return IngestCommand.EXIT_FAILED;
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        IngestMetrics metrics = new IngestMetrics(registry);
        boolean showProgress = !noProgress && System.console() != null;
        try (IngestRunner runner = new IngestRunner(cfg, new IngestRunner.Target(endpoints.kafkaBootstrapServers(),
                endpoints.registry()), metrics, Clock.systemUTC(), parallelism)) {
            runner.prepareTopics();
            if (every == null) {
                RunSummary summary = runOnce(runner, showProgress, out, err);
                return summary.anyFailed() ? IngestCommand.EXIT_FAILED : IngestCommand.EXIT_OK;
            }
            try (MetricsEndpoint endpoint = metricsPort > 0 ? new MetricsEndpoint(registry, metricsHost, metricsPort) : null) {
                if (endpoint != null) {
                    err.println("Metrics on http://" + metricsHost + ":" + endpoint.port() + "/metrics");
                }
                err.println("Running every " + Durations.format(every) + "; Ctrl-C to stop.");
                err.flush();
                RunScheduler.systemClock(every).loop(() -> {
                    try {
                        runOnce(runner, showProgress, out, err);
                    } catch (KafkaException e) {
                        runner.resetPublisher();
                        throw e;
                    }
                }, -1);
            }
            return IngestCommand.EXIT_OK;
        } catch (KafkaException | IllegalStateException e) {
            err.println("ingest failed: " + e.getMessage());
            return IngestCommand.EXIT_FAILED;
        }
    }

    private RunSummary runOnce(IngestRunner runner, boolean showProgress, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        RunSummary summary;
        try (ProgressReporter reporter = new ProgressReporter(System.err, showProgress)) {
            summary = runner.runOnce(force, reporter);
        }
        out.print(summary.render());
        out.flush();
        try {
            Path parent = summaryFile.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            String json = summary.toJson();
            Files.writeString(summaryFile, json);
            Files.writeString(parent.resolve("runs.jsonl"), json.replaceAll("\\s*\\n\\s*", " ") + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            err.println("Could not write the run summary to " + summaryFile + ": " + e.getMessage());
        }
        return summary;
    }
}
