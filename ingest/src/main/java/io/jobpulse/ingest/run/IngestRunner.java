package io.jobpulse.ingest.run;

import io.jobpulse.contracts.AvroSerdes;
import io.jobpulse.contracts.RegistrySettings;
import io.jobpulse.contracts.Topics;
import io.jobpulse.contracts.avro.JobPosting;
import io.jobpulse.ingest.config.IngestConfig;
import io.jobpulse.ingest.config.SourceSettings;
import io.jobpulse.ingest.http.HttpFetcher;
import io.jobpulse.ingest.publish.PostingPublisher;
import io.jobpulse.contracts.TopicProvisioning;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.serialization.Serializer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Runs ingest: for every enabled source of the config, fetch, normalize and publish incrementally (see
 * {@link SourceRun}). Sources run in parallel (up to {@code parallelism}); their batches are serialized through one
 * transactional publisher. Checkpoints are read from Kafka at the start of every run, so runs on different machines
 * or after a crash continue from what was committed.
 *
 * <p>One runner serves many runs (the scheduler's); {@link #close()} releases the producer.
 */
public final class IngestRunner implements AutoCloseable {

    /** Where and how to publish. */
    public record Target(String bootstrapServers, RegistrySettings registry) {
    }

    private final IngestConfig config;
    private final Target target;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final HttpFetcher http;
    private final Serializer<JobPosting> serializer;
    private final int parallelism;
    private PostingPublisher publisher;
    private final ExecutorService normalizers = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()),
            Thread.ofPlatform().name("ingest-normalize-", 0).daemon().factory());

    public IngestRunner(IngestConfig config, Target target, IngestMetrics metrics, Clock clock, int parallelism) {
        this.config = config;
        this.target = target;
        this.metrics = metrics;
        this.clock = clock;
        this.parallelism = Math.max(1, parallelism);
        this.http = new HttpFetcher(config.http());
        this.http.listener(metrics::httpResponse);
        this.serializer = io.jobpulse.ingest.publish.Utf8BufferDatumWriter.serializer(
                AvroSerdes.serializer(target.registry(), JobPosting.class, false), JobPosting.getClassSchema());
    }

    /** Creates the topics if missing. */
    public void prepareTopics() throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers()))) {
            TopicProvisioning.ensure(admin, List.of(Topics.POSTINGS, Topics.INGEST_CHECKPOINTS, Topics.INGEST_DEAD_LETTERS));
        }
    }

    /**
     * One run over every enabled source.
     *
     * @param ignoreMinInterval fetch sources even if their min-interval has not passed (an operator's explicit run)
     */
    public RunSummary runOnce(boolean ignoreMinInterval, ProgressReporter progress) throws InterruptedException {
        String runId = UUID.randomUUID().toString();
        Instant started = clock.instant();
        if (publisher == null) {
            // initTransactions fences an earlier process with our transactional id and aborts what it left open,
            // so the checkpoint read below sees everything that was committed and nothing that was not.
            publisher = PostingPublisher.connect(target.bootstrapServers(), config.publish().transactionalId());
        }
        List<SourceSettings> enabled = config.enabledSources();
        Set<String> ids = enabled.stream().map(SourceSettings::id).collect(Collectors.toSet());
        Map<String, SourceCheckpoint> checkpoints = CheckpointStore.load(target.bootstrapServers(), ids);

        Map<String, Future<SourceSummary>> futures = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, enabled.size())),
                Thread.ofPlatform().name("ingest-source-", 0).daemon().factory());
        try {
            for (SourceSettings s : enabled) {
                SourceRun run = new SourceRun(s, checkpoints.get(s.id()), http, publisher, serializer,
                        config.maxDescriptionChars(), config.publish().transactionSize(),
                        config.publish().maxDeadLetterBytes(), runId, clock, progress, normalizers);
                futures.put(s.id(), pool.submit(() -> run.run(ignoreMinInterval)));
            }
            List<SourceSummary> summaries = new ArrayList<>();
            for (SourceSettings s : config.sources()) {
                if (!s.enabled()) {
                    summaries.add(new SourceSummary(s.id(), s.connector().name(), SourceSummary.Status.DISABLED,
                            0, 0, 0, 0, 0, 0, 0, 0, "enabled: false"));
                    continue;
                }
                SourceSummary summary;
                try {
                    summary = futures.get(s.id()).get();
                } catch (ExecutionException e) {
                    summary = new SourceSummary(s.id(), s.connector().name(), SourceSummary.Status.FAILED, 0, 0, 0, 0,
                            0, 0, 1, 0, String.valueOf(e.getCause()));
                }
                metrics.record(summary);
                summaries.add(summary);
            }
            if (publisher.broken()) {
                resetPublisher(); // the next run starts a fresh producer (and fences whoever fenced us, if still alive)
            }
            return new RunSummary(runId, started, clock.instant(), summaries);
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public void close() {
        if (publisher != null) {
            publisher.close();
            publisher = null;
        }
        serializer.close();
        normalizers.shutdownNow();
    }

    /** Drops the publisher after a fatal producer error, so the next run starts a fresh one. */
    public void resetPublisher() {
        if (publisher != null) {
            try {
                publisher.close();
            } catch (RuntimeException ignored) {
                // already broken
            }
            publisher = null;
        }
    }
}
