package io.jobpulse.streams;

import io.jobpulse.contracts.avro.EnrichedPosting;
import io.jobpulse.contracts.avro.JobPosting;
import io.jobpulse.contracts.avro.PostingStatus;
import io.jobpulse.contracts.avro.ResolvedLocation;
import io.jobpulse.streams.dedupe.BlockingKey;
import io.jobpulse.streams.serde.InternalSerdes;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Step 1, keyed by posting id: deserialize, enrich, and track the posting's lifecycle (first seen, last seen,
 * closed at) in the {@value PostingTopology#LIFECYCLE_STORE} store; then hand it to the dedupe step under its
 * blocking key. A record that cannot be deserialized or enriched becomes a dead letter and the next one is processed.
 *
 * <p>Deserialization happens here rather than in the source node so that a poison record reaches the dead-letter
 * topic with its reason, inside the same exactly-once transaction as everything else.
 */
final class PostingLifecycleProcessor implements Processor<String, byte[], String, TopologyEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(PostingLifecycleProcessor.class);

    private final Deserializer<JobPosting> deserializer;
    private final PostingEnrichment enrichment;
    private final Duration closedRetention;
    private ProcessorContext<String, TopologyEvent> context;
    private KeyValueStore<String, PostingState> store;
    /** Newest fetch time this task has seen since it started: the "now" of the retention sweep. */
    private Instant newestFetch;
    private final RetentionSweep<PostingState> retention = new RetentionSweep<>();

    /**
     * @param closedRetention how long a closed posting is remembered after its closing (against the newest fetch time
     *                        seen): a CLOSED event repeated within it is recognised; a posting re-listed after it
     *                        counts as new. The dedupe step forgets closed members after the same window.
     */
    PostingLifecycleProcessor(Deserializer<JobPosting> deserializer, PostingEnrichment enrichment, Duration closedRetention) {
        this.deserializer = deserializer;
        this.enrichment = enrichment;
        this.closedRetention = closedRetention;
    }

    @Override
    public void init(ProcessorContext<String, TopologyEvent> context) {
        this.context = context;
        this.store = context.getStateStore(PostingTopology.LIFECYCLE_STORE);
        context.schedule(RetentionSweep.INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> sweep());
    }

    /**
     * Forgets postings closed longer than the retention before the newest fetch time seen, so the store (and its
     * changelog) holds the live postings plus a window of closed ones instead of every posting ever seen. One slice of
     * the store per call ({@link RetentionSweep}).
     */
    void sweep() {
        if (newestFetch == null) {
            return; // nothing seen since start: no notion of "now" yet
        }
        Instant cutoff = newestFetch.minus(closedRetention);
        int forgotten = retention.sweepSlice(store, state -> {
            EnrichedPosting last = state.last();
            boolean expired = last.getStatus() == PostingStatus.CLOSED && last.getClosedAt() != null
                    && last.getClosedAt().isBefore(cutoff);
            return expired ? null : state;
        });
        if (forgotten > 0) {
            LOG.info("Retention sweep forgot {} postings closed before {}", forgotten, cutoff);
        }
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.value() == null) {
            return; // a tombstone on the compacted input: no posting event, nothing to count or retract
        }
        JobPosting posting;
        try {
            posting = deserializer.deserialize(context.recordMetadata().map(m -> m.topic()).orElse(null), record.headers(), record.value());
            if (posting == null || posting.getId() == null) {
                throw new IllegalArgumentException("record has no posting");
            }
        } catch (RuntimeException e) {
            deadLetter(record, "deserialize", e);
            return;
        }
        Instant fetched = posting.getFetchedAt();
        if (fetched != null && (newestFetch == null || fetched.isAfter(newestFetch))) {
            newestFetch = fetched;
        }
        try {
            if (posting.getStatus() == PostingStatus.CLOSED) {
                close(record, posting);
            } else {
                upsert(record, posting);
            }
        } catch (RuntimeException e) {
            deadLetter(record, "enrich", e);
        }
    }

    private void upsert(Record<String, byte[]> record, JobPosting p) {
        PostingState prev = store.get(p.getId());
        Instant fetched = p.getFetchedAt();
        Instant first = prev == null || fetched.isBefore(prev.last().getFirstSeenAt()) ? fetched : prev.last().getFirstSeenAt();
        Instant last = prev == null || fetched.isAfter(prev.last().getLastSeenAt()) ? fetched : prev.last().getLastSeenAt();
        EnrichedPosting enriched;
        if (unchanged(prev, p)) {
            // Re-published without change (same content, same taxonomy): an update of last seen, not new work.
            enriched = EnrichedPosting.newBuilder(prev.last()).setFirstSeenAt(first).setLastSeenAt(last).build();
        } else {
            enriched = enrichment.enrich(p, first, last, Instant.ofEpochMilli(System.currentTimeMillis()));
        }
        String key = blockingKey(enriched);
        // Encoded once for the store and the repartition record: the posting is most of both.
        byte[] encoded = InternalSerdes.encodeEnriched(enriched);
        store.put(p.getId(), new PostingState(key, enriched, encoded));
        if (prev != null && !prev.blockingKey().equals(key)) {
            forward(record, prev.blockingKey(), new BlockCommand.Leave(p.getId()));
        }
        forward(record, key, new BlockCommand.Upsert(enriched, encoded));
    }

    private boolean unchanged(PostingState prev, JobPosting p) {
        return prev != null && prev.last().getStatus() == PostingStatus.ACTIVE
                && prev.last().getContentHash().equals(p.getContentHash())
                && prev.last().getTaxonomyVersion().equals(enrichment.taxonomyVersion());
    }

    private void close(Record<String, byte[]> record, JobPosting p) {
        PostingState prev = store.get(p.getId());
        if (prev == null) {
            // Closed before we ever saw it open (e.g. the topic was compacted): it never counted, nothing to retract.
            LOG.debug("Closed posting {} was never seen active; ignored", p.getId());
            return;
        }
        Instant closedAt = p.getClosedAt() != null ? p.getClosedAt() : p.getFetchedAt();
        EnrichedPosting closed = EnrichedPosting.newBuilder(prev.last())
                .setStatus(PostingStatus.CLOSED)
                .setClosedAt(closedAt)
                .build();
        byte[] encoded = InternalSerdes.encodeEnriched(closed);
        store.put(p.getId(), new PostingState(prev.blockingKey(), closed, encoded));
        forward(record, prev.blockingKey(), new BlockCommand.Upsert(closed, encoded));
    }

    static String blockingKey(EnrichedPosting e) {
        List<String> countries = e.getLocations().stream().map(ResolvedLocation::getCountry).toList();
        return BlockingKey.of(e.getCompany(), e.getTitle(), countries, e.getWorkModes().contains("remote"));
    }

    private void forward(Record<String, byte[]> record, String key, BlockCommand command) {
        context.forward(record.withKey(key).withValue(new TopologyEvent.ToBlock(command)));
    }

    private void deadLetter(Record<String, byte[]> record, String stage, Exception e) {
        LOG.warn("Dead letter at {} for key {}: {}", stage, record.key(), e.toString());
        DeadLetter letter = DeadLetter.of(record.key(), record.value(), context.recordMetadata(), stage, e);
        context.forward(record.withKey(record.key()).withValue(new TopologyEvent.Dead(letter)));
    }
}
