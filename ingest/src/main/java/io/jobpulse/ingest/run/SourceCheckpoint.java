package io.jobpulse.ingest.run;

import io.jobpulse.ingest.http.Validators;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What ingest knows about one source instance from Kafka: the content hash of every posting it last published as
 * active (and the board, for closing it), the HTTP validators of the last complete fetch, and when that was.
 * Mutable while a run works on it; only the run's own thread touches it.
 */
public final class SourceCheckpoint {

    /** One active posting: its last published content hash and board. */
    public record PostingState(String hash, String board) {
    }

    private final String instanceId;
    /** Concurrent: normalization workers read it while the run's thread updates it. */
    private final Map<String, PostingState> postings = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * What the checkpoint topic holds for this instance, so a run can tell when superseded entries pile up and rewrite
     * them: each posting-entry chunk record's key and entry count, and the ids that still have a per-posting record
     * of the first format. Only the run's own thread touches these.
     */
    private final Map<String, Integer> chunkEntries = new java.util.LinkedHashMap<>();
    private final java.util.Set<String> postingRecords = new java.util.LinkedHashSet<>();
    private Map<String, Validators> validators = new HashMap<>();
    private Instant lastCompleteAt;

    public SourceCheckpoint(String instanceId) {
        this.instanceId = instanceId;
    }

    public String instanceId() {
        return instanceId;
    }

    public Map<String, PostingState> postings() {
        return postings;
    }

    /** Chunk record key -> number of entries it holds (format 2). */
    Map<String, Integer> chunkEntries() {
        return chunkEntries;
    }

    /** Posting ids whose latest format-1 record ({@code posting/<instance>/<id>}) is not a tombstone. */
    java.util.Set<String> postingRecords() {
        return postingRecords;
    }

    /** Entries the topic keeps for this instance (before compaction drops nothing of them: none is superseded by key). */
    long storedEntries() {
        long n = postingRecords.size();
        for (int c : chunkEntries.values()) {
            n += c;
        }
        return n;
    }

    public Map<String, Validators> validators() {
        return validators;
    }

    public void validators(Map<String, Validators> v) {
        this.validators = new HashMap<>(v);
    }

    public Instant lastCompleteAt() {
        return lastCompleteAt;
    }

    public void lastCompleteAt(Instant at) {
        this.lastCompleteAt = at;
    }
}
