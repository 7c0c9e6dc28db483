package io.jobpulse.demo.corpus;

import java.util.Locale;

/**
 * The job boards the sample corpus is published on, each served in its real format. Applicant-tracking boards list
 * one company's jobs; aggregators list many companies' jobs.
 */
public enum Board {
    GREENHOUSE(false), LEVER(false), ASHBY(false), WORKABLE(false), RECRUITEE(false),
    REMOTIVE(true), ARBEITNOW(true), HN(true);

    private final boolean aggregator;

    Board(boolean aggregator) {
        this.aggregator = aggregator;
    }

    public boolean aggregator() {
        return aggregator;
    }

    /** The ingest connector that reads this board ({@code connector:} in sources.yaml). */
    public String connector() {
        return name().toLowerCase(Locale.ROOT);
    }
}
