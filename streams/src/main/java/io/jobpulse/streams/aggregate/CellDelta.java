package io.jobpulse.streams.aggregate;

/**
 * A change to one cell: the count moves by {@code countDelta}; for salary cells one figure leaves and/or one enters
 * the cell's multiset. A retraction is a negative delta carrying the figure it had added, which is why the old
 * contribution is stored rather than recomputed.
 */
public record CellDelta(long countDelta, Double removeSalary, Double addSalary, String taxonomyVersion) {
}
