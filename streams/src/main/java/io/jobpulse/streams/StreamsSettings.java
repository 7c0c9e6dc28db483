package io.jobpulse.streams;

import io.jobpulse.contracts.RegistrySettings;
import io.jobpulse.streams.dedupe.DuplicateDetector;
import org.apache.kafka.streams.StreamsConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Everything the streams stage is configured with, parsed once. {@link #toProperties()} is the only place Kafka
 * Streams properties are written; explicit {@code overrides} (from {@code --config FILE} or {@code --set k=v}) win
 * over the defaults below.
 *
 * <ul>
 *   <li>{@code processing.guarantee=exactly_once_v2}: the input offsets, the changelogs of all three stores and every
 *       output record commit in one transaction, so a crash never double-counts or loses a retraction.</li>
 *   <li>State: RocksDB stores (Kafka Streams' persistent default) under {@code stateDir}, restored from changelogs.</li>
 *   <li>{@code num.standby.replicas}: warm copies of each task's state on other instances for fast fail-over
 *       (needs at least that many more instances, each with its own {@code stateDir}).</li>
 *   <li>{@code group.protocol=classic}: standby replicas stay a client setting and {@code --reprocess} can reset the
 *       group's input offsets through the consumer-group admin API.</li>
 * </ul>
 *
 * @param bootstrapServers Kafka
 * @param registry         schema registry for the external topics
 * @param applicationId    Kafka Streams application id: consumer group, prefix of internal topics (default {@value #DEFAULT_APPLICATION_ID})
 * @param stateDir         where RocksDB stores live (one directory per instance)
 * @param threads          stream threads in this instance (tasks are spread over threads and instances; up to 6 do work, one per input partition)
 * @param standbyReplicas  standby replicas per task
 * @param commitInterval   transaction commit interval: latency of outputs vs. transaction overhead
 * @param aggregateEmitInterval how often changed aggregate cells are written to the aggregates topic: their latency
 *                         vs. how many rows a busy cell produces (default {@link #DEFAULT_AGGREGATE_EMIT_INTERVAL})
 * @param cacheMaxBytes    record cache in front of the state stores: changelog writes coalesced per commit
 * @param dedupe           near-duplicate rule thresholds
 * @param topics           external topic names (the registry's, unless suffixed for an isolated pipeline)
 * @param overrides        raw Kafka Streams properties applied last
 */
public record StreamsSettings(String bootstrapServers, RegistrySettings registry, String applicationId, Path stateDir,
                              int threads, int standbyReplicas, Duration commitInterval, Duration aggregateEmitInterval,
                              long cacheMaxBytes,
                              DuplicateDetector.Settings dedupe, TopicNames topics, Map<String, String> overrides) {

    public static final String DEFAULT_APPLICATION_ID = "jobpulse-streams";
    public static final Path DEFAULT_STATE_DIR = Path.of(".jobpulse", "streams", "state");
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(500);
    public static final Duration DEFAULT_AGGREGATE_EMIT_INTERVAL = Duration.ofSeconds(1);
    public static final long DEFAULT_CACHE_MAX_BYTES = 32L * 1024 * 1024;

    public StreamsSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(stateDir, "stateDir");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1");
        }
        if (standbyReplicas < 0) {
            throw new IllegalArgumentException("standby replicas must be >= 0");
        }
        if (aggregateEmitInterval == null || aggregateEmitInterval.isNegative() || aggregateEmitInterval.isZero()) {
            throw new IllegalArgumentException("aggregate emit interval must be positive");
        }
        Objects.requireNonNull(topics, "topics");
        overrides = Map.copyOf(overrides);
    }

    public static StreamsSettings defaults(String bootstrapServers, RegistrySettings registry) {
        return new StreamsSettings(bootstrapServers, registry, DEFAULT_APPLICATION_ID, DEFAULT_STATE_DIR, 1, 0,
                DEFAULT_COMMIT_INTERVAL, DEFAULT_AGGREGATE_EMIT_INTERVAL, DEFAULT_CACHE_MAX_BYTES,
                DuplicateDetector.Settings.DEFAULTS, TopicNames.DEFAULT, Map.of());
    }

    public StreamsSettings withApplicationId(String id) {
        return new StreamsSettings(bootstrapServers, registry, id, stateDir, threads, standbyReplicas, commitInterval,
                aggregateEmitInterval, cacheMaxBytes, dedupe, topics, overrides);
    }

    public StreamsSettings withStateDir(Path dir) {
        return new StreamsSettings(bootstrapServers, registry, applicationId, dir, threads, standbyReplicas,
                commitInterval, aggregateEmitInterval, cacheMaxBytes, dedupe, topics, overrides);
    }

    public StreamsSettings withOverrides(Map<String, String> more) {
        Map<String, String> all = new java.util.HashMap<>(overrides);
        all.putAll(more);
        return new StreamsSettings(bootstrapServers, registry, applicationId, stateDir, threads, standbyReplicas,
                commitInterval, aggregateEmitInterval, cacheMaxBytes, dedupe, topics, all);
    }

    public StreamsSettings withAggregateEmitInterval(Duration interval) {
        return new StreamsSettings(bootstrapServers, registry, applicationId, stateDir, threads, standbyReplicas,
                commitInterval, interval, cacheMaxBytes, dedupe, topics, overrides);
    }

    public StreamsSettings withTopics(TopicNames names) {
        return new StreamsSettings(bootstrapServers, registry, applicationId, stateDir, threads, standbyReplicas,
                commitInterval, aggregateEmitInterval, cacheMaxBytes, dedupe, names, overrides);
    }

    public Properties toProperties() {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, standbyReplicas);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, cacheMaxBytes);
        p.put(StreamsConfig.GROUP_PROTOCOL_CONFIG, "classic");
        // Internal topics (repartition, changelogs) use the broker's default replication factor.
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
        // Poison records are handled inside the topology (dead-letter topic); anything else that escapes is a bug or
        // an infrastructure failure, which must stop the instance rather than skip data.
        p.put("processing.exception.handler.global.enabled", "true");
        p.putAll(overrides);
        return p;
    }
}
