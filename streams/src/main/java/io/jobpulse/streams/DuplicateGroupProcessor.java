package io.jobpulse.streams;

import io.jobpulse.contracts.avro.EnrichedPosting;
import io.jobpulse.contracts.avro.PostingStatus;
import io.jobpulse.streams.aggregate.AggregateCells;
import io.jobpulse.streams.aggregate.CellDelta;
import io.jobpulse.streams.aggregate.Contribution;
import io.jobpulse.streams.dedupe.BlockState;
import io.jobpulse.streams.dedupe.DuplicateDetector;
import io.jobpulse.streams.dedupe.MinHashSignature;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Step 2, keyed by blocking key: put the posting into its duplicate group (store
 * {@value PostingTopology#GROUPS_STORE}), publish it with its canonical id, and turn the change of its group's
 * contribution into cell deltas: minus the old contribution, plus the new one, summed per cell in
 * {@value PostingTopology#PENDING_DELTAS_STORE} and forwarded every flush interval. Because a group contributes
 * through one member only, a job on two boards counts once; because the old contribution is retracted, an update or
 * a closure moves counts instead of adding to them.
 */
final class DuplicateGroupProcessor implements Processor<String, BlockCommand, String, TopologyEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DuplicateGroupProcessor.class);

    private final DuplicateDetector detector;
    private final Serializer<BlockCommand> commandBytes;
    private final Duration flushInterval;
    private ProcessorContext<String, TopologyEvent> context;
    private KeyValueStore<String, BlockState> store;
    private KeyValueStore<String, CellDelta> pending;

    DuplicateGroupProcessor(DuplicateDetector detector, Serializer<BlockCommand> commandBytes, Duration flushInterval) {
        this.detector = detector;
        this.commandBytes = commandBytes;
        this.flushInterval = flushInterval;
    }

    @Override
    public void init(ProcessorContext<String, TopologyEvent> context) {
        this.context = context;
        this.store = context.getStateStore(PostingTopology.GROUPS_STORE);
        this.pending = context.getStateStore(PostingTopology.PENDING_DELTAS_STORE);
        // A posting touches ~100 cells and neighbouring postings share most of them (same day, role, technologies):
        // summing deltas per cell for a short interval before repartitioning them cuts the records on the cell
        // repartition topic many times over. The pending deltas live in a changelogged store and leave it in the
        // same transaction that forwards them, so exactly-once holds across crashes and task moves.
        context.schedule(flushInterval, PunctuationType.WALL_CLOCK_TIME, this::flush);
    }

    private void flush(long now) {
        List<KeyValue<String, CellDelta>> due = new ArrayList<>();
        try (KeyValueIterator<String, CellDelta> it = pending.all()) {
            it.forEachRemaining(due::add);
        }
        for (KeyValue<String, CellDelta> kv : due) {
            context.forward(new Record<>(kv.key, new TopologyEvent.CellChange(kv.value), now));
            pending.delete(kv.key);
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
                BlockState.Member member = new BlockState.Member(p.getId(), MinHashSignature.of(p.getDescriptionText()),
                        (int) p.getDay().toEpochDay(), p.getStatus() == PostingStatus.ACTIVE, Contribution.of(p));
                outcome = detector.upsert(block, member);
                String canonical = outcome.canonicalId();
                published = EnrichedPosting.newBuilder(p)
                        .setCanonicalId(canonical)
                        .setDuplicateOf(canonical.equals(p.getId()) ? null : canonical)
                        .setVersion(VersionClock.next())
                        .build();
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
        for (Map.Entry<String, CellDelta> d : AggregateCells.diff(outcome.before(), outcome.after())) {
            CellDelta earlier = pending.get(d.getKey());
            pending.put(d.getKey(), earlier == null ? d.getValue() : earlier.plus(d.getValue()));
        }
    }
}
