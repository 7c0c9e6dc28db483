package io.jobpulse.ingest.connector;

import io.jobpulse.contracts.avro.JobPosting;
import io.jobpulse.contracts.avro.Location;
import io.jobpulse.ingest.connector.ashby.AshbyConnector;
import io.jobpulse.ingest.connector.personio.PersonioConnector;
import io.jobpulse.ingest.connector.recruitee.RecruiteeConnector;
import io.jobpulse.ingest.connector.workable.WorkableConnector;
import io.jobpulse.ingest.testing.BoardServer;
import io.jobpulse.ingest.testing.BoardServer.Reply;
import io.jobpulse.ingest.testing.ConnectorHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The single-document board APIs: Ashby, Workable, Recruitee (JSON) and Personio (XML). */
class AshbyWorkableRecruiteePersonioTest {

    private final BoardServer server = new BoardServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void ashbyMapsCompensationAddressesAndSkipsUnlistedJobs() throws Exception {
        server.onJson("/posting-api/job-board/example?includeCompensation=true", BoardServer.fixture("ashby-board.json"));
        ConnectorHarness.Result result = ConnectorHarness.fetch(new AshbyConnector(),
                Map.of("board", "example", "company", "Example Inc", "base-url", server.url()));

        assertThat(result.outcome()).isInstanceOf(FetchOutcome.Complete.class);
        assertThat(result.drafts()).extracting(PostingDraft::sourceId)
                .containsExactly("example:7f1c0b8e-aaaa-4f00-9000-000000000001", "example:7f1c0b8e-aaaa-4f00-9000-000000000003");
        JobPosting p = result.posting("ashby", "example:7f1c0b8e-aaaa-4f00-9000-000000000001");
        assertThat(p.getTitle()).isEqualTo("Product Designer");
        assertThat(p.getCompany()).isEqualTo("Example Inc");
        assertThat(p.getDescriptionText()).isEqualTo("Design the checkout flow.\n\n- Figma\n- User research");
        assertThat(p.getUrl()).isEqualTo("https://jobs.ashbyhq.com/example/7f1c0b8e-aaaa-4f00-9000-000000000001");
        assertThat(p.getApplyUrl()).endsWith("/application");
        assertThat(p.getPostedAt()).isEqualTo(Instant.parse("2026-01-08T16:21:55.393Z"));
        assertThat(p.getEmploymentType()).isEqualTo("full_time");
        assertThat(p.getWorkplaceType()).isEqualTo("hybrid");
        assertThat(p.getRemote()).isFalse();
        assertThat(p.getDepartment()).isEqualTo("Design");
        assertThat(p.getAttributes()).containsEntry("team", "Growth");
        assertThat(p.getLocations()).extracting(Location::getRaw, Location::getCity, Location::getRegion, Location::getCountry)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Houston, TX", "Houston", "Texas", "USA"),
                        org.assertj.core.groups.Tuple.tuple("San Francisco", "San Francisco", "California", "USA"));
        assertThat(p.getSalary().getMin()).isEqualTo(81000.0);
        assertThat(p.getSalary().getMax()).isEqualTo(87000.0);
        assertThat(p.getSalary().getCurrency()).isEqualTo("USD");
        assertThat(p.getSalary().getPeriod()).isEqualTo("year");
        assertThat(p.getSalary().getRaw()).isEqualTo("$81K – $87K • 0.5% – 1.75%");

