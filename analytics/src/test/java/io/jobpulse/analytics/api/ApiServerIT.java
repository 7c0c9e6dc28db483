package io.jobpulse.analytics.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobpulse.analytics.ClickHouseSettings;
import io.jobpulse.analytics.schema.SchemaMigrator;
import io.jobpulse.analytics.testing.ApiClient;
import io.jobpulse.embedded.testing.TestClickHouse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The HTTP surface against the embedded ClickHouse: validation (400 before any SQL), headers, health, OpenAPI, pages. */
class ApiServerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ApiServer api;
    private static ApiClient client;

    @BeforeAll
    static void start() throws Exception {
        String database = TestClickHouse.createDatabase("api");
        ClickHouseSettings settings = new ClickHouseSettings(TestClickHouse.jdbcUrl(), database, "default", "");
        new SchemaMigrator(settings).migrate();
        api = ApiServer.start(settings, 0, Clock.systemUTC(), () -> null);
        client = new ApiClient(api.port());
    }

    @AfterAll
    static void stop() {
        client.close();
        api.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/api/roles/backend/summary?window=31d | window",
            "/api/roles/backend/summary?window=30d%27%3B%20DROP%20TABLE%20postings%3B-- | window",
            "/api/roles/backend%27%20OR%201%3D1--/summary | role",
            "/api/roles/%27%3B%20SELECT%201/summary?window=7d | role",
            "/api/roles/astronaut/summary | role",
            "/api/roles/backend/summary?window=30d&window=7d | window",
            "/api/roles/backend/summary?windw=30d | windw",
            "/api/trends/technologies | technology",
            "/api/trends/technologies?technology=Java%27)%20OR%20(1%3D1 | technology",
            "/api/trends/technologies?technology=Java&role=admin | role",
            "/api/trends/technologies?technology=A,B,C,D,E,F,G,H,I,J,K | technology",
            "/api/postings?country=de | country",
            "/api/postings?country=DE%27-- | country",
            "/api/postings?seniority=god | seniority",
            "/api/postings?remote=yes | remote",
            "/api/postings?limit=1000 | limit",
            "/api/postings?limit=abc | limit",
            "/api/postings?limit=-1 | limit",
            "/api/postings?technology=%25%27%20UNION%20SELECT%20name%20FROM%20system.tables-- | technology",
            "/api/postings?role=backend%00 | role",
            "/api/postings?window=7d%27%20OR%20%271%27%3D%271 | window",
    })
    void malformedParametersAre400sAndNeverReachClickHouse(String path, String parameter) throws Exception {
        long before = api.queries().statementsExecuted();
        HttpResponse<String> response = client.get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("parameter").asText()).isEqualTo(parameter);
        assertThat(body.get("error").asText()).isNotBlank();
        assertThat(api.queries().statementsExecuted()).isEqualTo(before);
    }

    @Test
    void validRequestsAnswerJsonWithCachingHeaders() throws Exception {
        HttpResponse<String> response = client.get("/api/roles/backend/summary?window=90d");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("role").asText()).isEqualTo("backend");
        assertThat(body.get("window").asText()).isEqualTo("90d");
        assertThat(body.get("postings").asLong()).isZero();
        assertThat(client.json("/api/trends/technologies?technology=C%2B%2B,Go&window=30d").get("series")).hasSize(2);
        assertThat(client.json("/api/postings?role=backend&technology=C%23&country=DE&seniority=senior&remote=true&limit=5")
                .get("count").asInt()).isZero();
        assertThat(client.json("/api/roles").get("roles")).hasSize(RoleFamilies.ALL.size());
    }

    @Test
    void healthReportsClickHouse() throws Exception {
        HttpResponse<String> response = client.get("/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(JSON.readTree(response.body()).get("status").asText()).isEqualTo("ok");
    }

    @Test
    void theOpenApiDocumentDescribesEveryRouteAndEachAnswers() throws Exception {
        JsonNode doc = client.json("/openapi.json");
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        List<String> paths = iterate(doc.get("paths").fieldNames());
        assertThat(paths).contains("/health", "/api/roles/{role}/summary", "/api/trends/technologies", "/api/postings", "/roles/{role}");
        for (String path : paths) {
            String concrete = path.replace("{role}", "backend") + (path.contains("trends") ? "?technology=Java" : "");
            assertThat(client.get(concrete).statusCode()).as(concrete).isEqualTo(200);
        }
    }

    @Test
    void pagesAssetsAndErrors() throws Exception {
        HttpResponse<String> page = client.get("/roles/data_engineering");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/assets/chart.umd.min.js").doesNotContain("http://cdn").doesNotContain("https://");
        assertThat(client.get("/assets/chart.umd.min.js").body()).contains("Chart.js v4");
        assertThat(client.get("/assets/chart.js-LICENSE.md").body()).contains("MIT");
        assertThat(client.get("/roles/astronaut").statusCode()).isEqualTo(404);
        assertThat(client.get("/assets/../../pom.xml").statusCode()).isEqualTo(404);
        assertThat(client.get("/nothing-here").statusCode()).isEqualTo(404);
        try (HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
            HttpResponse<String> root = http.send(HttpRequest.newBuilder(URI.create(client.base() + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(root.statusCode()).isEqualTo(302);
            assertThat(root.headers().firstValue("Location")).hasValue("/roles/backend");
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(client.base() + "/api/roles"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
        }
    }

    private static List<String> iterate(Iterator<String> names) {
        List<String> out = new java.util.ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }
}
