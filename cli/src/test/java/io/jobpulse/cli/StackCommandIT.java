package io.jobpulse.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code jobpulse stack} as an operator runs it, in its own JVM from the packaged launcher classpath: it prints the
 * three endpoints, ClickHouse answers curl-style HTTP, and SIGTERM stops everything, leaving no process behind.
 */
class StackCommandIT {

    @TempDir
    Path dataDir;

    private record Run(int exitCode, String output) {
    }

    private static Run runCommand(Path target, String java, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-cp",
                target.resolve("jobpulse-cli.jar") + ":" + target.resolve("lib") + "/*", "io.jobpulse.cli.Jobpulse"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", String.join(" ", args)).isTrue();
        return new Run(p.exitValue(), output);
    }

    @Test
    void printsEndpointsAnswersQueriesAndStopsCleanlyOnSigterm() throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = List.of(java, "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", target.resolve("jobpulse-cli.jar") + ":" + target.resolve("lib") + "/*",
                "io.jobpulse.cli.Jobpulse", "stack", "--data-dir", dataDir.toString(),
                "--kafka-port", "0", "--kafka-controller-port", "0", "--registry-port", "0",
                "--registry-management-port", "0", "--clickhouse-port", "0");
        Process stack = new ProcessBuilder(command).redirectError(target.resolve("stack-command-it.log").toFile()).start();
        try {
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread.ofVirtual().start(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(stack.getInputStream(), StandardCharsets.UTF_8))) {
                    out.lines().forEach(lines::add);
                } catch (Exception ignored) {
                    // stream closes when the process ends
                }
            });

            List<String> endpoints = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
            while (endpoints.size() < 3 && System.nanoTime() < deadline) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line != null) {
                    endpoints.add(line);
                }
                assertThat(stack.isAlive() || line != null).as("stack process alive; see target/stack-command-it.log").isTrue();
            }
            assertThat(endpoints).hasSize(3);
            assertThat(endpoints.get(0)).matches("Kafka: 127\\.0\\.0\\.1:\\d+");
            assertThat(endpoints.get(1)).startsWith("Schema registry: http://127.0.0.1:");
            assertThat(endpoints.get(2)).startsWith("ClickHouse: jdbc:clickhouse:http://127.0.0.1:");
            assertThat(dataDir.resolve("endpoints.properties")).exists();

            Matcher port = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/").matcher(endpoints.get(2));
            assertThat(port.find()).isTrue();
            try (HttpClient http = HttpClient.newHttpClient()) {
                HttpResponse<String> version = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port.group(1) + "/?query=SELECT%20version()")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(version.statusCode()).isEqualTo(200);
                assertThat(version.body().trim()).matches("\\d+\\.\\d+\\.\\d+.*");
            }

            // Other commands, from the same launcher classpath, find the running stack through its endpoints file.
            // This also proves the launcher classpath carries what they need at run time (JDBC driver, YAML parser).
            Run migrate = runCommand(target, java, "analytics", "migrate", "--stack-data-dir", dataDir.toString());
            assertThat(migrate.exitCode()).as("analytics migrate: %s", migrate.output()).isZero();
            Path brokenConfig = Files.writeString(dataDir.resolve("broken-sources.yaml"), "sources:\n  - connector: lever\n    site: acme\n    page-size: lots\n");
            Run ingest = runCommand(target, java, "ingest", "run", "--config", brokenConfig.toString(), "--once",
                    "--no-progress");
            assertThat(ingest.exitCode()).as("a broken config is exit code 2: %s", ingest.output()).isEqualTo(2);
            assertThat(ingest.output()).contains("broken-sources.yaml").contains("page-size");

            List<ProcessHandle> children = stack.descendants().toList();
            assertThat(children).as("the registry runs as a child process").isNotEmpty();

            stack.destroy(); // SIGTERM, as an operator's Ctrl-C or a service manager would
            assertThat(stack.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
            for (ProcessHandle child : children) {
                child.onExit().get(20, TimeUnit.SECONDS);
                assertThat(child.isAlive()).as("child " + child.pid() + " stopped").isFalse();
            }
            assertThat(dataDir.resolve("endpoints.properties")).doesNotExist();
            assertThat(Files.readString(target.resolve("stack-command-it.log"))).contains("Stopped.");
        } finally {
            stack.descendants().forEach(ProcessHandle::destroyForcibly);
            stack.destroyForcibly();
        }
    }
}
