package io.jobpulse.demo.run;

import io.jobpulse.analytics.ClickHouseSettings;
import io.jobpulse.analytics.api.ApiServer;
import io.jobpulse.analytics.sink.ClickHouseSink;
import io.jobpulse.analytics.sink.SinkSettings;
import io.jobpulse.contracts.Topics;
import io.jobpulse.demo.boards.SampleBoardServer;
import io.jobpulse.demo.boards.SourcesFile;
import io.jobpulse.demo.corpus.Corpus;
import io.jobpulse.demo.corpus.CorpusGenerator;
import io.jobpulse.demo.corpus.GroundTruth;
import io.jobpulse.embedded.EmbeddedStack;
import io.jobpulse.embedded.StackSettings;
import io.jobpulse.enrichment.PostingEnricher;
import io.jobpulse.ingest.config.ConfigException;
import io.jobpulse.ingest.config.IngestConfig;
import io.jobpulse.ingest.config.IngestConfigParser;
import io.jobpulse.ingest.connector.ConnectorRegistry;
import io.jobpulse.ingest.run.IngestMetrics;
import io.jobpulse.ingest.run.IngestRunner;
import io.jobpulse.ingest.run.ProgressReporter;
import io.jobpulse.ingest.run.RunSummary;
import io.jobpulse.ingest.run.SourceSummary;
import io.jobpulse.streams.PostingEnrichment;
import io.jobpulse.streams.StreamsApp;
import io.jobpulse.streams.StreamsSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The whole pipeline in one process on the embedded stack: Kafka, registry and ClickHouse; the sample boards (or
 * real ones); ingest through the real connectors over HTTP, one run per simulated day; the streams topology; the
 * ClickHouse sink; the query API with the dashboards. {@code DemoCommand} drives it for a person,
 * {@code DemoPipelineIT} for a test.
 *
 * <p>Start-up order follows the data: stack, then streams, sink and API (consumers first, so nothing waits on a
 * rebalance later), then boards and ingest. {@link #close()} stops them in reverse.
 */
public final class DemoPipeline implements AutoCloseable {

    private final DemoSettings settings;
    private final PrintStream progress;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final EmbeddedStack stack;
    private final StreamsApp streams;
    private final ClickHouseSink sink;
    private final Thread sinkThread;
    private final ApiServer api;
    private final ClickHouseSettings clickHouse;
    private final Corpus corpus;
    private final SampleBoardServer boards;
    private final IngestRunner ingest;
    private final Admin admin;
    private final PipelineLag lag;
    private final List<RunSummary> runs = new ArrayList<>();
    private final AtomicReference<KafkaStreams.State> streamsState = new AtomicReference<>(KafkaStreams.State.CREATED);

    private DemoPipeline(DemoSettings settings, PrintStream progress) throws Exception {
        this.settings = settings;
        this.progress = progress;
        boolean ok = false;
        try {
            if (settings.sampleBoards()) {
                say("Generating %,d job openings over %d simulated days (seed %d) ...", settings.corpus().jobs(),
                        settings.corpus().days(), settings.corpus().seed());
                corpus = CorpusGenerator.generate(settings.corpus());
                GroundTruth.write(corpus, settings.dataDir().resolve("corpus"));
                say("  %,d postings from %,d companies; corpus and ground truth in %s", corpus.jobs().stream()
                        .mapToInt(j -> j.listings().size()).sum(), corpus.companies().size(), settings.dataDir().resolve("corpus"));
            } else {
                corpus = null;
            }

            say("Starting the embedded stack (Kafka, schema registry, ClickHouse) in %s ...", settings.dataDir().resolve("stack"));
            stack = EmbeddedStack.start(StackSettings.ephemeral(settings.dataDir().resolve("stack")),
                    (component, endpoint, took) -> say("  %s on %s after %.1f s", component, endpoint, took.toMillis() / 1000.0));
            open.add(stack);
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()));
            open.add(admin);

            say("Starting the streams topology, the ClickHouse sink and the query API ...");
            StreamsSettings streamsSettings = StreamsSettings.defaults(stack.kafkaBootstrapServers(), stack.registry())
                    .withApplicationId(DemoSettings.STREAMS_APPLICATION_ID)
                    .withStateDir(settings.dataDir().resolve("streams"));
            streams = StreamsApp.start(streamsSettings, PostingEnrichment.of(PostingEnricher.create()),
                    (now, before) -> streamsState.set(now));
            open.add(streams);

            clickHouse = ClickHouseSettings.fromEnvironment(stack.clickHouseJdbcUrl(), ClickHouseSettings.DEFAULT_DATABASE);
            sink = new ClickHouseSink(SinkSettings.defaults(stack.kafkaBootstrapServers(), stack.registry(), clickHouse)
                    .withGroupId(DemoSettings.SINK_GROUP));
            sinkThread = Thread.ofPlatform().name("demo-clickhouse-sink").start(sink);
            open.add(() -> {
                sink.close();
                sinkThread.join(15_000);
            });
            api = startApi(settings.apiPort());
            open.add(api);
            lag = new PipelineLag(admin, List.of(DemoSettings.STREAMS_APPLICATION_ID, DemoSettings.SINK_GROUP));

            IngestConfig config;
            if (settings.sampleBoards()) {
                boards = SampleBoardServer.start(corpus);
                open.add(boards);
                Path sourcesFile = SourcesFile.write(boards, settings.dataDir().resolve("sources.yaml"),
                        DemoSettings.INGEST_TRANSACTIONAL_ID);
                say("Sample job boards on %s (%d sources: Greenhouse, Lever, Ashby, Workable, Recruitee, Remotive, "
                        + "Arbeitnow, HN); sources.yaml in %s", boards.url(), boards.boardInstances().size(), sourcesFile);
                config = parse(sourcesFile);
            } else {
                boards = null;
                config = parse(settings.sources());
                say("Ingesting the %d enabled sources of %s", config.enabledSources().size(), settings.sources());
            }
            ingest = new IngestRunner(config, new IngestRunner.Target(stack.kafkaBootstrapServers(), stack.registry()),
                    new IngestMetrics(new SimpleMeterRegistry()), Clock.systemUTC(), 4);
            open.add(ingest);
            ingest.prepareTopics();
            ok = true;
        } finally {
            if (!ok) {
                close();
            }
        }
    }

    /** Starts everything; throws (after stopping what had started) when a part cannot start. */
    public static DemoPipeline start(DemoSettings settings, PrintStream progress) throws Exception {
        return new DemoPipeline(settings, progress);
    }

    private ApiServer startApi(int port) throws IOException {
        try {
            return ApiServer.start(clickHouse, port, Clock.systemUTC(), sink::status);
        } catch (BindException e) {
            say("  port %d is taken; the API takes a free port instead", port);
            return ApiServer.start(clickHouse, 0, Clock.systemUTC(), sink::status);
        }
    }

    private static IngestConfig parse(Path file) throws ConfigException {
        return new IngestConfigParser(ConnectorRegistry.builtIn()).parse(file);
    }

    /**
     * One ingest run over every source (for the sample boards: the current simulated day), then a wait until streams
     * and the sink have processed what it published.
     */
    public RunSummary ingestOnce() throws InterruptedException {
        return ingestOnce(true);
    }

    /** As {@link #ingestOnce()}; {@code force} ignores the sources' min-interval (real boards ask for it). */
    public RunSummary ingestOnce(boolean force) throws InterruptedException {
        RunSummary summary;
        try (ProgressReporter reporter = new ProgressReporter(progress, false)) {
            summary = ingest.runOnce(force, reporter);
        }
        runs.add(summary);
        SourceSummary t = summary.totals();
        String day = boards == null ? "Run " + runs.size()
                : String.format("Day %d/%d (%s)", boards.day() + 1, corpus.settings().days(), corpus.dateOf(boards.day()));
        say("%s: %,d postings fetched from %d sources: %,d new, %,d changed, %,d closed, %,d rejected%s (%.1f s)",
                day, t.fetched(), summary.sources().size(), t.created(), t.changed(), t.closed(), t.rejected(),
                t.errors() > 0 ? ", " + t.errors() + " errors" : "", Duration.between(summary.startedAt(), summary.finishedAt()).toMillis() / 1000.0);
        if (!lag.awaitCaughtUp(settings.catchUp(), Duration.ofMillis(500))) {
            say("  streams and sink still catching up after %d s; going on", settings.catchUp().toSeconds());
        }
        return summary;
    }

    /** For the sample boards: every simulated day in turn, one ingest run each. */
    public void runAllDays() throws InterruptedException {
        if (boards == null) {
            throw new IllegalStateException("no sample boards: real sources are ingested with ingestOnce()");
        }
        ingestOnce();
        while (boards.hasNextDay()) {
            boards.advanceDay();
            ingestOnce();
        }
    }

    /**
     * What the pipeline holds now (never from the ground truth): postings, duplicates, closed postings and active jobs
     * from ClickHouse; rejected items from ingest's dead-letter topic (one per run an item was rejected in).
     */
    public record Summary(long postingsIngested, long duplicatesMerged, long closed, long rejected, long activeJobs) {
    }

    public Summary summary() throws SQLException {
        try (Connection c = clickHouse.connect(Map.of()); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(), countIf(duplicate_of IS NOT NULL), countIf(status = 'CLOSED'), "
                     + "uniqExactIf(canonical_id, status = 'ACTIVE') FROM postings FINAL")) {
            r.next();
            return new Summary(r.getLong(1), r.getLong(2), r.getLong(3), deadLetters(), r.getLong(4));
        }
    }

    /** Records in ingest's dead-letter topic, read committed. */
    private long deadLetters() {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.INGEST_DEAD_LETTERS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long count = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                count += consumer.poll(Duration.ofMillis(200)).count();
            }
            return count;
        }
    }

    public String dashboardUrl() {
        return "http://127.0.0.1:" + api.port() + "/";
    }

    public int apiPort() {
        return api.port();
    }

    public Corpus corpus() {
        return corpus;
    }

    public SampleBoardServer boards() {
        return boards;
    }

    public EmbeddedStack stack() {
        return stack;
    }

    public List<RunSummary> runs() {
        return List.copyOf(runs);
    }

    public KafkaStreams.State streamsState() {
        return streamsState.get();
    }

    private void say(String format, Object... args) {
        progress.println(String.format(format, args));
        progress.flush();
    }

    @Override
    public void close() {
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception e) {
                progress.println("  while stopping: " + e);
            }
        }
        open.clear();
    }
}
