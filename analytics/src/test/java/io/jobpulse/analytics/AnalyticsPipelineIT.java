package io.jobpulse.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobpulse.analytics.api.ApiServer;
import io.jobpulse.analytics.testing.ApiClient;
import io.jobpulse.analytics.testing.Pipeline;
import io.jobpulse.analytics.testing.StreamsSimulation;
import io.jobpulse.analytics.testing.TestPostings;
import io.jobpulse.analytics.testing.Truth;
import io.jobpulse.contracts.avro.AggregateRow;
import io.jobpulse.contracts.avro.EnrichedPosting;
import io.jobpulse.contracts.avro.TechnologyMatch;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Postings and aggregate cells go through Kafka, the sink and ClickHouse to the API, whose answers must equal the
 * truth computed from the input postings by {@link Truth}: first load, then updates, closures, duplicates and postings
 * that move to other role families and days, then a full redelivery of every record plus old versions sent again.
 */
class AnalyticsPipelineIT {

    private static final List<String> WINDOWS = List.of("7d", "30d", "90d", "365d");

    @Test
    void apiAnswersEqualTheTruthAfterUpdatesClosuresAndRedelivery() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        TestPostings generator = new TestPostings(42, today);
        StreamsSimulation streams = new StreamsSimulation();
        try (Pipeline pipeline = new Pipeline("e2e");
             ApiServer api = ApiServer.start(pipeline.clickHouse, 0, Clock.systemUTC(), () -> null);
             ApiClient client = new ApiClient(api.port())) {
            long produced = 0;
            List<EnrichedPosting> first = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                first.add(generator.next("board", 400));
            }
            first.add(TestPostings.duplicateOf(first.get(0), "other:0"));
            first.add(TestPostings.duplicateOf(first.get(1), "other:1"));
            List<AggregateRow> firstCells = streams.apply(first);
            pipeline.sendPostings(first);
            pipeline.sendAggregates(firstCells);
            produced += first.size() + firstCells.size();
            Pipeline.Running sink = pipeline.startSink();

            awaitTruth(client, streams, today);

            // Updates (new technologies), closures, and new postings, with the cells the streams stage re-emits.
            List<EnrichedPosting> changes = new ArrayList<>();
            for (int i = 10; i < 40; i++) {
                changes.add(TestPostings.updated(first.get(i), List.of("Rust", "Kafka"), 10_000));
            }
            for (int i = 40; i < 70; i++) {
                changes.add(TestPostings.closed(first.get(i), 10_000));
            }
            for (int i = 70; i < 90; i++) {
                // Re-enriched under another role family (or none) and reposted on another day: role_postings keys move.
                EnrichedPosting p = first.get(i);
                List<String> roles = i % 5 == 0 ? List.of() : List.of(TestPostings.ROLES.get((TestPostings.ROLES.indexOf(p.getRoles().getFirst()) + 1) % TestPostings.ROLES.size()));
                changes.add(TestPostings.moved(p, i % 2 == 0 ? roles : p.getRoles(), today.minusDays(i % 3 == 0 ? 2 : 200), 10_000));
            }
            changes.add(TestPostings.closed(first.get(0), 10_000)); // the canonical of a duplicate group closes
            for (int i = 0; i < 60; i++) {
                changes.add(generator.next("board", 30));
            }
            List<AggregateRow> changedCells = streams.apply(changes);
            assertThat(changedCells).anyMatch(c -> c.getCount() == 0); // closures empty some cells
            pipeline.sendPostings(changes);
            pipeline.sendAggregates(changedCells);
            produced += changes.size() + changedCells.size();

            awaitTruth(client, streams, today);
            assertTrendAndSearch(client, streams, today);

            // Redelivery: a second sink in a new group reads every record again, and old versions are sent again.
            pipeline.stop(sink);
            pipeline.sendPostings(first.subList(0, 100));
            pipeline.sendAggregates(firstCells.subList(0, 200));
            produced += 100 + 200;
            Pipeline.Running again = pipeline.startSink(pipeline.sinkSettings.withGroupId(pipeline.sinkSettings.groupId() + "-again"));
            final long total = produced;
            await().atMost(Duration.ofSeconds(60)).until(() -> again.sink().status().snapshot().rowsWritten() >= total);

