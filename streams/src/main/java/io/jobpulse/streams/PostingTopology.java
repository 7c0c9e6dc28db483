package io.jobpulse.streams;

import io.jobpulse.contracts.avro.AggregateRow;
import io.jobpulse.streams.aggregate.CellKey;
import io.jobpulse.streams.aggregate.CellState;
import io.jobpulse.streams.dedupe.DuplicateDetector;
import io.jobpulse.streams.serde.InternalSerdes;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

import java.time.Duration;
import java.util.Map;

/**
 * The streams stage: postings in; enriched, deduplicated postings, daily aggregates and dead letters out.
 *
 * <pre>
 *  jobpulse.postings.v1 (bytes)
 *    -> [enrich-and-track]  store posting-lifecycle (posting id -> blocking key, last enriched state; closed
 *                           postings forgotten after the dedupe window)
 *         |-- poison / enrichment failure ------------------------------> jobpulse.streams.dead-letters.v1
 *         '-- Upsert / Leave, re-keyed by blocking key
 *    -> repartition "dedupe-blocks"
 *    -> [dedupe]            store duplicate-groups (blocking key -> groups, members, contributions)
 *         |-- posting with canonical_id, duplicate_of, version ---------> jobpulse.enriched-postings.v1
 *         '-- a group's new contribution to a day (one record per change), keyed by day
 *    -> repartition "day-contributions"
 *    -> [aggregate]         store day-contributions (day + group -> current and last emitted contribution);
 *                           cells in memory, rebuilt from it; changed cells emitted every emit interval
 *    -> absolute cell values as AggregateRow ----------------------------> jobpulse.aggregates.v1
 * </pre>
 *
 * Run it with {@code ./jobpulse streams}; test it with {@code TopologyTestDriver} through {@link #build}.
 */
public final class PostingTopology {

    public static final String LIFECYCLE_STORE = "posting-lifecycle";
    public static final String GROUPS_STORE = "duplicate-groups";
    public static final String CONTRIBUTIONS_STORE = "day-contributions";
    /** Internal topic names are fixed so state and offsets survive a change of the topology's shape. */
    public static final String BLOCKS_REPARTITION = "dedupe-blocks";
    public static final String CONTRIBUTIONS_REPARTITION = "day-contributions";

    private PostingTopology() {
    }

    /** The topology on the registry's topic names, emitting changed aggregate cells every {@code emitInterval}. */
    public static void build(StreamsBuilder builder, TopologySerdes serdes, PostingEnrichment enrichment,
                             DuplicateDetector.Settings dedupe, Duration emitInterval) {
        build(builder, TopicNames.DEFAULT, serdes, enrichment, dedupe, emitInterval);
    }

    /**
     * @param emitInterval how often the aggregate step writes the cells that changed (wall clock): the aggregates'
     *                     latency against the number of rows written when cells change many times
     */
    public static void build(StreamsBuilder builder, TopicNames topics, TopologySerdes serdes, PostingEnrichment enrichment,
                             DuplicateDetector.Settings dedupe, Duration emitInterval) {
        Serde<String> strings = Serdes.String();
        Serde<BlockCommand> commands = InternalSerdes.blockCommand();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LIFECYCLE_STORE), strings,
                InternalSerdes.postingState()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(GROUPS_STORE), strings,
                InternalSerdes.blockState()));
        // Cached: a group's entry is written when its contribution changes and again when its cells are emitted;
        // within one commit both reach the changelog as one record.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CONTRIBUTIONS_STORE), strings,
                InternalSerdes.groupContribution()).withCachingEnabled());

        // Bytes in, so that a record the deserializer rejects reaches the dead-letter topic with its reason.
        KStream<String, TopologyEvent> tracked = builder
                .stream(topics.postings(), Consumed.with(strings, Serdes.ByteArray()).withName("postings"))
                .process(() -> new PostingLifecycleProcessor(serdes.postings(), enrichment,
                                Duration.ofDays(dedupe.windowDays())), Named.as("enrich-and-track"),
                        LIFECYCLE_STORE);
        Map<String, KStream<String, TopologyEvent>> afterTracking = tracked.split(Named.as("tracked-"))
                .branch((k, v) -> v instanceof TopologyEvent.Dead, Branched.as("dead"))
                .defaultBranch(Branched.as("blocks"));
        toDeadLetters(afterTracking.get("tracked-dead"), "tracked", topics);

        // Every posting that could be a duplicate of another shares its blocking key: co-locate them.
        KStream<String, TopologyEvent> grouped = afterTracking.get("tracked-blocks")
                .mapValues(v -> ((TopologyEvent.ToBlock) v).command(), Named.as("block-command"))
                .repartition(Repartitioned.with(strings, commands).withName(BLOCKS_REPARTITION))
                .process(() -> new DuplicateGroupProcessor(new DuplicateDetector(dedupe), commands.serializer()),
                        Named.as("dedupe"), GROUPS_STORE);
        Map<String, KStream<String, TopologyEvent>> afterDedupe = grouped.split(Named.as("deduped-"))
                .branch((k, v) -> v instanceof TopologyEvent.Published, Branched.as("enriched"))
                .branch((k, v) -> v instanceof TopologyEvent.Dead, Branched.as("dead"))
                .defaultBranch(Branched.as("contributions"));
        toDeadLetters(afterDedupe.get("deduped-dead"), "deduped", topics);
        afterDedupe.get("deduped-enriched")
                .mapValues(v -> ((TopologyEvent.Published) v).posting(), Named.as("enriched-posting"))
                .to(topics.enrichedPostings(), Produced.with(strings, serdes.enriched()).withName("enriched-postings"));

        // Every cell names its day, so all cells a contribution touches live where its day does: one record moves
        // a whole contribution, and the aggregate step expands it into cells locally.
        afterDedupe.get("deduped-contributions")
                .mapValues(v -> ((TopologyEvent.ContributionChanged) v).change(), Named.as("contribution-change"))
                .repartition(Repartitioned.with(strings, InternalSerdes.contributionChange())
                        .withName(CONTRIBUTIONS_REPARTITION))
                .process(() -> new DailyAggregateProcessor(emitInterval), Named.as("aggregate"), CONTRIBUTIONS_STORE)
                .to(topics.aggregates(), Produced.with(strings, serdes.aggregates()).withName("aggregates"));
    }

    private static void toDeadLetters(KStream<String, TopologyEvent> dead, String from, TopicNames topics) {
        dead.mapValues(v -> ((TopologyEvent.Dead) v).letter().json(), Named.as(from + "-dead-letter-json"))
                .to(topics.deadLetters(), Produced.with(Serdes.String(), Serdes.String())
                        .withName(from + "-dead-letters"));
    }

    /**
     * The row the sink overwrites the cell with. Built with the all-fields constructor: the builder validates and
     * copies every field, and rows are written by the ten thousand per second.
     */
    static AggregateRow row(CellKey cell, CellState state) {
        boolean salaries = state.hasSalaries();
        return new AggregateRow(cell.aggregate(), cell.role(), cell.day(), cell.dim1(), cell.dim2(), state.count(),
                state.salaryCount(),
                salaries ? state.quantile(0) : null, salaries ? state.quantile(0.25) : null,
                salaries ? state.quantile(0.5) : null, salaries ? state.quantile(0.75) : null,
                salaries ? state.quantile(1) : null,
                VersionClock.next(), state.taxonomyVersion());
    }
}
