package io.jobpulse.streams.aggregate;

import java.util.ArrayList;
import java.util.List;

/**
 * A change to one cell: the count moves by {@code countDelta}; for salary cells some figures leave and some enter the
 * cell's multiset. A retraction is a negative delta carrying the figure it had added, which is why the old
 * contribution is stored rather than recomputed. Deltas add up ({@link #plus}), so the dedupe step can coalesce all
 * changes of a cell within a flush interval into one record.
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

    /** This change followed by {@code later}; a figure added by one and removed by the other cancels out. */
    public CellDelta plus(CellDelta later) {
        List<Double> rem = new ArrayList<>(removed);
        List<Double> add = new ArrayList<>(added);
        for (Double r : later.removed) {
            if (!add.remove(r)) {
                rem.add(r);
            }
        }
        add.addAll(later.added);
        String version = later.taxonomyVersion == null || later.taxonomyVersion.isEmpty() ? taxonomyVersion : later.taxonomyVersion;
        return new CellDelta(countDelta + later.countDelta, rem, add, version);
    }
}
