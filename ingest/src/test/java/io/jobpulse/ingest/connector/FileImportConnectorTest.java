package io.jobpulse.ingest.connector;

import io.jobpulse.contracts.avro.JobPosting;
import io.jobpulse.ingest.connector.file.FileImportConnector;
import io.jobpulse.ingest.testing.BoardServer;
import io.jobpulse.ingest.testing.ConnectorHarness;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FileImportConnectorTest {

    @Test
    void readsJsonLinesInTheCanonicalShapeAndRejectsBadLinesOneByOne() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes("""
                {"source_id":"p1","title":"Kotlin Developer","company":"Fjord AS","description_html":"<p>Kotlin &amp; Ktor</p>","url":"https://fjord.example/jobs/p1","posted_at":"2026-01-02T10:00:00Z","locations":[{"raw":"Oslo, Norway","city":"Oslo","country":"NO"}],"remote":false,"employment_type":"FULL_TIME","salary":{"min":700000,"max":900000,"currency":"NOK","period":"year"},"tags":["kotlin"],"attributes":{"source_board":"fjord careers"}}
                {"source_id":"p2","title":"Broken
                not json at all
                {"title":"no id","description_text":"x"}

                """.getBytes(StandardCharsets.UTF_8));
        file.writeBytes("{\"source_id\":\"p3\",\"title\":\"Bad \u00ff bytes\",\"description_text\":\"x\"}\n".getBytes(StandardCharsets.ISO_8859_1));
        file.writeBytes("{\"source_id\":\"p4\",\"title\":\"Plain\",\"description_text\":\"Line one\\nLine two\"}".getBytes(StandardCharsets.UTF_8));
        Path path = BoardServer.writeTemp("import-", ".jsonl", file.toByteArray());

        ConnectorHarness.Result result = ConnectorHarness.fetch(new FileImportConnector(), Map.of("path", path.toString(), "board", "fjord"));
        assertThat(result.drafts()).extracting(PostingDraft::sourceId).containsExactly("fjord:p1", "fjord:p4");
        JobPosting p = result.posting("file", "fjord:p1");
        assertThat(p.getId()).isEqualTo("file:fjord:p1");
        assertThat(p.getTitle()).isEqualTo("Kotlin Developer");
        assertThat(p.getDescriptionText()).isEqualTo("Kotlin & Ktor");
        assertThat(p.getPostedAt()).isEqualTo(Instant.parse("2026-01-02T10:00:00Z"));
        assertThat(p.getLocations().getFirst().getCity()).isEqualTo("Oslo");
        assertThat(p.getSalary().getCurrency()).isEqualTo("NOK");
        assertThat(p.getEmploymentType()).isEqualTo("full_time");
        assertThat(p.getAttributes()).containsEntry("source_board", "fjord careers");
        assertThat(result.posting("file", "fjord:p4").getDescriptionText()).isEqualTo("Line one\nLine two");

        assertThat(result.rejected()).hasSize(4);
        assertThat(result.rejected()).extracting(FetchedItem.Rejected::sourceId).containsExactly("p2", null, null, "p3");
        assertThat(result.rejected().get(3).reason()).startsWith("invalid UTF-8 on line 6");
    }

    @Test
    void readsCsvWithQuotedMultilineFields() throws Exception {
        String csv = "source_id,title,company,description_html,url,posted_at,city,country,salary_min,salary_max,salary_currency,salary_period,tags,team\n"
                + "c1,\"Analyst, Finance\",Zeta,\"<p>Line one</p>\n<p>Line \"\"two\"\"</p>\",https://zeta.example/c1,2026-01-03,Madrid,ES,40000,50000,EUR,year,excel;sql,FP&A\n"
                + "c2,Only title\n"
                + ",No id,Zeta,<p>x</p>,,,,,,,,,,\n";
        Path path = BoardServer.writeTemp("zeta-", ".csv", csv.getBytes(StandardCharsets.UTF_8));
        ConnectorHarness.Result result = ConnectorHarness.fetch(new FileImportConnector(), Map.of("path", path.toString()));
        String board = path.getFileName().toString().substring(0, path.getFileName().toString().indexOf('.'));
        JobPosting p = result.posting("file", board + ":c1");
        assertThat(p.getTitle()).isEqualTo("Analyst, Finance");
        assertThat(p.getDescriptionText()).isEqualTo("Line one\n\nLine \"two\"");
        assertThat(p.getLocations().getFirst().getRaw()).isEqualTo("Madrid, ES");
        assertThat(p.getSalary().getMin()).isEqualTo(40000.0);
        assertThat(p.getTags()).containsExactly("excel", "sql");
        assertThat(p.getAttributes()).containsEntry("team", "FP&A");
        assertThat(result.rejected()).extracting(FetchedItem.Rejected::sourceId).containsExactly("c2", null);
    }
}
