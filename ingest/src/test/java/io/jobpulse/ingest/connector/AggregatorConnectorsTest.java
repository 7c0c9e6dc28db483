package io.jobpulse.ingest.connector;

import io.jobpulse.contracts.avro.JobPosting;
import io.jobpulse.contracts.avro.Location;
import io.jobpulse.ingest.connector.arbeitnow.ArbeitnowConnector;
import io.jobpulse.ingest.connector.remoteok.RemoteOkConnector;
import io.jobpulse.ingest.connector.remotive.RemotiveConnector;
import io.jobpulse.ingest.connector.themuse.TheMuseConnector;
import io.jobpulse.ingest.testing.BoardServer;
import io.jobpulse.ingest.testing.BoardServer.Reply;
import io.jobpulse.ingest.testing.ConnectorHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Remotive, Arbeitnow, Remote OK and The Muse. */
class AggregatorConnectorsTest {

    private final BoardServer server = new BoardServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void remotiveMapsRemoteJobsWithSalaryTextAndCategoryFilter() throws Exception {
        server.onJson("/api/remote-jobs?category=software-dev", BoardServer.fixture("remotive-jobs.json"));
        ConnectorHarness.Result result = ConnectorHarness.fetch(new RemotiveConnector(),
                Map.of("category", "software-dev", "base-url", server.url()));
        JobPosting p = result.posting("remotive", "1987654");
        assertThat(p.getId()).isEqualTo("remotive:1987654");
        assertThat(p.getTitle()).isEqualTo("Senior Rust Engineer");
        assertThat(p.getCompany()).isEqualTo("Ferrous Labs");
        assertThat(p.getDescriptionText()).isEqualTo("Work on our storage engine.\n\nAsync Rust, lots of it.");
        assertThat(p.getUrl()).isEqualTo("https://remotive.com/remote-jobs/software-dev/senior-rust-engineer-1987654");
        assertThat(p.getPostedAt()).isEqualTo(Instant.parse("2026-01-11T14:05:33Z"));
        assertThat(p.getEmploymentType()).isEqualTo("full_time");
        assertThat(p.getRemote()).isTrue();
        assertThat(p.getWorkplaceType()).isEqualTo("remote");
        assertThat(p.getLocationRaw()).isEqualTo("Europe, UK");
        assertThat(p.getDepartment()).isEqualTo("Software Development");
        assertThat(p.getTags()).containsExactly("rust", "tokio", "postgres");
        assertThat(p.getSalary().getRaw()).isEqualTo("$120k - $150k");
        assertThat(p.getSalary().getMin()).isEqualTo(120_000.0);
        assertThat(p.getSalary().getMax()).isEqualTo(150_000.0);
        assertThat(p.getSalary().getCurrency()).isEqualTo("USD");
        assertThat(p.getAttributes()).containsEntry("credit", "Remotive");
        JobPosting es = result.posting("remotive", "1987655");
        assertThat(es.getSalary()).isNull();
        assertThat(es.getDescriptionText()).isEqualTo("Escribe artículos sobre tecnología.");
        assertThat(new RemotiveConnector().defaultMinInterval()).hasHours(6);
    }

    @Test
    void arbeitnowFollowsLinksNextToTheEnd() throws Exception {
        String page2 = server.url() + "/api/job-board-api?page=2";
        server.onJson("/api/job-board-api", BoardServer.fixture("arbeitnow-page1.json").replace("\"PAGE2\"", "\"" + page2 + "\""));
        server.onJson("/api/job-board-api?page=2", BoardServer.fixture("arbeitnow-page2.json").replace("\"PAGE1\"", "null"));
        ConnectorHarness.Result result = ConnectorHarness.fetch(new ArbeitnowConnector(), Map.of("base-url", server.url()));
        assertThat(result.outcome()).isInstanceOf(FetchOutcome.Complete.class);
        assertThat(result.drafts()).hasSize(2);
        JobPosting p = result.posting("arbeitnow", "devops-engineer-berlin-12345");
        assertThat(p.getTitle()).isEqualTo("DevOps Engineer (m/w/d)");
        assertThat(p.getCompany()).isEqualTo("Spree Cloud GmbH");
        assertThat(p.getDescriptionText()).isEqualTo("Kubernetes, Terraform, AWS.\n\nDeutsch C1 wünschenswert.");
        assertThat(p.getPostedAt()).isEqualTo(Instant.ofEpochSecond(1767600000));
        assertThat(p.getEmploymentType()).isEqualTo("full_time");
        assertThat(p.getAttributes()).containsEntry("job_types", "full time, permanent");
        assertThat(p.getRemote()).isFalse();
        assertThat(p.getLocationRaw()).isEqualTo("Berlin");
        JobPosting ws = result.posting("arbeitnow", "werkstudent-marketing-hamburg-67890");
        assertThat(ws.getRemote()).isTrue();
        assertThat(ws.getEmploymentType()).isEqualTo("other");
        assertThat(ws.getAttributes()).containsEntry("employment_type_raw", "working student");
    }

