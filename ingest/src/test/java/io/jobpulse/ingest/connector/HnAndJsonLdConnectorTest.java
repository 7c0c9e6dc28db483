package io.jobpulse.ingest.connector;

import io.jobpulse.contracts.avro.JobPosting;
import io.jobpulse.contracts.avro.Location;
import io.jobpulse.ingest.connector.hn.HnWhoIsHiringConnector;
import io.jobpulse.ingest.connector.jsonld.JsonLdConnector;
import io.jobpulse.ingest.testing.BoardServer;
import io.jobpulse.ingest.testing.BoardServer.Reply;
import io.jobpulse.ingest.testing.ConnectorHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HnAndJsonLdConnectorTest {

    private final BoardServer server = new BoardServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void hnFindsTheNewestWhoIsHiringThreadAndParsesTheFirstLine() throws Exception {
        server.onJson("/api/v1/search_by_date?tags=story,author_whoishiring&hitsPerPage=30", BoardServer.fixture("hn-search.json"));
        server.onJson("/api/v1/items/46400001", BoardServer.fixture("hn-thread.json"));
        ConnectorHarness.Result result = ConnectorHarness.fetch(new HnWhoIsHiringConnector(), Map.of("base-url", server.url()));

        assertThat(result.outcome()).isInstanceOf(FetchOutcome.Complete.class);
        assertThat(result.drafts()).extracting(PostingDraft::sourceId).containsExactly("46400101", "46400102", "46400104");
        JobPosting p = result.posting("hn", "46400101");
        assertThat(p.getCompany()).isEqualTo("Fluxbase");
        assertThat(p.getTitle()).isEqualTo("Senior Backend Engineer");
        assertThat(p.getLocationRaw()).isEqualTo("Berlin, Germany | REMOTE (EU)");
        assertThat(p.getRemote()).isTrue();
        assertThat(p.getWorkplaceType()).isEqualTo("remote");
        assertThat(p.getSalary().getRaw()).isEqualTo("€90k–€120k");
        assertThat(p.getSalary().getMin()).isEqualTo(90_000.0);
        assertThat(p.getSalary().getMax()).isEqualTo(120_000.0);
        assertThat(p.getSalary().getCurrency()).isEqualTo("EUR");
        assertThat(p.getAttributes()).containsEntry("company_url", "https://fluxbase.example/jobs")
                .containsEntry("author", "founder_ana").containsEntry("thread_id", "46400001");
        assertThat(p.getDescriptionText()).contains("You'll work on the query planner.");
        assertThat(p.getUrl()).isEqualTo("https://news.ycombinator.com/item?id=46400101");
        assertThat(p.getPostedAt()).isEqualTo(Instant.parse("2026-01-02T16:05:00Z"));
        assertThat(p.getBoard()).isEqualTo("46400001");

        JobPosting multi = result.posting("hn", "46400102");
        assertThat(multi.getCompany()).isEqualTo("Paperclip Inc");
        assertThat(multi.getTitle()).isEqualTo("Multiple roles: ML Engineer, Designer");
        assertThat(multi.getWorkplaceType()).isEqualTo("onsite");
        assertThat(multi.getEmploymentType()).isEqualTo("full_time");
        assertThat(multi.getLocations()).extracting(Location::getRaw).containsExactly("San Francisco, CA");

        JobPosting free = result.posting("hn", "46400104");
        assertThat(free.getCompany()).isNull();
        assertThat(free.getTitle()).isEqualTo("We're hiring data engineers in Toronto, message me!");
    }

    @Test
    void jsonLdReadsPostingsFromGraphsAndArraysAndFollowsAllowedLinks() throws Exception {
        server.on("/robots.txt", Reply.of(200, "text/plain", "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8)));
        server.on("/careers", Reply.of(200, "text/html; charset=utf-8", BoardServer.fixture("careers-page.html").getBytes(StandardCharsets.UTF_8)));
        server.on("/jobs/ml-engineer", Reply.of(200, "text/html", BoardServer.fixture("job-detail-page.html").getBytes(StandardCharsets.UTF_8)));
        ConnectorHarness.Result result = ConnectorHarness.fetch(new JsonLdConnector(),
                Map.of("urls", List.of(server.url() + "/careers"), "follow", "/(jobs|private)/"));

        assertThat(server.requests("/private/secret-role")).as("robots.txt disallows it").isEmpty();
        assertThat(result.outcome()).as("a page skipped for robots.txt makes the fetch partial").isInstanceOf(FetchOutcome.Partial.class);
        assertThat(result.drafts()).hasSize(3);
        JobPosting ml = result.posting("jsonld", "127.0.0.1:ML-2026-01");
        assertThat(ml.getTitle()).isEqualTo("Machine Learning Engineer");
        assertThat(ml.getCompany()).isEqualTo("Glacier Labs");
        assertThat(ml.getDescriptionText()).isEqualTo("Train models on satellite imagery.\n\n- PyTorch\n- Kubernetes");
        assertThat(ml.getUrl()).isEqualTo(server.url() + "/jobs/ml-engineer");
        assertThat(ml.getPostedAt()).isEqualTo(Instant.parse("2026-01-03T00:00:00Z"));
        assertThat(ml.getEmploymentType()).isEqualTo("full_time");
        assertThat(ml.getAttributes()).containsEntry("employment_type_raw", "FULL_TIME, CONTRACTOR")
                .containsEntry("valid_through", "2026-03-31T23:59").containsEntry("skills", "PyTorch, Kubernetes");
        assertThat(ml.getLocations()).extracting(Location::getCity, Location::getRegion, Location::getCountry)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Reykjavík", "Capital Region", "IS"),
                        org.assertj.core.groups.Tuple.tuple("Oslo", null, "NO"));
        assertThat(ml.getSalary().getMin()).isEqualTo(70000.0);
        assertThat(ml.getSalary().getMax()).isEqualTo(95000.0);
        assertThat(ml.getSalary().getCurrency()).isEqualTo("EUR");
        assertThat(ml.getSalary().getPeriod()).isEqualTo("year");

        JobPosting writer = result.posting("jsonld", "127.0.0.1:TW-7");
        assertThat(writer.getRemote()).isTrue();
        assertThat(writer.getWorkplaceType()).isEqualTo("remote");
        assertThat(writer.getCompany()).isEqualTo("Glacier Labs");
        assertThat(writer.getDescriptionText()).isEqualTo("Write our docs. Plain text description.");
        assertThat(writer.getSalary().getMin()).isEqualTo(45.0);
        assertThat(writer.getSalary().getPeriod()).isEqualTo("hour");
        assertThat(writer.getSalary().getCurrency()).isEqualTo("CAD");
        assertThat(writer.getAttributes()).containsEntry("applicant_location_requirements", "Canada");
        assertThat(result.posting("jsonld", "127.0.0.1:ML-DETAIL").getLocationRaw()).isEqualTo("Reykjavík, Iceland");
        assertThat(server.requests("/robots.txt")).hasSize(1);
        assertThat(server.requests("/careers").getFirst().header("User-Agent"))
                .startsWith("jobpulse-ingest/").contains("tests@jobpulse.invalid");
    }

    @Test
    void jsonLdSkipsAPageDisallowedForUs() throws Exception {
        server.on("/robots.txt", Reply.of(200, "text/plain",
                "User-agent: *\nAllow: /\n\nUser-agent: jobpulse\nDisallow: /careers\n".getBytes(StandardCharsets.UTF_8)));
        server.on("/careers", Reply.of(200, "text/html", BoardServer.fixture("careers-page.html").getBytes(StandardCharsets.UTF_8)));
        ConnectorHarness.Result result = ConnectorHarness.fetch(new JsonLdConnector(), Map.of("urls", List.of(server.url() + "/careers")));
        assertThat(server.requests("/careers")).isEmpty();
        assertThat(result.drafts()).isEmpty();
        assertThat(result.outcome()).isInstanceOf(FetchOutcome.Partial.class);
    }
}