        JobPosting jp = result.posting("ashby", "example:7f1c0b8e-aaaa-4f00-9000-000000000003");
        assertThat(jp.getLocations().getFirst().getRaw()).isEqualTo("東京");
        assertThat(jp.getDescriptionText()).isEqualTo("日本のお客様をサポートします。");
        assertThat(jp.getRemote()).isTrue();
        assertThat(jp.getEmploymentType()).isEqualTo("contract");
    }

    @Test
    void workableUsesTheAccountNameAndVisibleLocations() throws Exception {
        server.onJson("/api/v1/widget/accounts/nordlicht?details=true", BoardServer.fixture("workable-account.json"));
        ConnectorHarness.Result result = ConnectorHarness.fetch(new WorkableConnector(),
                Map.of("account", "nordlicht", "base-url", server.url()));
        JobPosting p = result.posting("workable", "nordlicht:A1B2C3D4E5");
        assertThat(p.getTitle()).isEqualTo("Frontend Developer (React)");
        assertThat(p.getCompany()).isEqualTo("Nordlicht GmbH");
        assertThat(p.getDescriptionText()).isEqualTo("Build our shop with React & TypeScript.\n\nDeutschkenntnisse sind ein Plus.");
        assertThat(p.getUrl()).isEqualTo("https://apply.workable.com/j/A1B2C3D4E5");
        assertThat(p.getApplyUrl()).isEqualTo("https://apply.workable.com/j/A1B2C3D4E5/apply");
        assertThat(p.getPostedAt()).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
        assertThat(p.getEmploymentType()).isEqualTo("full_time");
        assertThat(p.getRemote()).isFalse();
        assertThat(p.getLocationRaw()).isEqualTo("Berlin, Germany");
        assertThat(p.getLocations()).extracting(Location::getRaw)
                .containsExactly("Berlin, Germany", "Wien, Austria").doesNotContain("Zürich, Switzerland");
        assertThat(p.getLocations().get(1).getCountry()).isEqualTo("AT");
        assertThat(p.getAttributes()).containsEntry("experience", "Mid-Senior level").containsEntry("code", "FE-07")
                .containsEntry("industry", "Consumer Electronics");
        JobPosting remote = result.posting("workable", "nordlicht:Z9Y8X7W6V5");
        assertThat(remote.getRemote()).isTrue();
        assertThat(remote.getWorkplaceType()).isEqualTo("remote");
        assertThat(remote.getEmploymentType()).isEqualTo("part_time");
    }

    @Test
    void recruiteeMapsSalaryWorkplaceAndSkipsDrafts() throws Exception {
        server.onJson("/api/offers/", BoardServer.fixture("recruitee-offers.json"));
        ConnectorHarness.Result result = ConnectorHarness.fetch(new RecruiteeConnector(),
                Map.of("company", "tulpsoft", "base-url", server.url()));
        assertThat(result.drafts()).hasSize(1);
        JobPosting p = result.posting("recruitee", "tulpsoft:1489203");
        assertThat(p.getTitle()).isEqualTo("Backend Developer (Go)");
        assertThat(p.getCompany()).isEqualTo("Tulpsoft B.V.");
        assertThat(p.getDescriptionText()).isEqualTo("Je bouwt onze API's in Go.\n\nRequirements\n\n- 3+ jaar ervaring\n- Nederlands of Engels");
        assertThat(p.getUrl()).isEqualTo("https://tulpsoft.recruitee.com/o/backend-developer-go");
        assertThat(p.getApplyUrl()).isEqualTo("https://tulpsoft.recruitee.com/o/backend-developer-go/c/new");
        assertThat(p.getPostedAt()).isEqualTo(Instant.parse("2026-01-05T10:00:00Z"));
        assertThat(p.getUpdatedAt()).isEqualTo(Instant.parse("2026-01-09T15:30:00Z"));
        assertThat(p.getWorkplaceType()).isEqualTo("hybrid");
        assertThat(p.getRemote()).isFalse();
        assertThat(p.getEmploymentType()).isEqualTo("full_time");
        assertThat(p.getLocations()).extracting(Location::getRaw, Location::getCity, Location::getRegion, Location::getCountry)
                .contains(org.assertj.core.groups.Tuple.tuple("Rotterdam", "Rotterdam", "South Holland", "NL"));
        assertThat(p.getSalary().getMin()).isEqualTo(55000.0);
        assertThat(p.getSalary().getMax()).isEqualTo(72000.0);
        assertThat(p.getSalary().getCurrency()).isEqualTo("EUR");
        assertThat(p.getSalary().getPeriod()).isEqualTo("year");
        assertThat(p.getTags()).containsExactly("go", "postgres");
        assertThat(p.getAttributes()).containsEntry("experience", "mid_level").containsEntry("min_hours", "32");
    }

    @Test
    void personioReadsTheXmlFeedSectionsAndOffices() throws Exception {
        server.on("/xml?language=de", Reply.of(200, "application/xml; charset=utf-8",
                BoardServer.fixture("personio-feed.xml").getBytes(StandardCharsets.UTF_8)));
        ConnectorHarness.Result result = ConnectorHarness.fetch(new PersonioConnector(),
                Map.of("company", "bergwerk", "language", "de", "base-url", server.url()));
        assertThat(result.outcome()).isInstanceOf(FetchOutcome.Complete.class);
        JobPosting p = result.posting("personio", "bergwerk:1234567");
        assertThat(p.getTitle()).isEqualTo("Senior Java Entwickler (m/w/d)");
        assertThat(p.getCompany()).isEqualTo("Bergwerk Software GmbH");
        assertThat(p.getDescriptionText()).isEqualTo("""
                Deine Aufgaben

                - Du entwickelst Microservices mit Java & Kafka
                - Du verbesserst unsere CI

                Dein Profil

                5+ Jahre Erfahrung. Gehalt: 70.000 € – 90.000 € p.a.""");
        assertThat(p.getUrl()).isEqualTo(server.url() + "/job/1234567?language=de");
        assertThat(p.getLanguage()).isEqualTo("de");
        assertThat(p.getLocations()).extracting(Location::getRaw).containsExactly("München", "Berlin", "Remote (Deutschland)");
        assertThat(p.getEmploymentType()).isEqualTo("full_time");
        assertThat(p.getDepartment()).isEqualTo("Engineering");
        assertThat(p.getPostedAt()).isEqualTo(Instant.parse("2026-01-07T08:15:00Z"));
        assertThat(p.getTags()).containsExactly("java", "kafka", "spring");
        assertThat(p.getAttributes()).containsEntry("seniority", "experienced").containsEntry("years_of_experience", "5-7");
        JobPosting intern = result.posting("personio", "bergwerk:1234999");
        assertThat(intern.getEmploymentType()).isEqualTo("internship");
        assertThat(intern.getCompany()).isEqualTo("bergwerk");
    }

    @Test
    void personioRefusesExternalEntitiesAndMalformedXml() throws Exception {
        server.on("/xml?language=en", Reply.of(200, "application/xml",
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><workzag-jobs><position><id>1</id><name>&e;</name></position></workzag-jobs>"
                        .getBytes(StandardCharsets.UTF_8)));
        ConnectorHarness.Result result = ConnectorHarness.fetch(new PersonioConnector(),
                Map.of("company", "evil", "base-url", server.url()));
        assertThat(result.outcome()).isInstanceOf(FetchOutcome.Partial.class);
        assertThat(result.drafts()).isEmpty();
        assertThat(result.rejected()).singleElement().satisfies(r -> assertThat(r.reason()).startsWith("malformed XML"));
    }
}
