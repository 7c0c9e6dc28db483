package io.jobpulse.streams.aggregate;

import java.util.Map;
import java.util.TreeMap;

/**
 * The current value of one cell: how many counted jobs it has and, for salary cells, the multiset of their yearly
 * USD figures (value -> multiplicity). Keeping the multiset rather than a sketch makes quantiles exact and lets a
 * retraction remove exactly the figure that was added.
 */
public record CellState(long count, TreeMap<Double, Integer> salaries, String taxonomyVersion) {

    public static CellState empty() {
        return new CellState(0, new TreeMap<>(), "");
    }

    /** The state after a delta; never mutates this one (the store's cache may still hold it). */
    public CellState apply(CellDelta delta) {
        TreeMap<Double, Integer> next = salaries;
        if (!delta.removed().isEmpty() || !delta.added().isEmpty()) {
            next = new TreeMap<>(salaries);
            for (Double r : delta.removed()) {
                next.computeIfPresent(r, (v, n) -> n > 1 ? n - 1 : null);
            }
            for (Double a : delta.added()) {
                next.merge(a, 1, Integer::sum);
            }
        }
        String version = delta.taxonomyVersion() == null || delta.taxonomyVersion().isEmpty() ? taxonomyVersion : delta.taxonomyVersion();
        return new CellState(count + delta.countDelta(), next, version);
    }

    public long salaryCount() {
        long n = 0;
        for (int m : salaries.values()) {
            n += m;
        }
        return n;
    }

    /** Quantile q in [0,1] by linear interpolation between closest ranks; null for an empty multiset. */
    public Double quantile(double q) {
        long n = salaryCount();
        if (n == 0) {
            return null;
        }
        double rank = q * (n - 1);
        long lo = (long) Math.floor(rank);
        double frac = rank - lo;
        Double low = nth(lo);
        if (frac == 0) {
            return low;
        }
        return low + (nth(lo + 1) - low) * frac;
    }

    private Double nth(long index) {
        long seen = 0;
        for (Map.Entry<Double, Integer> e : salaries.entrySet()) {
            seen += e.getValue();
            if (index < seen) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("index " + index + " beyond " + seen);
    }
}