            assertSummariesEqualTruth(client, streams, today);
            assertTrendAndSearch(client, streams, today);
            try (Connection c = pipeline.clickHouse.connect(Map.of()); Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("SELECT count(), uniqExact(id) FROM postings FINAL")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(streams.current().size()).isEqualTo(rows.getLong(2));
            }
        }
    }

    private static void awaitTruth(ApiClient client, StreamsSimulation streams, LocalDate today) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .untilAsserted(() -> assertSummariesEqualTruth(client, streams, today));
    }

    private static void assertSummariesEqualTruth(ApiClient client, StreamsSimulation streams, LocalDate today) {
        for (String role : TestPostings.ROLES) {
            for (String window : WINDOWS) {
                int days = Integer.parseInt(window.substring(0, window.length() - 1));
                JsonNode s = client.json("/api/roles/" + role + "/summary?window=" + window);
                Truth.Expected e = Truth.roleSummary(streams.current().values(), role, today.minusDays(days - 1), today);
                String where = role + " " + window;
                assertThat(s.get("postings").asLong()).as(where).isEqualTo(e.postings());
                assertThat(counts(s.get("technologies"), "name")).as(where + " technologies").isEqualTo(e.technologies());
                assertThat(counts(s.get("seniority"), "name")).as(where + " seniority").isEqualTo(e.seniority());
                assertThat(counts(s.get("locations").get("countries"), "name")).as(where + " countries").isEqualTo(e.countries());
                List<Map.Entry<String, Long>> cities = new ArrayList<>();
                s.get("locations").get("cities").forEach(c -> cities.add(Map.entry(c.get("country").asText() + "|" + c.get("city").asText(), c.get("count").asLong())));
                assertThat(cities).as(where + " cities").isEqualTo(e.cities());
                assertThat(s.get("locations").get("remote").asLong()).as(where + " remote").isEqualTo(e.remote());
                List<Map.Entry<String, Long>> pairs = new ArrayList<>();
                s.get("relatedTechnologies").forEach(p -> pairs.add(Map.entry(p.get("first").asText() + " + " + p.get("second").asText(), p.get("count").asLong())));
                assertThat(pairs).as(where + " pairs").isEqualTo(e.pairs());
                assertThat(counts(s.get("relatedRoles"), "role")).as(where + " related roles").isEqualTo(e.relatedRoles());
                List<String> latest = new ArrayList<>();
                s.get("latestPostings").forEach(p -> latest.add(p.get("id").asText()));
                assertThat(latest).as(where + " latest").isEqualTo(e.latestIds());
                Map<String, double[]> salary = new TreeMap<>();
                s.get("salaryBySeniority").forEach(x -> salary.put(x.get("seniority").asText(), new double[] {
                        x.get("postings").asDouble(), x.get("minUsd").asDouble(), x.get("p25Usd").asDouble(),
                        x.get("medianUsd").asDouble(), x.get("p75Usd").asDouble(), x.get("maxUsd").asDouble()}));
                assertThat(salary.keySet()).as(where + " salary levels").isEqualTo(new java.util.TreeSet<>(e.salary().keySet()));
                e.salary().forEach((level, expected) -> {
                    double[] actual = salary.get(level);
                    for (int i = 0; i < expected.length; i++) {
                        assertThat(actual[i]).as(where + " salary " + level + " #" + i).isCloseTo(expected[i], within(1e-6));
                    }
                });
            }
        }
    }

    private static void assertTrendAndSearch(ApiClient client, StreamsSimulation streams, LocalDate today) {
        JsonNode trend = client.json("/api/trends/technologies?technology=Java&technology=Kafka&role=backend&window=90d");
        List<EnrichedPosting> counted = Truth.counted(streams.current().values(), "backend", today.minusDays(89), today);
        List<String> weeks = new ArrayList<>();
        trend.get("weeks").forEach(w -> weeks.add(w.asText()));
        for (int t = 0; t < 2; t++) {
            String technology = List.of("Java", "Kafka").get(t);
            JsonNode series = trend.get("series").get(t);
            assertThat(series.get("technology").asText()).isEqualTo(technology);
            for (int w = 0; w < weeks.size(); w++) {
                LocalDate monday = LocalDate.parse(weeks.get(w));
                long expected = counted.stream()
                        .filter(p -> p.getDay().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).equals(monday))
                        .filter(p -> p.getTechnologies().stream().map(TechnologyMatch::getName).anyMatch(technology::equals))
                        .count();
                long postings = counted.stream()
                        .filter(p -> p.getDay().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).equals(monday)).count();
                assertThat(series.get("counts").get(w).asLong()).as(technology + " week " + monday).isEqualTo(expected);
                assertThat(trend.get("postings").get(w).asLong()).as("postings week " + monday).isEqualTo(postings);
            }
        }
        JsonNode found = client.json("/api/postings?role=backend&technology=Java&remote=true&window=365d&limit=100");
        List<String> ids = new ArrayList<>();
        found.get("postings").forEach(p -> ids.add(p.get("id").asText()));
        List<String> expected = Truth.counted(streams.current().values(), "backend", today.minusDays(364), today).stream()
                .filter(p -> p.getWorkModes().contains("remote"))
                .filter(p -> p.getTechnologies().stream().anyMatch(x -> x.getName().equals("Java")))
                .sorted(java.util.Comparator.comparing(EnrichedPosting::getPostedAt).reversed().thenComparing(EnrichedPosting::getId))
                .limit(100).map(EnrichedPosting::getId).toList();
        assertThat(ids).isNotEmpty().isEqualTo(expected);
    }

    private static List<Map.Entry<String, Long>> counts(JsonNode array, String nameField) {
        List<Map.Entry<String, Long>> out = new ArrayList<>();
        array.forEach(n -> out.add(Map.entry(n.get(nameField).asText(), n.get("count").asLong())));
        return out;
    }
}
