package io.jobpulse.ingest.http;

import io.jobpulse.ingest.testing.BoardServer;
import io.jobpulse.ingest.testing.BoardServer.Reply;
import io.jobpulse.ingest.testing.ConnectorHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpFetcherTest {

    private final BoardServer server = new BoardServer();
    private final List<Duration> sleeps = new ArrayList<>();
    private final HttpFetcher http = new HttpFetcher(ConnectorHarness.fastHttp(), new HostRateLimiter(), sleeps::add);

    @AfterEach
    void stop() {
        server.close();
    }

    private URI uri(String path) {
        return URI.create(server.url() + path);
    }

    @Test
    void decompressesGzipAndSendsAUserAgentWithContact() throws Exception {
        server.on("/gz", Reply.json("{\"ok\":\"ünïcode\"}").gzipped());
        FetchedResponse r = http.get(uri("/gz"));
        assertThat(r.text()).isEqualTo("{\"ok\":\"ünïcode\"}");
        BoardServer.Received req = server.requests("/gz").getFirst();
        assertThat(req.header("Accept-Encoding")).contains("gzip");
        assertThat(req.header("User-Agent")).isEqualTo(HttpSettings.userAgent("tests@jobpulse.invalid"));
    }

    @Test
    void retriesWithGrowingJitteredBackoffThenGivesUp() {
        server.on("/down", Reply.status(500));
        assertThatThrownBy(() -> http.get(uri("/down"))).isInstanceOf(HttpFetchException.class)
                .hasMessageContaining("HTTP 500 after 4 attempts");
        assertThat(server.requests("/down")).hasSize(4);
        assertThat(sleeps).hasSize(3);
        // initial 10 ms doubling, capped at 50 ms; jitter keeps each delay within [half, full] of its step.
        assertThat(sleeps.get(0).toMillis()).isBetween(5L, 10L);
        assertThat(sleeps.get(1).toMillis()).isBetween(10L, 20L);
        assertThat(sleeps.get(2).toMillis()).isBetween(20L, 40L);
    }

    @Test
    void honoursRetryAfterAndRefusesToWaitLongerThanTheLimit() throws Exception {
        server.on("/busy", Reply.status(429).header("Retry-After", "1"), Reply.json("{}"));
        http.get(uri("/busy"));
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1));

        server.on("/later", Reply.status(503).header("Retry-After", "3600"));
        assertThatThrownBy(() -> http.get(uri("/later"))).hasMessageContaining("retry after 3600s");
        assertThat(server.requests("/later")).hasSize(1);
    }

    @Test
    void timesOutAndRetriesConnectionLevelFailures() {
        HttpFetcher impatient = new HttpFetcher(new HttpSettings(Duration.ofSeconds(1), Duration.ofMillis(300), 1,
                Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1), 1024, "ua", 100));
        server.on("/slow", Reply.json("{}").delayed(1_000));
        assertThatThrownBy(() -> impatient.get(uri("/slow"))).isInstanceOf(HttpFetchException.class)
                .hasMessageContaining("HttpTimeoutException").hasMessageContaining("after 2 attempts").satisfies(e -> assertThat(((HttpFetchException) e).status()).isZero());
    }

    @Test
    void refusesBodiesOverTheLimit() {
        HttpFetcher small = new HttpFetcher(new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), 0,
                Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1), 1024, "ua", 100));
        server.on("/big", Reply.of(200, "text/plain", new byte[4096]));
        assertThatThrownBy(() -> small.get(uri("/big"))).hasMessageContaining("larger than 1024 bytes");
    }

    @Test
    void spacesRequestsToOneHostAtTheConfiguredRate() throws Exception {
        server.onJson("/r", "{}");
        long start = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            http.get(uri("/r"), Validators.NONE, 10, b -> { });
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(290));
    }

    @Test
    void invalidUtf8BecomesReplacementCharacters() throws Exception {
        byte[] body = "{\"t\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        server.on("/latin", Reply.of(200, "application/json", body));
        FetchedResponse r = http.get(uri("/latin"));
        assertThat(r.hasInvalidEncoding()).isTrue();
        assertThat(r.text()).isEqualTo("{\"t\":\"caf\uFFFD\"}");
    }

    @Test
    void robotsTxtGroupsAndLongestMatch() {
        RobotsPolicy p = RobotsPolicy.parse("""
                User-agent: *
                Disallow: /

                User-agent: jobpulse
                Disallow: /private/
                Allow: /private/jobs$
                Disallow: /*.pdf
                Crawl-delay: 2
                """, "jobpulse");
        assertThat(p.allows(URI.create("https://x.example/careers"))).isTrue();
        assertThat(p.allows(URI.create("https://x.example/private/secret"))).isFalse();
        assertThat(p.allows(URI.create("https://x.example/private/jobs"))).isTrue();
        assertThat(p.allows(URI.create("https://x.example/files/a.pdf"))).isFalse();
        assertThat(p.crawlDelaySeconds()).isEqualTo(2.0);
        assertThat(RobotsPolicy.parse("User-agent: *\nDisallow: /\n", "jobpulse").allows(URI.create("https://x.example/a"))).isFalse();
        assertThat(RobotsPolicy.parse("User-agent: *\nDisallow:\n", "jobpulse").allows(URI.create("https://x.example/a"))).isTrue();
    }
}
