package io.jobpulse.enrichment;

/**
 * Structured fields from the source, used before anything parsed from text. Every field may be null.
 * {@code workplaceType} is the board's own word ("remote", "hybrid", "on-site", "onsite").
 */
public record StructuredHints(Double salaryMin, Double salaryMax, String salaryCurrency, String salaryPeriod,
                              String city, String region, String country, Boolean remote, String workplaceType) {
    public static final StructuredHints NONE = new StructuredHints(null, null, null, null, null, null, null, null, null);
}
