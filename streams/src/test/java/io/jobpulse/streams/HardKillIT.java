package io.jobpulse.streams;

import io.jobpulse.embedded.testing.SharedStack;
import io.jobpulse.enrichment.PostingEnricher;
import io.jobpulse.streams.cli.StreamsCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly-once under a crash: the instance runs in a child JVM ({@code StreamsCommand}, as {@code ./jobpulse streams}
 * runs it) that is killed with SIGKILL while it is processing; a new instance on the same state directory takes
 * over. Every aggregate must end exactly equal to the truth computed from the input, which a duplicated or lost
 * transaction (a posting counted twice, a retraction lost) would break.
 */
class HardKillIT {

    @TempDir
    Path dir;

    @Test
    void killingAnInstanceMidStreamAndRestartingItLeavesEveryAggregateExact() throws Exception {
        PostingEnricher library = PostingEnricher.create();
        Workload workload = new Workload(160, 11);
        try (PipelineFixture pipeline = new PipelineFixture(SharedStack.get(), "kill")) {
            pipeline.send(workload.phaseA);
            Process first = startInstance(pipeline, "first");
            try {
                // Mid-stream: the instance has committed some output, and more input is arriving.
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                        .until(() -> !pipeline.aggregates().isEmpty());
                pipeline.send(workload.phaseB);
                Thread.sleep(300);
                assertThat(first.isAlive()).as("first instance alive before the kill; log: %s", log(pipeline, "first")).isTrue();
            } finally {
                first.destroyForcibly(); // SIGKILL: no commit, no clean close, open transaction left behind
                first.waitFor(30, TimeUnit.SECONDS);
            }
            Map<String, Long> atKill = Workload.observed(pipeline.aggregates());
            Map<String, Long> truth = workload.truth(library);
            System.out.printf("HardKillIT: at the kill %d of %d truth cells were already right%n",
                    atKill.entrySet().stream().filter(e -> e.getValue().equals(truth.get(e.getKey()))).count(), truth.size());

            Process second = startInstance(pipeline, "second");
            try {
                await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    assertThat(second.isAlive()).as("second instance alive; log: %s", log(pipeline, "second")).isTrue();
                    assertThat(Workload.observed(pipeline.aggregates())).as("aggregates; offsets: %s", pipeline.offsetsReport())
                            .isEqualTo(truth);
                });
                // Retractions must not have gone below zero anywhere, in any aggregate.
                assertThat(pipeline.aggregates().values()).allSatisfy(row -> assertThat(row.getCount()).isNotNegative());
                assertThat(pipeline.deadLetters()).isEmpty();
            } finally {
                second.destroy(); // SIGTERM: the clean stop path
                assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(second.exitValue()).as("exit after SIGTERM; log: %s", log(pipeline, "second")).isIn(0, 143);
        }
    }

    private Process startInstance(PipelineFixture pipeline, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-cp", stableClassPath(),
                StreamsCommand.class.getName(),
                "--bootstrap-servers", pipeline.stack.kafkaBootstrapServers(),
                "--registry-url", pipeline.stack.registry().baseUrl().toString(),
                "--application-id", pipeline.applicationId,
                "--state-dir", dir.resolve("state").toString(),
                "--topic-suffix", pipeline.topics.postings().substring(io.jobpulse.contracts.Topics.POSTINGS.name().length()),
                "--commit-interval", "100",
                "--aggregate-emit-interval", "200",
                "--set", "statestore.cache.max.bytes=0",
                // The killed member never says goodbye: the group waits a session timeout before handing its tasks
                // over. The broker's minimum keeps the test short; production keeps Kafka's default.
                "--set", "session.timeout.ms=6000",
                "--set", "heartbeat.interval.ms=1000",
                "--http-port", "-1"));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logFile(pipeline, name).toFile()).start();
    }

    /**
     * The test class path with our own modules' jars copied aside: other builds on this machine may re-install them
     * into the local repository while the child JVM still loads classes lazily from them.
     */
    private String stableClassPath() throws IOException {
        Path copies = Files.createDirectories(dir.resolve("classpath"));
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            if (entry.endsWith(".jar") && entry.contains("jobpulse") && Files.isRegularFile(p)) {
                Path copy = copies.resolve(entries.size() + "-" + p.getFileName());
                Files.copy(p, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                entries.add(copy.toString());
            } else {
                entries.add(entry);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** Child logs stay under target/ after the run, for a look when the test fails. */
    private static Path logFile(PipelineFixture pipeline, String name) throws IOException {
        return Files.createDirectories(Path.of("target", "it-logs")).resolve(pipeline.applicationId + "-" + name + ".log");
    }

    private String log(PipelineFixture pipeline, String name) {
        try {
            List<String> lines = Files.readAllLines(logFile(pipeline, name));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
