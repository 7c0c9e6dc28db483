package io.jobpulse.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobpulse.analytics.testing.Pipeline;
import io.jobpulse.analytics.testing.StreamsSimulation;
import io.jobpulse.analytics.testing.TestPostings;
import io.jobpulse.analytics.testing.Truth;
import io.jobpulse.contracts.avro.EnrichedPosting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The provisioned Grafana dashboard ({@code deploy/grafana/provisioning/dashboards/json}): every panel's SQL, with
 * the ClickHouse plugin's macros and the role variable substituted as Grafana would, runs against the embedded
 * ClickHouse holding postings that came through the sink, and the headline numbers equal the truth.
 */
class GrafanaDashboardIT {

    private static final Path PROVISIONING = Path.of("..", "deploy", "grafana", "provisioning");

    @Test
    void everyPanelQueryRunsAgainstClickHouseAndTheHeadlineNumbersAreRight() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(PROVISIONING.resolve("dashboards/json/jobpulse-role.json").toFile());
        assertThat(Files.readString(PROVISIONING.resolve("dashboards/jobpulse.yaml")))
                .contains("path: /etc/grafana/provisioning/dashboards/json");
        assertThat(Files.readString(PROVISIONING.resolve("datasources/clickhouse.yaml"))).contains("uid: jobpulse-clickhouse");

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        TestPostings generator = new TestPostings(5, today);
        StreamsSimulation streams = new StreamsSimulation();
        try (Pipeline pipeline = new Pipeline("grafana")) {
            List<EnrichedPosting> postings = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                postings.add(generator.next("graf", 60));
            }
            pipeline.sendPostings(postings);
            pipeline.sendAggregates(streams.apply(postings));
            pipeline.startSink();
            long expectedBackend = Truth.counted(streams.current().values(), "backend", today.minusDays(29), today).size();

            Map<String, List<List<String>>> results = new LinkedHashMap<>();
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
                results.clear();
                try (Connection c = pipeline.clickHouse.connect(Map.of()); Statement s = c.createStatement()) {
                    for (JsonNode panel : dashboard.get("panels")) {
                        assertThat(panel.get("datasource").get("uid").asText()).isEqualTo("jobpulse-clickhouse");
                        for (JsonNode target : panel.get("targets")) {
                            assertThat(target.get("datasource").get("uid").asText()).isEqualTo("jobpulse-clickhouse");
                            String sql = grafanaExpand(target.get("rawSql").asText(), "backend", today.minusDays(29), today);
                            assertThat(sql).as(panel.get("title").asText()).doesNotContain("$");
                            results.put(panel.get("title").asText(), rows(s, sql));
                        }
                    }
                }
                assertThat(results.get("Active postings")).containsExactly(List.of(String.valueOf(expectedBackend)));
                // The sink's batches land one after another; wait until every panel has its data.
                results.forEach((title, rows) -> assertThat(rows).as(title).isNotEmpty());
                assertThat(results.get("Latest jobs")).hasSize(10);
            });
            assertThat(results.keySet()).contains("Most common technologies", "Seniority mix", "Top countries",
                    "Top cities", "Salary by seniority (annual USD)", "Technology trend (weekly share of postings)",
                    "Related roles", "Related technologies", "Latest jobs", "Remote share");

            // The panels read from role_postings (by the role's days) must agree with the truth like the API does.
            Truth.Expected expected = Truth.roleSummary(streams.current().values(), "backend", today.minusDays(29), today);
            assertThat(results.get("Related roles")).containsExactlyElementsOf(expected.relatedRoles().stream()
                    .map(e -> List.of(e.getKey(), String.valueOf(e.getValue()))).toList());
            assertThat(results.get("Salary by seniority (annual USD)")).hasSize(expected.salary().size());
            List<String> levels = new ArrayList<>(expected.salary().keySet());
            for (int i = 0; i < levels.size(); i++) {
                List<String> row = results.get("Salary by seniority (annual USD)").get(i);
                double[] truth = expected.salary().get(levels.get(i));
                assertThat(row.get(0)).isEqualTo(levels.get(i));
                assertThat(Long.parseLong(row.get(1))).as("postings with a salary, %s", levels.get(i)).isEqualTo((long) truth[0]);
                assertThat(Double.parseDouble(row.get(2))).as("median, %s", levels.get(i)).isEqualTo(Math.rint(truth[3]));
            }
            assertThat(results.get("Latest jobs")).extracting(row -> row.get(4)).containsExactlyElementsOf(
                    expected.latestIds().stream().map(id -> streams.current().get(id).getUrl()).toList());
        }
    }

    /** As the ClickHouse data source expands them: the template variable, then {@code $__dateFilter(column)}. */
    static String grafanaExpand(String sql, String role, LocalDate from, LocalDate to) {
        return sql.replace("${role}", role)
                .replaceAll("\\$__dateFilter\\((\\w+)\\)", "$1 >= toDate('" + from + "') AND $1 <= toDate('" + to + "')");
    }

    private static List<List<String>> rows(Statement statement, String sql) throws Exception {
        List<List<String>> out = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rows.getString(i));
                }
                out.add(row);
            }
        }
        return out;
    }
}
