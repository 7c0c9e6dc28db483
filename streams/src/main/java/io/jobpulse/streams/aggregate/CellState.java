package io.jobpulse.streams.aggregate;

import java.util.Map;
import java.util.TreeMap;

/**
 * The current value of one cell: how many counted jobs it has and, for salary cells, the multiset of their yearly
 * USD figures (value -> multiplicity). Keeping the multiset rather than a sketch makes quantiles exact and lets a
 * retraction remove exactly the figure that was added.
 *
 * <p>Mutable: a cell lives only in the aggregate step's memory (rebuilt from the stored contributions, never put in
 * a store), and a posting moves dozens of cells, so a change updates the cell in place instead of copying its
 * multiset.
 */
public final class CellState {

    private long count;
    /** Null until the first salary figure: most cells never have one. */
    private TreeMap<Double, Integer> salaries;
    private long salaryCount;
    private String taxonomyVersion;

    private CellState(String taxonomyVersion) {
        this.taxonomyVersion = taxonomyVersion;
    }

    public static CellState empty() {
        return new CellState("");
    }

    /** A cell at zero stamped with {@code taxonomyVersion}: what a crash-recovered retraction emits. */
    public static CellState zero(String taxonomyVersion) {
        return new CellState(taxonomyVersion);
    }

    /** Applies the delta to this cell and returns it. */
    public CellState apply(CellDelta delta) {
        for (Double r : delta.removed()) {
            Integer n = salaries == null ? null : salaries.get(r);
            if (n != null) {
                if (n > 1) {
                    salaries.put(r, n - 1);
                } else {
                    salaries.remove(r);
                }
                salaryCount--;
            }
        }
        for (Double a : delta.added()) {
            if (salaries == null) {
                salaries = new TreeMap<>();
            }
            salaries.merge(a, 1, Integer::sum);
            salaryCount++;
        }
        if (delta.taxonomyVersion() != null && !delta.taxonomyVersion().isEmpty()) {
            taxonomyVersion = delta.taxonomyVersion();
        }
        count += delta.countDelta();
        return this;
    }

    public long count() {
        return count;
    }

    public long salaryCount() {
        return salaryCount;
    }

    public boolean hasSalaries() {
        return salaryCount > 0;
    }

    /** Zero jobs and no figures: nothing left to keep once it has been emitted. */
    public boolean isEmpty() {
        return count == 0 && salaryCount == 0;
    }

    public String taxonomyVersion() {
        return taxonomyVersion;
    }

    /** Quantile q in [0,1] by linear interpolation between closest ranks; null for an empty multiset. */
    public Double quantile(double q) {
        if (salaryCount == 0) {
            return null;
        }
        double rank = q * (salaryCount - 1);
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
