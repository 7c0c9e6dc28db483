package io.jobpulse.benchmarks.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobpulse.contracts.AvroSerdes;
import io.jobpulse.contracts.RegistrySettings;
import io.jobpulse.contracts.Topics;
import io.jobpulse.contracts.avro.JobPosting;
import io.jobpulse.ingest.connector.PostingDraft;
import io.jobpulse.ingest.normalize.Normalization;
import io.jobpulse.ingest.normalize.PostingNormalizer;
import io.jobpulse.ingest.publish.OutgoingRecord;
import io.jobpulse.ingest.publish.PostingPublisher;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Publication-to-API latency of single postings, measured while the pipeline is loaded and after.
 *
 * <p>A probe is one posting that exists nowhere else: a distinct company, title and description, all naming COBOL,
 * a technology the sample market never mentions. It is normalized by ingest's {@link PostingNormalizer} and published
 * to the postings topic by ingest's own transactional {@link PostingPublisher}, in a transaction of its own, exactly as
 * an ingest run publishes what it fetched. A poller asks the query API for the newest COBOL postings
 * ({@code GET /api/postings?technology=COBOL&window=7d&limit=100}) continuously, one request in flight.
 *
 * <p>Latency of a probe = time of the first API response listing it − time just before its transaction began. It
 * therefore covers the Kafka transaction, the streams topology (read_committed, commit interval), the sink's batch and
 * ClickHouse insert, and the API's query; it is rounded up by at most one API round trip. It does not include the
 * time a job board takes to be fetched by a scheduled ingest run (that is up to one ingest interval, by configuration).
 */
final class LatencyProbe implements AutoCloseable {

    static final String SOURCE = "bench-probe";
    static final String TECHNOLOGY = "COBOL";
    /** The API lists at most 100 postings; the bench keeps fewer probes than that waiting. */
    static final int MAX_PENDING = 80;

    /** One probe: when it was published (seconds since the bench's clock started) and its latency (NaN: never seen). */
    record Sample(int number, Phase phase, double publishedAtSeconds, double commitMillis, double latencyMillis) {
        boolean seen() {
            return !Double.isNaN(latencyMillis);
        }
    }

    enum Phase { DURING_LOAD, AFTER_LOAD }

    private record Pending(int number, Phase phase, long publishedNanos) {
    }

    private final long clockStart;
    private final PostingNormalizer normalizer = new PostingNormalizer(SOURCE);
    private final Serializer<JobPosting> serializer;
    private final PostingPublisher publisher;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final HttpRequest newest;
    private final ObjectMapper json = new ObjectMapper();
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    /** Probe number to the time its transaction took to commit, in ms. */
    private final Map<Integer, Double> commits = new ConcurrentHashMap<>();
    private final List<Sample> samples = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Thread poller;
    private volatile boolean stopped;
    private volatile long apiRequests;
    private volatile long apiErrors;
    private int published;

    LatencyProbe(String bootstrapServers, RegistrySettings registry, int apiPort, long clockStartNanos) {
        this.clockStart = clockStartNanos;
        this.serializer = AvroSerdes.serializer(registry, JobPosting.class, false);
        this.publisher = PostingPublisher.connect(bootstrapServers, "jobpulse-bench-probe-" + run);
        this.newest = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/api/postings?technology="
                + TECHNOLOGY + "&window=7d&limit=100")).timeout(Duration.ofSeconds(60)).build();
        this.poller = Thread.ofPlatform().daemon().name("bench-latency-poller").start(this::poll);
    }

    /** Publishes one probe in its own transaction; false (nothing published) when too many are still waiting. */
    synchronized boolean publish(Phase phase) throws Exception {
        if (pending.size() >= MAX_PENDING) {
            return false;
        }
        int number = ++published;
        JobPosting posting = probePosting(number);
        byte[] value = serializer.serialize(Topics.POSTINGS.name(), posting);
        long start = System.nanoTime();
        // Registered before the send: the poller may see it before publish() returns.
        pending.put(posting.getId(), new Pending(number, phase, start));
        publisher.publish(List.of(new OutgoingRecord(Topics.POSTINGS.name(), posting.getId(), value))).get(60, TimeUnit.SECONDS);
        double commitMillis = (System.nanoTime() - start) / 1e6;
        commits.put(number, commitMillis);
        return true;
    }

    private JobPosting probePosting(int number) {
        Random random = new Random(31L * number + run.hashCode());
        StringBuilder words = new StringBuilder();
        for (int w = 0; w < 60; w++) {
            int letters = 4 + random.nextInt(6);
            for (int l = 0; l < letters; l++) {
                words.append((char) ('a' + random.nextInt(26)));
            }
            words.append(w % 12 == 11 ? ". " : " ");
        }
        String company = "Probe Works " + run + "-" + number;
        PostingDraft draft = PostingDraft.builder("probe-" + run + "-" + number)
                .board("probe-" + run)
                .title("COBOL Developer, batch systems " + number)
                .company(company)
                .descriptionHtml("<p>" + company + " maintains COBOL batch systems. " + words + "</p>")
                .url("https://probe.example.org/" + run + "/" + number)
                .postedAt(Instant.now().toString())
                .locationRaw("Berlin, Germany")
                .build();
        if (normalizer.normalize(draft, Instant.now()) instanceof Normalization.Accepted(JobPosting posting)) {
            return posting;
        }
        throw new IllegalStateException("the probe posting was rejected by the normalizer: " + draft);
    }

    private void poll() {
        while (!stopped) {
            try {
                if (pending.isEmpty()) {
                    Thread.sleep(20);
                    continue;
                }
                HttpResponse<String> response = http.send(newest, HttpResponse.BodyHandlers.ofString());
                long now = System.nanoTime();
                apiRequests++;
                if (response.statusCode() != 200) {
                    apiErrors++;
                    Thread.sleep(200);
                    continue;
                }
                for (JsonNode posting : json.readTree(response.body()).path("postings")) {
                    Pending p = pending.remove(posting.path("id").asText());
                    if (p != null) {
                        samples.add(new Sample(p.number(), p.phase(), seconds(p.publishedNanos()),
                                commits.getOrDefault(p.number(), Double.NaN), (now - p.publishedNanos()) / 1e6));
                    }
                }
            } catch (IOException e) {
                apiErrors++;
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Waits until every published probe was seen in the API; false when {@code timeout} passed first. */
    boolean awaitSeen(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return pending.isEmpty();
    }

    int pendingCount() {
        return pending.size();
    }

    int publishedCount() {
        return published;
    }

    long apiRequests() {
        return apiRequests;
    }

    long apiErrors() {
        return apiErrors;
    }

    /** Every probe published so far: seen ones with their latency, then the still unseen ones with NaN. */
    List<Sample> samples() {
        List<Sample> out;
        synchronized (samples) {
            out = new ArrayList<>(samples);
        }
        pending.values().forEach(p -> out.add(new Sample(p.number(), p.phase(), seconds(p.publishedNanos()),
                commits.getOrDefault(p.number(), Double.NaN), Double.NaN)));
        out.sort(java.util.Comparator.comparingInt(Sample::number));
        return out;
    }

    private double seconds(long nanos) {
        return (nanos - clockStart) / 1e9;
    }

    @Override
    public void close() {
        stopped = true;
        poller.interrupt();
        try {
            poller.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        publisher.close();
        serializer.close();
    }
}