    @Test
    void arbeitnowPagingThatLoopsBackStopsAsPartial() throws Exception {
        String self = server.url() + "/api/job-board-api?page=2";
        server.onJson("/api/job-board-api", BoardServer.fixture("arbeitnow-page1.json").replace("\"PAGE2\"", "\"" + self + "\""));
        server.onJson("/api/job-board-api?page=2", BoardServer.fixture("arbeitnow-page2.json").replace("null}", "\"" + self + "\"}")
                .replace("\"next\": null", "\"next\": \"" + self + "\""));
        ConnectorHarness.Result result = ConnectorHarness.fetch(new ArbeitnowConnector(), Map.of("base-url", server.url()));
        assertThat(result.outcome()).isInstanceOfSatisfying(FetchOutcome.Partial.class,
                p -> assertThat(p.reason()).contains("loops"));
        assertThat(server.requests("/api/job-board-api?page=2")).hasSize(1);
    }

    @Test
    void remoteOkSkipsTheLegalNoticeAndReadsUsdSalaries() throws Exception {
        server.onJson("/api", BoardServer.fixture("remoteok-api.json"));
        ConnectorHarness.Result result = ConnectorHarness.fetch(new RemoteOkConnector(), Map.of("base-url", server.url()));
        assertThat(result.rejected()).isEmpty();
        assertThat(result.drafts()).hasSize(2);
        JobPosting p = result.posting("remoteok", "1102233");
        assertThat(p.getTitle()).isEqualTo("Senior Python Developer");
        assertThat(p.getCompany()).isEqualTo("Acme Analytics");
        assertThat(p.getDescriptionText()).isEqualTo("Build APIs & data pipelines.\n\nTimezone: UTC±3");
        assertThat(p.getUrl()).isEqualTo("https://remoteOK.com/remote-jobs/remote-senior-python-developer-acme-1102233");
        assertThat(p.getApplyUrl()).endsWith("/apply");
        assertThat(p.getPostedAt()).isEqualTo(Instant.parse("2026-01-07T01:40:00Z"));
        assertThat(p.getSalary().getMin()).isEqualTo(90000.0);
        assertThat(p.getSalary().getMax()).isEqualTo(130000.0);
        assertThat(p.getSalary().getCurrency()).isEqualTo("USD");
        assertThat(p.getSalary().getPeriod()).isEqualTo("year");
        assertThat(p.getTags()).containsExactly("python", "django", "senior");
        assertThat(p.getLocationRaw()).isEqualTo("Worldwide");
        assertThat(result.posting("remoteok", "1102244").getSalary()).as("zero means not stated").isNull();
    }

    @Test
    void theMusePagesUpToPageCountAndHonoursMaxPages() throws Exception {
        server.onJson("/api/public/jobs?page=0&category=Software%20Engineering", BoardServer.fixture("themuse-page0.json"));
        server.onJson("/api/public/jobs?page=1&category=Software%20Engineering", BoardServer.fixture("themuse-page1.json"));
        ConnectorHarness.Result result = ConnectorHarness.fetch(new TheMuseConnector(),
                Map.of("category", List.of("Software Engineering"), "base-url", server.url()));
        assertThat(result.outcome()).isInstanceOf(FetchOutcome.Complete.class);
        JobPosting p = result.posting("themuse", "11223344");
        assertThat(p.getTitle()).isEqualTo("Engineering Manager, iOS");
        assertThat(p.getCompany()).isEqualTo("Big Apple Apps");
        assertThat(p.getDescriptionText()).isEqualTo("Lead our iOS team.\n\n- Swift\n- Mentoring");
        assertThat(p.getUrl()).isEqualTo("https://www.themuse.com/jobs/bigapple/engineering-manager-ios");
        assertThat(p.getPostedAt()).isEqualTo(Instant.parse("2026-01-06T17:45:12Z"));
        assertThat(p.getLocations()).extracting(Location::getRaw, Location::getRemote)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("New York, NY", null),
                        org.assertj.core.groups.Tuple.tuple("Flexible / Remote", true));
        assertThat(p.getRemote()).isTrue();
        assertThat(p.getDepartment()).isEqualTo("Software Engineering");
        assertThat(p.getAttributes()).containsEntry("level", "Senior Level").containsEntry("credit", "The Muse");
        assertThat(result.posting("themuse", "11223355").getCompany()).isEqualTo("Lumière SAS");

        ConnectorHarness.Result capped = ConnectorHarness.fetch(new TheMuseConnector(),
                Map.of("category", List.of("Software Engineering"), "max-pages", 1, "base-url", server.url()));
        assertThat(capped.outcome()).isInstanceOf(FetchOutcome.Partial.class);
        assertThat(capped.drafts()).hasSize(1);
    }

    @Test
    void honoursRetryAfterOn429() throws Exception {
        server.on("/api", Reply.status(429).header("Retry-After", "1"), Reply.json(BoardServer.fixture("remoteok-api.json")));
        ConnectorHarness.Result result = ConnectorHarness.fetch(new RemoteOkConnector(), Map.of("base-url", server.url()));
        assertThat(result.drafts()).hasSize(2);
        List<BoardServer.Received> requests = server.requests("/api");
        assertThat(requests).hasSize(2);
        assertThat((requests.get(1).atNanos() - requests.get(0).atNanos()) / 1_000_000).isGreaterThanOrEqualTo(950);
    }
}
