package io.jobpulse.contracts;

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

    private Topics() {
    }

    /** Every topic this version of the pipeline uses, for creation at start-up and for documentation. */
    public static List<TopicSpec<?, ?>> all() {
        return List.of(POSTINGS, INGEST_CHECKPOINTS, INGEST_DEAD_LETTERS);
    }
}
