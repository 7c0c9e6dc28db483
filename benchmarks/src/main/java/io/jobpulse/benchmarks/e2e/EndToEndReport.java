package io.jobpulse.benchmarks.e2e;

import io.jobpulse.benchmarks.e2e.LatencyProbe.Phase;
import io.jobpulse.benchmarks.e2e.LatencyProbe.Sample;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * What one {@code ./jobpulse bench} run measured. Everything derived (rates, percentiles, ratios) is computed here from
 * the raw measurements, so the summary, the Markdown report and the chart agree.
 *
 * @param bulkSeconds    seconds from the start of the ingest run to the moment the last bulk posting was queryable in
 *                       ClickHouse (NaN when not all became queryable)
 * @param ingestSeconds  seconds the ingest run itself took (fetch over HTTP, normalize, publish)
 */
public record EndToEndReport(Instant startedAt, String command, String jdk, int cores, String loadAtStart,
                             String loadAfterPipeline, String loadAtEnd, int jobOpenings, int sources,
                             long expectedPostings, long queryablePostings, double ingestSeconds, double bulkSeconds,
                             List<QueryableCounter.Point> queryableOverTime, List<Sample> probes,
                             List<ProcessMemory.Peak> memory, PassThroughBaselines.Result baselines) {

    /** Latencies of one group of probes, in seconds. */
    public record Latency(int published, int seen, double p50, double p99, double max) {
    }

    public boolean allQueryable() {
        return queryablePostings >= expectedPostings && !Double.isNaN(bulkSeconds);
    }

    /** Postings per second from ingest start to all queryable. */
    public double endToEndRate() {
        return queryablePostings / bulkSeconds;
    }

    public double ingestRate() {
        return expectedPostings / ingestSeconds;
    }

    public Latency latency(Phase phase) {
        return latencyOf(probes.stream().filter(s -> phase == null || s.phase() == phase).toList());
    }

    public Latency latencyAll() {
        return latency(null);
    }

    private static Latency latencyOf(List<Sample> samples) {
        double[] seen = samples.stream().filter(Sample::seen).mapToDouble(s -> s.latencyMillis() / 1000).sorted().toArray();
        if (seen.length == 0) {
            return new Latency(samples.size(), 0, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Latency(samples.size(), seen.length, percentile(seen, 0.50), percentile(seen, 0.99), seen[seen.length - 1]);
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    public double ratioToProducer() {
        return endToEndRate() / baselines.producerRate();
    }

    public double ratioToPassThrough() {
        return endToEndRate() / baselines.passThroughRate();
    }

    public double ratioToRawJdbc() {
        return endToEndRate() / baselines.rawJdbcRate();
    }

    /** A few lines for the terminal. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(f("End to end: %,d of %,d postings queryable in ClickHouse %s%n", queryablePostings, expectedPostings,
                allQueryable() ? f("%.1f s after the ingest run started: %,.0f postings/s (ingest run alone: %.1f s, %,.0f/s)",
                        bulkSeconds, endToEndRate(), ingestSeconds, ingestRate()) : "(NOT all: timed out)"));
        for (Phase phase : Phase.values()) {
            Latency l = latency(phase);
            s.append(f("Publication to API, %s: p50 %.2f s, p99 %.2f s, max %.2f s (%d of %d probes seen)%n",
                    phase == Phase.DURING_LOAD ? "during the bulk load" : "after it (idle pipeline)", l.p50(), l.p99(), l.max(),
                    l.seen(), l.published()));
        }
        for (ProcessMemory.Peak p : memory) {
            s.append(f("Peak memory of %s (pid %d): RSS %,d MiB%s%n", p.process(), p.pid(), p.residentPeakMiB(),
                    p.heapPeakMiB() >= 0 ? f(", heap %,d MiB", p.heapPeakMiB()) : ""));
        }
        s.append(f("Baselines, same run: Kafka producer %,.0f records/s (pipeline %.3fx), streams pass-through %,.0f/s (%.3fx), "
                        + "raw JDBC insert %,.0f rows/s (%.3fx)%n", baselines.producerRate(), ratioToProducer(),
                baselines.passThroughRate(), ratioToPassThrough(), baselines.rawJdbcRate(), ratioToRawJdbc()));
        s.append(f("Load average: %s at the start, %s after the pipeline run, %s at the end%n", loadAtStart, loadAfterPipeline, loadAtEnd));
        return s.toString();
    }

    /** The Markdown section body (no heading of its own above level 3), with {@code chartPath} as the image link. */
    public String markdown(String chartPath) {
        StringBuilder m = new StringBuilder();
        m.append(f("### Run of %s%n%n", startedAt.truncatedTo(ChronoUnit.SECONDS)));
        m.append(f("`%s` — JDK %s, %d cores; load average %s at the start, %s after the pipeline run, %s at the end.%n%n",
                command, jdk, cores, loadAtStart, loadAfterPipeline, loadAtEnd));
        m.append(f("![End-to-end throughput and latency](%s)%n%n", chartPath));
        m.append("| pipeline run | value |\n|---|---:|\n");
        m.append(f("| postings published by the sample market (%,d job openings, %,d board sources, one day) | %,d |%n",
                jobOpenings, sources, expectedPostings));
        m.append(f("| postings queryable in ClickHouse at the end | %,d%s |%n", queryablePostings, allQueryable() ? " (all)" : " (**not all**)"));
        m.append(f("| ingest run: fetch over HTTP, normalize, publish with exactly-once | %.1f s, %,.0f postings/s |%n",
                ingestSeconds, ingestRate()));
        m.append(f("| **ingest start to the last posting queryable** | **%.1f s, %,.0f postings/s** |%n%n", bulkSeconds, endToEndRate()));

        m.append("| publication to API (probes) | published | seen | p50 s | p99 s | max s |\n|---|---:|---:|---:|---:|---:|\n");
        m.append(latencyRow("during the bulk load", latency(Phase.DURING_LOAD)));
        m.append(latencyRow("after the bulk load (idle pipeline)", latency(Phase.AFTER_LOAD)));
        m.append(latencyRow("all", latencyAll()));
        m.append('\n');

        m.append("| process | peak RSS (VmHWM) MiB | peak heap MiB | max heap MiB |\n|---|---:|---:|---:|\n");
        for (ProcessMemory.Peak p : memory) {
            m.append(f("| %s | %,d | %s | %s |%n", p.process(), p.residentPeakMiB(),
                    p.heapPeakMiB() >= 0 ? f("%,d", p.heapPeakMiB()) : "–", p.heapMaxMiB() >= 0 ? f("%,d", p.heapMaxMiB()) : "–"));
        }
        m.append('\n');

        PassThroughBaselines.Result b = baselines;
        m.append("| same run, same stack | per second | pipeline / this |\n|---|---:|---:|\n");
        m.append(f("| Kafka producer: %,d records of %,d bytes (the mean published posting), ingest's settings without transactions | %,.0f | %.3f |%n",
                b.producerRecords(), b.recordBytes(), b.producerRate(), ratioToProducer()));
        m.append(f("| streams pass-through: the %,d records of the postings topic copied, exactly-once, same serdes | %,.0f | %.3f |%n",
                b.passThroughRecords(), b.passThroughRate(), ratioToPassThrough()));
        m.append(f("| raw JDBC batch insert: the %,d enriched postings, sink's row mapping, batches of %,d | %,.0f | %.3f |%n",
                b.rawRows(), b.rawBatchRows(), b.rawJdbcRate(), ratioToRawJdbc()));
        m.append(f("| **pipeline end to end** (ingest start to all queryable) | **%,.0f** | 1 |%n", endToEndRate()));
        return m.toString();
    }

    private static String latencyRow(String name, Latency l) {
        return f("| %s | %d | %d | %.2f | %.2f | %.2f |%n", name, l.published(), l.seen(), l.p50(), l.p99(), l.max());
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
