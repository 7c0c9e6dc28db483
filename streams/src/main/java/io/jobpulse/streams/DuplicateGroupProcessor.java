package io.jobpulse.streams;

import io.jobpulse.contracts.avro.EnrichedPosting;
import io.jobpulse.contracts.avro.PostingStatus;
import io.jobpulse.streams.aggregate.Contribution;
import io.jobpulse.streams.aggregate.ContributionChange;
import io.jobpulse.streams.dedupe.BlockState;
import io.jobpulse.streams.dedupe.DuplicateDetector;
import io.jobpulse.streams.dedupe.MinHashSignature;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Step 2, keyed by blocking key: put the posting into its duplicate group (store
 * {@value PostingTopology#GROUPS_STORE}), publish it with its canonical id, and when the group's contribution to the
 * aggregates changed, send the new one to the aggregate step under its day (one record per change, whatever the
 * number of cells). Because a group contributes through one member only, a job on two boards counts once; because
 * the aggregate step retracts the group's old contribution, an update or a closure moves counts instead of adding.
 *
 * <p>Retention: closed members older than the dedupe window are dropped when their block changes and, for blocks
 * nobody touches any more, by a {@link RetentionSweep} against the newest day this task has seen.
 */
final class DuplicateGroupProcessor implements Processor<String, BlockCommand, String, TopologyEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DuplicateGroupProcessor.class);

    private final DuplicateDetector detector;
    private final Serializer<BlockCommand> commandBytes;
    private ProcessorContext<String, TopologyEvent> context;
    private KeyValueStore<String, BlockState> store;
    /** Newest posting day this task has seen since it started: the "now" of the retention sweep. */
    private int newestDay = Integer.MIN_VALUE;
    private final RetentionSweep<BlockState> retention = new RetentionSweep<>();

    DuplicateGroupProcessor(DuplicateDetector detector, Serializer<BlockCommand> commandBytes) {
        this.detector = detector;
        this.commandBytes = commandBytes;
    }

    @Override
    public void init(ProcessorContext<String, TopologyEvent> context) {
        this.context = context;
        this.store = context.getStateStore(PostingTopology.GROUPS_STORE);
        context.schedule(RetentionSweep.INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> sweep());
    }

    /**
     * Drops expired closed members from one slice of the blocks, including blocks no new posting has touched (the
     * slices cycle through the whole store).
     */
    void sweep() {
        if (newestDay == Integer.MIN_VALUE) {
            return; // nothing seen since start: no notion of "now" yet
        }
        int changed = retention.sweepSlice(store, block -> {
            BlockState pruned = detector.prune(block, newestDay);
            return pruned != block && pruned.groups().isEmpty() ? null : pruned;
        });
        if (changed > 0) {
            LOG.debug("Retention sweep dropped expired closed postings from {} blocks", changed);
        }
    }

    @Override
    public void process(Record<String, BlockCommand> record) {
        try {
            apply(record);
        } catch (RuntimeException e) {
            LOG.warn("Dead letter at dedupe for posting {}: {}", record.value().postingId(), e.toString());
            byte[] payload = commandBytes.serialize(null, record.value());
            context.forward(record.withKey(record.value().postingId()).withValue(new TopologyEvent.Dead(
                    DeadLetter.of(record.value().postingId(), payload, context.recordMetadata(), "dedupe", e))));
        }
    }

    private void apply(Record<String, BlockCommand> record) {
        BlockState block = store.get(record.key());
        if (block == null) {
            block = BlockState.EMPTY;
        }
        DuplicateDetector.Outcome outcome;
        EnrichedPosting published = null;
        switch (record.value()) {
            case BlockCommand.Upsert u -> {
                EnrichedPosting p = u.posting();
                int day = (int) p.getDay().toEpochDay();
                newestDay = Math.max(newestDay, day);
                BlockState.Member member = new BlockState.Member(p.getId(), MinHashSignature.of(p.getDescriptionText()),
                        day, p.getStatus() == PostingStatus.ACTIVE, Contribution.of(p));
                outcome = detector.upsert(block, member);
                String canonical = outcome.canonicalId();
                // p was just deserialized for this step and nothing else holds it: set the fields in place rather
                // than deep-copying the whole posting through a builder.
                p.setCanonicalId(canonical);
                p.setDuplicateOf(canonical.equals(p.getId()) ? null : canonical);
                p.setVersion(VersionClock.next());
                published = p;
            }
            case BlockCommand.Leave l -> outcome = detector.leave(block, l.postingId());
        }
        if (outcome.block().groups().isEmpty()) {
            store.delete(record.key());
        } else {
            store.put(record.key(), outcome.block());
        }
        if (published != null) {
            context.forward(record.withKey(published.getId()).withValue(new TopologyEvent.Published(published)));
        }
        Contribution before = outcome.before();
        Contribution after = outcome.after();
        if (Objects.equals(before, after)) {
            return; // e.g. a second board's copy of a counted job, or an update of a member that does not count
        }
        String group = record.key() + '|' + outcome.group();
        if (before != null && (after == null || before.day() != after.day())) {
            forwardChange(record, new ContributionChange(before.day(), group, null));
        }
        if (after != null) {
            forwardChange(record, new ContributionChange(after.day(), group, after));
        }
    }

    private void forwardChange(Record<String, BlockCommand> record, ContributionChange change) {
        context.forward(record.withKey(LocalDate.ofEpochDay(change.day()).toString())
                .withValue(new TopologyEvent.ContributionChanged(change)));
    }
}
