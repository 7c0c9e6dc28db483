package io.jobpulse.demo.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobpulse.analytics.ClickHouseSettings;
import io.jobpulse.demo.corpus.CorpusSettings;
import io.jobpulse.demo.corpus.GroundTruth;
import io.jobpulse.demo.corpus.Job;
import io.jobpulse.demo.corpus.Listing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo end to end on the embedded stack: a small sample market served through the eight board formats,
 * ingested day by day through the real connectors, streamed, sunk into ClickHouse and served. The API must show
 * exactly the generator's ground truth for every role and window: technology counts, seniority mix, places,
 * salaries, duplicates counted once, closed jobs gone from the active counts.
 */
class DemoPipelineIT {

    private static final int DAYS = 3;
    private static final List<String> WINDOWS = List.of("7d", "30d", "90d");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Path dir;
    private static DemoPipeline pipeline;
    private static GroundTruth truth;
    private static final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeAll
    static void runTheDemo() throws Exception {
        dir = Files.createTempDirectory("demo-it-");
        CorpusSettings corpus = new CorpusSettings(42, 400, DAYS, LocalDate.now(ZoneOffset.UTC));
        PrintStream progress = new PrintStream(new TeeStream(log, System.err), true);
        pipeline = DemoPipeline.start(new DemoSettings(dir, corpus, 0, null, Duration.ofMinutes(2)), progress);
        pipeline.runAllDays();
        truth = GroundTruth.of(pipeline.corpus());
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void theApiShowsExactlyTheGroundTruthForEveryRoleAndWindow() throws Exception {
        List<String> differences = List.of("not compared yet");
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        // The sink writes in batches of up to a second: the answer converges; it must then be exact.
        while (System.nanoTime() < deadline) {
            differences = compareAll();
            if (differences.isEmpty()) {
                break;
            }
            Thread.sleep(1000);
        }
        assertThat(differences).isEmpty();
    }

    private List<String> compareAll() throws Exception {
        List<String> out = new ArrayList<>();
        Set<String> roles = new HashSet<>();
        pipeline.corpus().jobs().forEach(j -> roles.add(j.role()));
        for (String role : roles) {
            for (String window : WINDOWS) {
                String path = "/api/roles/" + role + "/summary?window=" + window;
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) { // a 503 says "try again shortly": a difference until it answers
                    out.add(path + ": HTTP " + r.statusCode() + " " + r.body());
                    continue;
                }
                out.addAll(SummaryComparison.differences(role + " " + window, JSON.readTree(r.body()),
                        truth.stats(DAYS - 1, Integer.parseInt(window.replace("d", "")), role)));
            }
        }
        return out;
    }

    @Test
    void duplicatesShareOneCanonicalPostingAndClosedJobsAreClosed() throws Exception {
        Map<String, String> canonical = new HashMap<>();
        Map<String, String> status = new HashMap<>();
        ClickHouseSettings ch = ClickHouseSettings.fromEnvironment(pipeline.stack().clickHouseJdbcUrl(), ClickHouseSettings.DEFAULT_DATABASE);
        try (Connection c = ch.connect(Map.of());
             PreparedStatement s = c.prepareStatement("SELECT id, canonical_id, status FROM postings FINAL");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                canonical.put(r.getString(1), r.getString(2));
                status.put(r.getString(1), r.getString(3));
            }
        }
        int merged = 0, closed = 0;
        Set<String> groups = new HashSet<>();
        for (Job j : pipeline.corpus().jobs()) {
            Set<String> ofJob = new HashSet<>();
            for (Listing l : j.listings()) {
                if (l.defect() != null) {
                    assertThat(status).doesNotContainKey(l.postingId());
                    continue;
                }
                assertThat(status).as(l.postingId()).containsKey(l.postingId());
                ofJob.add(canonical.get(l.postingId()));
                boolean up = l.listedOn(DAYS - 1);
                assertThat(status.get(l.postingId())).as(l.postingId()).isEqualTo(up ? "ACTIVE" : "CLOSED");
                closed += up ? 0 : 1;
            }
            if (!j.rejectedEverywhere()) {
                assertThat(ofJob).as("every posting of " + j.id() + " in one duplicate group").hasSize(1);
                assertThat(groups.add(ofJob.iterator().next())).as("no other job in the group of " + j.id()).isTrue();
                merged += (int) j.listings().stream().filter(l -> l.defect() == null).count() - 1;
            }
        }
        assertThat(merged).isPositive();
        assertThat(closed).isPositive();
        DemoPipeline.Summary summary = pipeline.summary();
        GroundTruth.Totals totals = truth.totals();
        assertThat(summary.postingsIngested()).isEqualTo(totals.postingsIngested());
        assertThat(summary.duplicatesMerged()).isEqualTo(totals.duplicatesMerged()).isEqualTo(merged);
        assertThat(summary.activeJobs()).isEqualTo(totals.activeJobs());
        int closedTruth = 0;
        int rejectedTruth = 0;
        for (int d = 0; d < DAYS; d++) {
            closedTruth += truth.ingest(d).closedPostings();
            rejectedTruth += truth.ingest(d).rejectedListed();
        }
        assertThat(summary.closed()).isEqualTo(closedTruth).isEqualTo(closed);
        assertThat(summary.rejected()).isEqualTo(rejectedTruth);
    }

    @Test
    void theDashboardIsServedAndTheProgressNamesEveryDay() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/roles/backend")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("text/html"));
        HttpResponse<String> root = HTTP.send(HttpRequest.newBuilder(URI.create(pipeline.dashboardUrl())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(root.statusCode()).isIn(200, 302);
        String progress = log.toString();
        for (int d = 1; d <= DAYS; d++) {
            assertThat(progress).contains("Day " + d + "/" + DAYS);
        }
        assertThat(Files.exists(dir.resolve("corpus/ground-truth.json"))).isTrue();
    }

    private static String base() {
        return "http://127.0.0.1:" + pipeline.apiPort();
    }

    /** Progress to the test log and to a buffer the test reads. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int x) throws java.io.IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
