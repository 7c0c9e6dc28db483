package io.jobpulse.ingest.run;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-source Micrometer meters: postings by outcome, fetch errors, run duration, last complete fetch time, and HTTP
 * responses by host and status. Exposed on /metrics (Prometheus) in scheduled mode.
 */
public final class IngestMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> lastComplete = new ConcurrentHashMap<>();

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void record(SourceSummary s) {
        count(s, "new", s.created());
        count(s, "changed", s.changed());
        count(s, "unchanged", s.unchanged());
        count(s, "closed", s.closed());
        count(s, "rejected", s.rejected());
        Counter.builder("jobpulse.ingest.fetch.errors").description("Fetch or publish failures")
                .tag("source", s.source()).register(registry).increment(s.errors());
        Counter.builder("jobpulse.ingest.source.runs").description("Source runs by status")
                .tag("source", s.source()).tag("status", s.status().name().toLowerCase(java.util.Locale.ROOT))
                .register(registry).increment();
        Timer.builder("jobpulse.ingest.source.duration").description("Time to fetch and publish one source")
                .tag("source", s.source()).register(registry).record(Duration.ofMillis(s.durationMs()));
        if (s.status() == SourceSummary.Status.COMPLETE || s.status() == SourceSummary.Status.NOT_MODIFIED) {
            lastComplete.computeIfAbsent(s.source(), k -> {
                AtomicLong v = new AtomicLong();
                Gauge.builder("jobpulse.ingest.source.last.complete", v, AtomicLong::get)
                        .description("Epoch seconds of the last complete fetch").tag("source", k).register(registry);
                return v;
            }).set(System.currentTimeMillis() / 1000);
        }
    }

    public void httpResponse(String host, int status) {
        Counter.builder("jobpulse.ingest.http.responses").description("HTTP responses (status 0: connection error)")
                .tag("host", host == null ? "" : host).tag("status", String.valueOf(status)).register(registry).increment();
    }

    private void count(SourceSummary s, String outcome, int n) {
        Counter.builder("jobpulse.ingest.postings").description("Postings by outcome")
                .tag("source", s.source()).tag("outcome", outcome).register(registry).increment(n);
    }
}
