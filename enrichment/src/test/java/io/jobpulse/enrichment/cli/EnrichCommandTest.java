package io.jobpulse.enrichment.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobpulse.enrichment.PostingEnricher;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EnrichCommandTest {

    private static final PostingEnricher ENRICHER = PostingEnricher.create();
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int exit, List<String> lines, String stderr) {}

    private static Run run(String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        EnrichCommand cmd = new EnrichCommand(ENRICHER).withStreams(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                out, new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit = new CommandLine(cmd).execute(args);
        String text = out.toString(StandardCharsets.UTF_8);
        return new Run(exit, text.isEmpty() ? List.of() : List.of(text.split("\n")), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void enrichesEveryLineInOrderWithTheAgreedKeys() throws Exception {
        Run r = run("""
                {"id": "a", "title": "Senior Go Engineer", "description": "Remote (US). Kubernetes and Postgres. $150k-$180k", "location": "Austin, TX"}
                {"id": 2, "description": "<p>Hybrid in <b>Berlin</b>, Python</p>", "extra": [1, 2]}
                """);
        assertThat(r.exit()).isZero();
        assertThat(r.lines()).hasSize(2);
        JsonNode a = JSON.readTree(r.lines().get(0));
        assertThat(a.get("id").asText()).isEqualTo("a");
        for (String key : List.of("technologies", "seniority", "roles", "work_mode", "locations", "remote_regions", "salary")) {
            assertThat(a.has(key)).as(key).isTrue();
        }
        assertThat(a.get("technologies").toString()).isEqualTo("[\"Go\",\"Kubernetes\",\"PostgreSQL\"]");
        assertThat(a.get("seniority").toString()).isEqualTo("[\"senior\"]");
        assertThat(a.get("work_mode").toString()).isEqualTo("[\"remote\"]");
        assertThat(a.get("remote_regions").toString()).isEqualTo("[\"US\"]");
        assertThat(a.get("locations").get(0).get("city").asText()).isEqualTo("Austin");
        assertThat(a.get("salary").toString()).isEqualTo("{\"min\":150000,\"max\":180000,\"currency\":\"USD\",\"period\":\"year\"}");
        assertThat(a.get("salary_normalized").get("usd_annual_max").asLong()).isEqualTo(180000);
        assertThat(a.get("technology_evidence").get(0).get("spans").get(0).get(2).asText()).isEqualTo("Go");
        assertThat(a.get("taxonomy_version").asText()).isNotBlank();
        JsonNode b = JSON.readTree(r.lines().get(1));
        assertThat(b.get("id").asText()).isEqualTo("2");
        assertThat(b.get("technologies").toString()).isEqualTo("[\"Python\"]");
        assertThat(b.get("salary").isNull()).isTrue();
    }

    @Test
    void badLinesYieldErrorLinesAndExitOne() throws Exception {
        Run r = run("""
                {"id": "ok1", "description": "Rust"}
                this is not json
                {"description": "no id here"}
                [1, 2]
                {"id": "ok2", "description": "Go, Python"}
                """);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.lines()).hasSize(5);
        assertThat(JSON.readTree(r.lines().get(0)).get("id").asText()).isEqualTo("ok1");
        JsonNode bad = JSON.readTree(r.lines().get(1));
        assertThat(bad.get("line").asInt()).isEqualTo(2);
        assertThat(bad.get("error").asText()).contains("not valid JSON");
        JsonNode noId = JSON.readTree(r.lines().get(2));
        assertThat(noId.get("line").asInt()).isEqualTo(3);
        assertThat(noId.get("error").asText()).contains("missing id");
        assertThat(JSON.readTree(r.lines().get(3)).get("error").asText()).contains("not a JSON object");
        assertThat(JSON.readTree(r.lines().get(4)).get("id").asText()).isEqualTo("ok2");
        assertThat(r.stderr()).contains("2 rejected".replace("2", "3"));
    }

    @Test
    void filesInAndOut(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.jsonl");
        Path out = dir.resolve("out.jsonl");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            sb.append("{\"id\": \"p").append(i).append("\", \"description\": \"Kotlin ").append(i).append("\"}\n");
        }
        Files.writeString(in, sb);
        Run r = run("", "--input", in.toString(), "--output", out.toString());
        assertThat(r.exit()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(50);
        for (int i = 0; i < 50; i++) {
            assertThat(JSON.readTree(lines.get(i)).get("id").asText()).isEqualTo("p" + i);
        }
    }

    @Test
    void emptyInputIsFine() {
        Run r = run("");
        assertThat(r.exit()).isZero();
        assertThat(r.lines()).isEmpty();
    }
}
