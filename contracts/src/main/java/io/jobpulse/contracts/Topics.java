package io.jobpulse.contracts;

import io.jobpulse.contracts.avro.AggregateRow;
import io.jobpulse.contracts.avro.EnrichedPosting;
import io.jobpulse.contracts.avro.JobPosting;

import java.util.List;
import java.util.Map;

/**
 * The typed registry of every topic jobpulse writes or reads. Names carry a version suffix so that an incompatible
 * change of a contract becomes a new topic rather than a surprise for old readers.
 *
 * <p>Keys are posting ids ({@code <source>:<source_id>}) wherever a topic is about postings, so all events of one
 * posting land in one partition, in order.
 */
public final class Topics {

    private static final Map<String, String> COMPACTED = Map.of(
            "cleanup.policy", "compact",
            // Compaction keeps the latest event per posting; give readers a day to see tombstones.
            "delete.retention.ms", "86400000",
            "min.compaction.lag.ms", "60000");

    private static final Map<String, String> DEAD_LETTERS = Map.of(
            "cleanup.policy", "delete",
            "retention.ms", String.valueOf(30L * 24 * 3600 * 1000));

    /** Normalized postings published by ingest: new, changed and closed events, Avro {@link JobPosting}. */
    public static final TopicSpec<String, JobPosting> POSTINGS = new TopicSpec<>(
            "jobpulse.postings.v1", 6, COMPACTED, String.class, JobPosting.class,
            "Ingest -> streams. One JobPosting event per new, changed or closed posting, keyed by posting id.");

    /**
     * Ingest's checkpoint per source (what the last complete fetch returned, ETags), keyed by source instance.
     * Compacted, so the latest checkpoint of every source survives and a run elsewhere resumes from it.
     */
    public static final TopicSpec<String, String> INGEST_CHECKPOINTS = new TopicSpec<>(
            "jobpulse.ingest.checkpoints.v1", 1, COMPACTED, String.class, String.class,
            "Ingest -> ingest. Latest checkpoint (JSON) per source instance, keyed by source instance id.");

    /** Items ingest rejected, with source, reason and the size-capped raw payload (JSON). */
    public static final TopicSpec<String, String> INGEST_DEAD_LETTERS = new TopicSpec<>(
            "jobpulse.ingest.dead-letters.v1", 1, DEAD_LETTERS, String.class, String.class,
            "Ingest -> operators. Rejected items as JSON: source, reason, raw payload (capped).");

    /** Deduplicated, enriched postings with their lifecycle (streams -> analytics), Avro {@link EnrichedPosting}. */
    public static final TopicSpec<String, EnrichedPosting> ENRICHED_POSTINGS = new TopicSpec<>(
            "jobpulse.enriched-postings.v1", 6, COMPACTED, String.class, EnrichedPosting.class,
            "Streams -> analytics. Latest enriched state per posting id (ACTIVE or CLOSED), with duplicate_of.");

    /** Current values of the daily aggregates (streams -> analytics), Avro {@link AggregateRow}. */
    public static final TopicSpec<String, AggregateRow> AGGREGATES = new TopicSpec<>(
            "jobpulse.aggregates.v1", 6, COMPACTED, String.class, AggregateRow.class,
            "Streams -> analytics. One AggregateRow per aggregate cell, re-emitted with its new absolute value on every change.");

    /** Records the streams stage could not deserialize or enrich, with the reason (JSON). */
    public static final TopicSpec<String, String> STREAMS_DEAD_LETTERS = new TopicSpec<>(
            "jobpulse.streams.dead-letters.v1", 1, DEAD_LETTERS, String.class, String.class,
            "Streams -> operators. Poison records as JSON: topic, partition, offset, reason, payload (capped, base64).");

    /** Rows ClickHouse rejected, with the reason (JSON). */
    public static final TopicSpec<String, String> ANALYTICS_DEAD_LETTERS = new TopicSpec<>(
            "jobpulse.analytics.dead-letters.v1", 1, DEAD_LETTERS, String.class, String.class,
            "Analytics sink -> operators. Rejected rows as JSON: topic, partition, offset, reason, row.");

    private Topics() {
    }

    /** Every topic this version of the pipeline uses, for creation at start-up and for documentation. */
    public static List<TopicSpec<?, ?>> all() {
        return List.of(POSTINGS, INGEST_CHECKPOINTS, INGEST_DEAD_LETTERS, ENRICHED_POSTINGS, AGGREGATES,
                STREAMS_DEAD_LETTERS, ANALYTICS_DEAD_LETTERS);
    }
}
