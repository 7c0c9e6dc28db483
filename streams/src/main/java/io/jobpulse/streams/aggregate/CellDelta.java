package io.jobpulse.streams.aggregate;

import java.util.List;

/**
 * A change to one cell: the count moves by {@code countDelta}; for salary cells some figures leave and some enter the
 * cell's multiset. A retraction is a negative delta carrying the figure it had added, which is why the old
 * contribution is stored rather than recomputed. Deltas live only inside the aggregate step (never on a topic): it
 * applies them to its in-memory cells as it diffs a group's old and new contribution.
 */
public record CellDelta(long countDelta, List<Double> removed, List<Double> added, String taxonomyVersion) {

    public CellDelta {
        removed = List.copyOf(removed);
        added = List.copyOf(added);
    }

    public static CellDelta of(long countDelta, Double remove, Double add, String taxonomyVersion) {
        return new CellDelta(countDelta, remove == null ? List.of() : List.of(remove), add == null ? List.of() : List.of(add),
                taxonomyVersion);
    }
}
