package io.jobpulse.ingest.connector;

import io.jobpulse.contracts.avro.JobPosting;
import io.jobpulse.ingest.connector.greenhouse.GreenhouseConnector;
import io.jobpulse.ingest.http.Validators;
import io.jobpulse.ingest.testing.BoardServer;
import io.jobpulse.ingest.testing.BoardServer.Reply;
import io.jobpulse.ingest.testing.ConnectorHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GreenhouseConnectorTest {

    private static final String PATH = "/v1/boards/acme/jobs?content=true";
    private final BoardServer server = new BoardServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private ConnectorHarness.Result fetch() throws Exception {
        return ConnectorHarness.fetch(new GreenhouseConnector(), Map.of("board", "acme", "base-url", server.url()));
    }

    @Test
    void mapsEveryFieldOfTheDocumentedFormat() throws Exception {
        server.on(PATH, Reply.json(BoardServer.fixture("greenhouse-jobs.json")).header("ETag", "\"v1\""));
        ConnectorHarness.Result result = fetch();

        assertThat(result.outcome()).isInstanceOf(FetchOutcome.Complete.class);
        assertThat(result.drafts()).hasSize(2);
        JobPosting p = result.posting("greenhouse", "acme:4012345");
        assertThat(p.getId()).isEqualTo("greenhouse:acme:4012345");
        assertThat(p.getBoard()).isEqualTo("acme");
        assertThat(p.getTitle()).isEqualTo("Senior Backend Engineer, Payments");
        assertThat(p.getCompany()).isEqualTo("Acme Robotics");
        assertThat(p.getUrl()).isEqualTo("https://boards.greenhouse.io/acme/jobs/4012345");
        // content=true escapes the HTML once: it is unescaped, rendered to text, and scripts are gone.
        assertThat(p.getDescriptionText()).isEqualTo("""
                Acme builds robots that fold laundry.

                What you'll do

                - Design our ledger in Java & Kafka
                - Own payouts end to end

                Salary: $170,000 – $230,000""");
        assertThat(p.getDescriptionHtml()).contains("<strong>fold laundry</strong>").doesNotContain("script");
        assertThat(p.getPostedAt()).isEqualTo(Instant.parse("2025-12-01T14:30:00Z"));
        assertThat(p.getUpdatedAt()).isEqualTo(Instant.parse("2026-01-10T18:44:00Z"));
        assertThat(p.getLocationRaw()).isEqualTo("San Francisco, CA; New York, NY");
        assertThat(p.getLocations()).extracting(l -> l.getRaw()).containsExactly("San Francisco, CA", "New York, NY");
        assertThat(p.getEmploymentType()).isEqualTo("full_time");
        assertThat(p.getDepartment()).isEqualTo("Engineering");
        assertThat(p.getLanguage()).isEqualTo("en");
        assertThat(p.getSalary().getMin()).isEqualTo(170_000.0);
        assertThat(p.getSalary().getMax()).isEqualTo(230_000.0);
        assertThat(p.getSalary().getCurrency()).isEqualTo("USD");
        assertThat(p.getSalary().getPeriod()).isEqualTo("year");
        assertThat(p.getAttributes()).containsEntry("requisition_id", "ENG-142")
                .containsEntry("internal_job_id", "2054321")
                .containsEntry("metadata.Level", "Senior, Staff");

        JobPosting de = result.posting("greenhouse", "acme:4012999");
        assertThat(de.getTitle()).isEqualTo("Werkstudent (m/w/d) Datenanalyse");
        assertThat(de.getDescriptionText()).contains("Verstärkung für unser Team in München").contains("Ärger mit Wäsche?");
        assertThat(de.getLanguage()).isEqualTo("de");
        assertThat(de.getSalary()).isNull();
        assertThat(result.validators()).containsValue(new Validators("\"v1\"", null));
    }

    @Test
    void sendsTheEtagBackAndTreats304AsNotModified() throws Exception {
        server.on(PATH, Reply.status(304));
        ConnectorHarness.Result result = ConnectorHarness.fetch(new GreenhouseConnector(),
                Map.of("board", "acme", "base-url", server.url()),
                Map.of(server.url() + PATH, new Validators("\"v1\"", "Sat, 10 Jan 2026 10:00:00 GMT")));
        assertThat(result.outcome()).isInstanceOf(FetchOutcome.NotModified.class);
        assertThat(server.requests(PATH).getFirst().header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(server.requests(PATH).getFirst().header("If-Modified-Since")).isEqualTo("Sat, 10 Jan 2026 10:00:00 GMT");
    }

    @Test
    void retriesServerErrorsThenSucceeds() throws Exception {
        server.on(PATH, Reply.status(503), Reply.status(502), Reply.json(BoardServer.fixture("greenhouse-jobs.json")));
        assertThat(fetch().drafts()).hasSize(2);
        assertThat(server.requests(PATH)).hasSize(3);
    }

    @Test
    void malformedJsonIsOneRejectionAndAPartialFetch() throws Exception {
        server.on(PATH, Reply.json("{\"jobs\": [ {\"id\": 1, \"title\": "));
        ConnectorHarness.Result result = fetch();
        assertThat(result.outcome()).isInstanceOf(FetchOutcome.Partial.class);
        assertThat(result.rejected()).singleElement().satisfies(r -> {
            assertThat(r.sourceId()).isNull();
            assertThat(r.reason()).startsWith("malformed JSON");
            assertThat(r.rawPayload().get()).startsWith("{\"jobs\"");
        });
    }

    @Test
    void wrongTypesReadAsAbsentAndItemsWithoutIdAreRejected() throws Exception {
        server.onJson(PATH, """
                {"jobs": [
                  {"id": 1, "title": ["not", "a", "string"], "content": "&lt;p&gt;x&lt;/p&gt;", "location": "not an object"},
                  {"title": "no id"},
                  "not an object"
                ]}""");
        ConnectorHarness.Result result = fetch();
        assertThat(result.drafts()).singleElement().satisfies(d -> {
            assertThat(d.title()).isNull();
            assertThat(d.locationRaw()).isNull();
        });
        assertThat(result.rejected()).hasSize(2);
    }

    @Test
    void aBoardThatDoesNotExistFailsWithoutRetrying() {
        server.on(PATH, Reply.status(404));
        org.assertj.core.api.Assertions.assertThatThrownBy(this::fetch)
                .isInstanceOf(io.jobpulse.ingest.http.HttpFetchException.class).hasMessageContaining("404");
        assertThat(server.requests(PATH)).hasSize(1);
    }
}
