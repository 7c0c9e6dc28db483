package io.jobpulse.ingest.connector;

import io.jobpulse.contracts.avro.JobPosting;
import io.jobpulse.ingest.connector.lever.LeverConnector;
import io.jobpulse.ingest.testing.BoardServer;
import io.jobpulse.ingest.testing.BoardServer.Reply;
import io.jobpulse.ingest.testing.ConnectorHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LeverConnectorTest {

    private final BoardServer server = new BoardServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private static String page(int skip) {
        return "/v0/postings/kitestring?mode=json&skip=" + skip + "&limit=2";
    }

    @Test
    void pagesWithSkipAndLimitUntilAShortPageAndMapsEveryField() throws Exception {
        server.onJson(page(0), BoardServer.fixture("lever-page1.json"));
        server.onJson(page(2), BoardServer.fixture("lever-page2.json"));
        ConnectorHarness.Result result = ConnectorHarness.fetch(new LeverConnector(),
                Map.of("site", "kitestring", "page-size", 2, "base-url", server.url()));

        assertThat(result.outcome()).isInstanceOf(FetchOutcome.Complete.class);
        assertThat(result.drafts()).hasSize(3);
        JobPosting p = result.posting("lever", "kitestring:5a7e3c1d-1111-4b4b-9c9c-aaaaaaaaaaa1");
        assertThat(p.getTitle()).isEqualTo("Site Reliability Engineer");
        assertThat(p.getCompany()).isEqualTo("kitestring");
        assertThat(p.getDescriptionText()).isEqualTo("""
                We run Kafka at scale.
                Join a team of 6.

                What you'll do

                - Keep the brokers healthy
                - Automate everything

                What we're looking for

                - Linux & networking
                - Terraform

                We offer 30 days of holiday.""");
        assertThat(p.getUrl()).isEqualTo("https://jobs.lever.co/kitestring/5a7e3c1d-1111-4b4b-9c9c-aaaaaaaaaaa1");
        assertThat(p.getApplyUrl()).endsWith("/apply");
        assertThat(p.getPostedAt()).isEqualTo(Instant.ofEpochMilli(1765100000000L));
        assertThat(p.getLocations()).extracting(l -> l.getRaw()).containsExactly("London", "Dublin", "Remote - EMEA");
        assertThat(p.getLocations().getFirst().getCountry()).isEqualTo("GB");
        assertThat(p.getWorkplaceType()).isEqualTo("hybrid");
        assertThat(p.getRemote()).isFalse();
        assertThat(p.getEmploymentType()).isEqualTo("full_time");
        assertThat(p.getDepartment()).isEqualTo("Engineering");
        assertThat(p.getAttributes()).containsEntry("team", "Platform");
        assertThat(p.getSalary().getMin()).isEqualTo(85000.0);
        assertThat(p.getSalary().getMax()).isEqualTo(105000.0);
        assertThat(p.getSalary().getCurrency()).isEqualTo("GBP");
        assertThat(p.getSalary().getPeriod()).isEqualTo("year");
        assertThat(p.getSalary().getRaw()).isEqualTo("£85k–£105k plus bonus");
        assertThat(p.getTags()).containsExactly("kafka", "sre");

        JobPosting fr = result.posting("lever", "kitestring:5a7e3c1d-2222-4b4b-9c9c-aaaaaaaaaaa2");
        assertThat(fr.getEmploymentType()).isEqualTo("part_time");
        assertThat(fr.getWorkplaceType()).isEqualTo("onsite");
        assertThat(fr.getDescriptionText()).isEqualTo("Accompagnez nos clients francophones.");
        assertThat(result.posting("lever", "kitestring:5a7e3c1d-3333-4b4b-9c9c-aaaaaaaaaaa3").getRemote()).isTrue();
    }

    @Test
    void euRegionUsesTheEuHost() {
        assertThat(LeverConnector.EU_BASE_URL).isEqualTo("https://api.eu.lever.co");
    }

    @Test
    void pagingThatRepeatsItselfStopsAsPartial() throws Exception {
        // A server ignoring skip returns the same full page forever.
        String samePage = BoardServer.fixture("lever-page1.json");
        for (int skip = 0; skip <= 10; skip += 2) {
            server.onJson(page(skip), samePage);
        }
        ConnectorHarness.Result result = ConnectorHarness.fetch(new LeverConnector(),
                Map.of("site", "kitestring", "page-size", 2, "base-url", server.url()));
        assertThat(result.outcome()).isInstanceOfSatisfying(FetchOutcome.Partial.class,
                p -> assertThat(p.reason()).contains("loop"));
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void pagingThatNeverEndsStopsAtMaxPages() throws Exception {
        for (int i = 0; i < 5; i++) {
            server.onJson(page(i * 2), "[{\"id\":\"a" + i + "\",\"text\":\"t\",\"description\":\"d\"},"
                    + "{\"id\":\"b" + i + "\",\"text\":\"t\",\"description\":\"d\"}]");
        }
        ConnectorHarness.Result result = ConnectorHarness.fetch(new LeverConnector(),
                Map.of("site", "kitestring", "page-size", 2, "max-pages", 3, "base-url", server.url()));
        assertThat(result.outcome()).isInstanceOf(FetchOutcome.Partial.class);
        assertThat(result.drafts()).hasSize(6);
    }

    @Test
    void aPageFailingForeverFailsTheFetchAfterRetries() {
        server.onJson(page(0), BoardServer.fixture("lever-page1.json"));
        server.on(page(2), Reply.status(500));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConnectorHarness.fetch(new LeverConnector(),
                        Map.of("site", "kitestring", "page-size", 2, "base-url", server.url())))
                .hasMessageContaining("HTTP 500 after 4 attempts");
        assertThat(server.requests(page(2))).hasSize(4);
    }
}
