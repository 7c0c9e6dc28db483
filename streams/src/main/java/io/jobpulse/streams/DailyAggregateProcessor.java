package io.jobpulse.streams;

import io.jobpulse.contracts.avro.AggregateRow;
import io.jobpulse.streams.aggregate.AggregateCells;
import io.jobpulse.streams.aggregate.CellDelta;
import io.jobpulse.streams.aggregate.CellKey;
import io.jobpulse.streams.aggregate.CellState;
import io.jobpulse.streams.aggregate.Contribution;
import io.jobpulse.streams.aggregate.ContributionChange;
import io.jobpulse.streams.aggregate.GroupContribution;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Step 3, keyed by day: keeps every duplicate group's contribution to the day's aggregates (store
 * {@value PostingTopology#CONTRIBUTIONS_STORE}), applies each change to the day's cells as minus the old contribution
 * plus the new one, and every emit interval writes the absolute value of each cell that changed as an
 * {@link AggregateRow}.
 *
 * <p>Why this shape: a posting touches about a hundred cells. Moving one record per group change through Kafka and
 * expanding it into cells here, in memory, costs one repartition record and one changelog record per change, where
 * moving cells costs a hundred of each. The cells themselves are not logged: they are a function of the stored
 * contributions and are rebuilt from them when the task starts. Exactly-once still holds because a group's entry
 * remembers what was last emitted for it ({@link GroupContribution#emitted()}), in the same transaction as the
 * emitted rows: a task that starts after a crash emits again the cells of every group whose change had not been
 * emitted, including cells that dropped to zero.
 */
final class DailyAggregateProcessor implements Processor<String, ContributionChange, String, AggregateRow> {

    private final Duration emitInterval;
    private ProcessorContext<String, AggregateRow> context;
    private KeyValueStore<String, GroupContribution> store;
    /** Cell key -> cell, for the days of this task's partition; cells at zero stay only until emitted. */
    private final Map<String, Cell> cells = new HashMap<>();
    /** Cells changed since the last emit, each once (its {@code dirty} flag says whether it is listed). */
    private final List<Cell> dirtyCells = new ArrayList<>();
    private final Set<String> dirtyGroups = new HashSet<>();

    /**
     * One cell's value with its dirty mark, so a change costs one map lookup and the emit none. The parsed key is
     * kept for the rows (a busy cell is emitted many times).
     */
    private static final class Cell {
        final String key;
        CellKey parsed;
        CellState state = CellState.empty();
        boolean dirty;

        Cell(String key) {
            this.key = key;
        }
    }

    DailyAggregateProcessor(Duration emitInterval) {
        this.emitInterval = emitInterval;
    }

    @Override
    public void init(ProcessorContext<String, AggregateRow> context) {
        this.context = context;
        this.store = context.getStateStore(PostingTopology.CONTRIBUTIONS_STORE);
        rebuild();
        context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, this::emit);
    }

    /** The cells from the restored contributions; what had not been emitted before the task moved or crashed is dirty. */
    private void rebuild() {
        cells.clear();
        dirtyCells.clear();
        dirtyGroups.clear();
        List<GroupContribution> unemitted = new ArrayList<>();
        try (KeyValueIterator<String, GroupContribution> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, GroupContribution> kv = it.next();
                apply(null, kv.value.current(), false);
                if (!kv.value.emittedCurrent()) {
                    dirtyGroups.add(kv.key);
                    unemitted.add(kv.value);
                }
            }
        }
        for (GroupContribution g : unemitted) {
            for (String key : AggregateCells.cells(g.current()).keySet()) {
                markDirty(cells.get(key));
            }
            if (g.emitted() != null) {
                // Cells only the un-emitted old contribution named have dropped to zero: emit them as zero.
                for (String key : AggregateCells.cells(g.emitted()).keySet()) {
                    Cell cell = cells.computeIfAbsent(key, Cell::new);
                    if (cell.state.isEmpty()) {
                        cell.state = CellState.zero(g.emitted().taxonomyVersion());
                    }
                    markDirty(cell);
                }
            }
        }
    }

    @Override
    public void process(Record<String, ContributionChange> record) {
        ContributionChange change = record.value();
        String key = change.day() + "|" + change.group();
        GroupContribution entry = store.get(key);
        Contribution before = entry == null ? null : entry.current();
        Contribution after = change.contribution();
        apply(before, after, true);
        Contribution emitted = entry == null ? null : entry.emitted();
        if (after == null && emitted == null) {
            store.delete(key); // never emitted, and nothing to count: the cells it touched are dirty in memory
            dirtyGroups.remove(key);
        } else {
            store.put(key, new GroupContribution(after, emitted));
            dirtyGroups.add(key);
        }
    }

    /** Moves the cells from one contribution to the other, marking the cells it touched dirty if asked to. */
    private void apply(Contribution before, Contribution after, boolean mark) {
        for (Map.Entry<String, CellDelta> d : AggregateCells.diff(before, after)) {
            Cell cell = cells.computeIfAbsent(d.getKey(), Cell::new);
            cell.state.apply(d.getValue());
            if (mark) {
                markDirty(cell);
            }
        }
    }

    private void markDirty(Cell cell) {
        if (!cell.dirty) {
            cell.dirty = true;
            dirtyCells.add(cell);
        }
    }

    /** Writes the absolute value of every changed cell, then records in the store that the groups' changes are out. */
    private void emit(long now) {
        for (Cell cell : dirtyCells) {
            cell.dirty = false;
            if (cell.parsed == null) {
                cell.parsed = CellKey.parse(cell.key);
            }
            context.forward(new Record<>(cell.key, PostingTopology.row(cell.parsed, cell.state), now));
            if (cell.state.isEmpty()) {
                cells.remove(cell.key);
            }
        }
        dirtyCells.clear();
        for (String key : dirtyGroups) {
            GroupContribution entry = store.get(key);
            if (entry == null || entry.emittedCurrent()) {
                continue;
            }
            if (entry.current() == null) {
                store.delete(key);
            } else {
                store.put(key, new GroupContribution(entry.current(), entry.current()));
            }
        }
        dirtyGroups.clear();
    }
}
