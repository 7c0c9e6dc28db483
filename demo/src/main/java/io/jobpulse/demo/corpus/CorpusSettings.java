package io.jobpulse.demo.corpus;

import java.time.LocalDate;

/**
 * What a corpus is generated from. The same settings give the same corpus, byte for byte, on every JVM.
 *
 * @param seed    seed of the generator
 * @param jobs    job openings over the whole simulation (each listed on one to three boards)
 * @param days    simulated days; day 0 lists the jobs already open, every later day adds, edits and closes some
 * @param lastDay the date of the last simulated day: the demo uses today, so the API's time windows see the corpus
 */
public record CorpusSettings(long seed, int jobs, int days, LocalDate lastDay) {

    public static final long DEFAULT_SEED = 20261128L;
    public static final int DEFAULT_JOBS = 5000;
    public static final int DEFAULT_DAYS = 7;

    public CorpusSettings {
        if (jobs < 1 || jobs > 2_000_000) {
            throw new IllegalArgumentException("jobs must be between 1 and 2,000,000, not " + jobs);
        }
        if (days < 1 || days > 365) {
            throw new IllegalArgumentException("days must be between 1 and 365, not " + days);
        }
        if (lastDay == null) {
            throw new IllegalArgumentException("lastDay is required");
        }
    }

    /** The date of simulated day {@code day} (negative days are before the simulation starts). */
    public LocalDate dateOf(int day) {
        return lastDay.minusDays(days - 1L - day);
    }
}
