package io.jobpulse.streams.cli;

import io.jobpulse.contracts.TopicProvisioning;
import io.jobpulse.contracts.PipelineEndpoints;
import io.jobpulse.enrichment.PostingEnricher;
import io.jobpulse.streams.PostingEnrichment;
import io.jobpulse.streams.StreamsApp;
import io.jobpulse.streams.StreamsSettings;
import io.jobpulse.streams.StreamsTopics;
import io.jobpulse.streams.TopicNames;
import io.jobpulse.streams.dedupe.DuplicateDetector;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code ./jobpulse streams}: runs the streams stage (see {@code streams/README.md}) until SIGTERM/Ctrl-C, then
 * commits and leaves the group cleanly. Exit 0 after a clean stop, 1 when the instance failed, 2 on bad options.
 */
@Command(name = "streams", mixinStandardHelpOptions = true,
        description = "Enrich, deduplicate and aggregate postings (Kafka Streams, exactly-once) until stopped.")
public final class StreamsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "Kafka (default: env, then the running ./jobpulse stack)")
    String bootstrapServers;

    @Option(names = "--registry-url", paramLabel = "URL", description = "Schema registry (default: env, then the running ./jobpulse stack)")
    String registryUrl;

    @Option(names = "--stack-dir", paramLabel = "DIR", description = "Data directory of the embedded stack (default .jobpulse/data)")
    Path stackDir;

    @Option(names = "--application-id", defaultValue = StreamsSettings.DEFAULT_APPLICATION_ID,
            description = "Kafka Streams application id; instances with the same id share the work (default: ${DEFAULT-VALUE})")
    String applicationId;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = ".jobpulse/streams/state",
            description = "RocksDB state directory, one per instance (default: ${DEFAULT-VALUE})")
    Path stateDir;

    @Option(names = "--threads", defaultValue = "1", description = "Stream threads in this instance (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--standby-replicas", defaultValue = "0",
            description = "Warm standby copies of each task's state on other instances (default: ${DEFAULT-VALUE})")
    int standbyReplicas;

    @Option(names = "--commit-interval", paramLabel = "MS", defaultValue = "500",
            description = "Exactly-once transaction commit interval in ms (default: ${DEFAULT-VALUE})")
    long commitIntervalMs;

    @Option(names = "--aggregate-emit-interval", paramLabel = "MS", defaultValue = "1000",
            description = "How often changed aggregate cells are written to the aggregates topic, in ms (default: ${DEFAULT-VALUE})")
    long aggregateEmitIntervalMs;

    @Option(names = "--dedupe-window-days", defaultValue = "30",
            description = "Postings further apart than this are never duplicates (default: ${DEFAULT-VALUE})")
    int dedupeWindowDays;

    @Option(names = "--reprocess",
            description = "Re-enrich all history with the current taxonomy: rewind the input to the beginning, keeping state, then run. Stop every instance first.")
    boolean reprocess;

    @Option(names = "--config", paramLabel = "FILE", description = "Extra Kafka Streams properties (applied last)")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "One extra Kafka Streams property (repeatable, applied last)")
    Map<String, String> properties = new HashMap<>();

    @Option(names = "--topic-suffix", defaultValue = "", hidden = true,
            description = "Suffix for every external topic name, to run an isolated pipeline on a shared cluster (tests, staging)")
    String topicSuffix;

    @Option(names = "--http-port", defaultValue = "9465",
            description = "Port of /health and /metrics, 0 for a free port, -1 for none (default: ${DEFAULT-VALUE})")
    int httpPort;

    @Option(names = "--http-host", defaultValue = "127.0.0.1", description = "Address /health and /metrics bind to (default: ${DEFAULT-VALUE})")
    String httpHost;

    public static void main(String[] args) {
        System.exit(new CommandLine(new StreamsCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StreamsSettings settings;
        try {
            PipelineEndpoints endpoints = PipelineEndpoints.resolve(bootstrapServers, registryUrl, null, stackDir);
            Map<String, String> overrides = new HashMap<>(readConfig(configFile));
            overrides.putAll(properties);
            var defaults = DuplicateDetector.Settings.DEFAULTS;
            settings = new StreamsSettings(endpoints.kafkaBootstrapServers(), endpoints.requireRegistry(), applicationId,
                    stateDir, threads, standbyReplicas, Duration.ofMillis(commitIntervalMs), Duration.ofMillis(aggregateEmitIntervalMs),
                    StreamsSettings.DEFAULT_CACHE_MAX_BYTES,
                    new DuplicateDetector.Settings(dedupeWindowDays, defaults.jaccard(), defaults.containment()),
                    TopicNames.suffixed(topicSuffix), overrides);
        } catch (IllegalStateException | IllegalArgumentException | IOException e) {
            err.println(e.getMessage());
            err.flush();
            return 2;
        }
        if (reprocess) {
            try (Admin admin = StreamsApp.admin(settings)) {
                TopicProvisioning.ensure(admin, settings.topics().specs());
                int n = StreamsTopics.rewindInput(admin, settings.applicationId(), settings.topics().postings());
                out.printf("Rewound %d partitions of the postings topic for %s; re-enriching with the current taxonomy.%n",
                        n, settings.applicationId());
                out.flush();
            } catch (IllegalStateException e) {
                err.println(e.getMessage());
                err.flush();
                return 1;
            }
        }
        PostingEnrichment enrichment = PostingEnrichment.of(PostingEnricher.create());
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicReference<KafkaStreams.State> finalState = new AtomicReference<>();
        AtomicReference<KafkaStreams> running = new AtomicReference<>();
        HealthEndpoint http = httpPort < 0 ? null : new HealthEndpoint(httpHost, httpPort, running::get);
        StreamsApp app = StreamsApp.start(settings, enrichment, (now, before) -> {
            if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                finalState.compareAndSet(null, now);
                stopped.countDown();
            }
        });
        running.set(app.streams());
        out.printf("streams: %s running (taxonomy %s, state %s%s)%n", settings.applicationId(), enrichment.taxonomyVersion(),
                settings.stateDir().toAbsolutePath(), http == null ? "" : ", health on http://" + httpHost + ":" + http.port() + "/health");
        out.flush();
        Thread hook = new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "streams-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stopped.await();
        if (http != null) {
            http.close();
        }
        boolean failed = finalState.get() == KafkaStreams.State.ERROR;
        if (failed) {
            app.close();
            err.println("streams: the instance failed; see the log above");
            err.flush();
        }
        return failed ? 1 : 0;
    }

    private static Map<String, String> readConfig(Path file) throws IOException {
        Map<String, String> map = new HashMap<>();
        if (file == null) {
            return map;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        p.forEach((k, v) -> map.put(k.toString(), v.toString()));
        return map;
    }
}
