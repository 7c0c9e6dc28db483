package io.jobpulse.streams.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class StreamsCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new StreamsCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void helpListsTheOperatorOptions() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("--bootstrap-servers", "--registry-url", "--application-id", "--state-dir",
                "--threads", "--standby-replicas", "--reprocess", "--http-port");
    }

    @Test
    void invalidSettingsAreRefusedBeforeAnythingStarts() {
        assertThat(run("--bootstrap-servers", "127.0.0.1:1", "--registry-url", "http://127.0.0.1:1", "--threads", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("threads must be >= 1");
    }

    @Test
    void healthIsUnavailableUntilTheInstanceRuns() throws Exception {
        try (HealthEndpoint http = new HealthEndpoint("127.0.0.1", 0, () -> null)) {
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("CREATED");
        }
    }
}
