package io.jobpulse.benchmarks.e2e;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to run the end-to-end benchmark.
 *
 * @param postings      postings to ingest in the bulk load (approximate: the sample market is sized to give this many;
 *                      the report states the exact number)
 * @param seed          seed of the sample market
 * @param dataDir       where the embedded stack, streams state and corpus live during the run
 * @param probeInterval time between two latency probes while the bulk load runs
 * @param settledProbes latency probes published one at a time after the bulk load is queryable
 * @param timeout       longest wait for the bulk load to become queryable, and for each probe to appear
 * @param report        the Markdown report to write
 * @param chart         the PNG chart to write
 */
public record EndToEndSettings(int postings, long seed, Path dataDir, Duration probeInterval, int settledProbes,
                               Duration timeout, Path report, Path chart) {

    public static final int DEFAULT_POSTINGS = 100_000;
    public static final Duration DEFAULT_PROBE_INTERVAL = Duration.ofSeconds(5);
    public static final int DEFAULT_SETTLED_PROBES = 30;

    public EndToEndSettings {
        if (postings < 100 || postings > 2_000_000) {
            throw new IllegalArgumentException("postings must be between 100 and 2,000,000, not " + postings);
        }
        if (settledProbes < 1) {
            throw new IllegalArgumentException("settledProbes must be at least 1, not " + settledProbes);
        }
        if (probeInterval.isNegative() || probeInterval.isZero()) {
            throw new IllegalArgumentException("probeInterval must be positive");
        }
    }
}
