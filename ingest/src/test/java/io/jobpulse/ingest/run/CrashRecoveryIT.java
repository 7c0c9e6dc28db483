package io.jobpulse.ingest.run;

import io.jobpulse.contracts.avro.JobPosting;
import io.jobpulse.embedded.EmbeddedStack;
import io.jobpulse.embedded.testing.SharedStack;
import io.jobpulse.ingest.config.IngestConfig;
import io.jobpulse.ingest.config.IngestConfigParser;
import io.jobpulse.ingest.connector.ConnectorRegistry;
import io.jobpulse.ingest.testing.BoardServer;
import io.jobpulse.ingest.testing.BoardServer.Reply;
import io.jobpulse.ingest.testing.KafkaTopics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run killed half-way (kill -9 of a separate JVM running {@code ingest run --once}) and restarted publishes every
 * posting exactly once, as seen by a read_committed consumer: what the dead run committed is in the checkpoint and
 * is not re-published; what it had not committed is invisible and is published by the restart.
 */
class CrashRecoveryIT {

    private static final int PAGES = 8;
    private static final int PAGE_SIZE = 50;

    private final EmbeddedStack stack = SharedStack.get();
    private final BoardServer server = new BoardServer();
    private final String site = "crash" + System.nanoTime();
    private final CountDownLatch gate = new CountDownLatch(1);
    private Process child;

    @AfterEach
    void stop() {
        gate.countDown();
        if (child != null) {
            child.destroyForcibly();
        }
        server.close();
    }

    private String page(int page) {
        List<String> postings = new ArrayList<>();
        for (int i = 0; i < PAGE_SIZE; i++) {
            int id = page * PAGE_SIZE + i;
            postings.add("""
                    {"id": "p%d", "text": "Engineer %d", "categories": {"location": "Remote", "commitment": "Full-time"},
                     "description": "<p>Posting %d. Some text to make the record a realistic size: Kafka, Java, SQL.</p>",
                     "hostedUrl": "https://jobs.lever.co/x/p%d", "createdAt": 1765100000000}""".formatted(id, id, id, id));
        }
        return "[" + String.join(",", postings) + "]";
    }

    /** Postings whose checkpoint entries are committed (read_committed), as the next run will read them. */
    private int committedPostings(String instance) {
        return CheckpointStore.load(stack.kafkaBootstrapServers(), java.util.Set.of(instance)).get(instance).postings().size();
    }

    @Test
    void aRunKilledHalfWayAndRestartedPublishesEveryPostingExactlyOnce() throws Exception {
        for (int p = 0; p < PAGES; p++) {
            Reply reply = Reply.json(page(p)).delayed(100);
            server.on("/v0/postings/" + site + "?mode=json&skip=" + (p * PAGE_SIZE) + "&limit=" + PAGE_SIZE,
                    p == 5 ? reply.heldUntil(gate) : reply);
        }
        server.onJson("/v0/postings/" + site + "?mode=json&skip=" + (PAGES * PAGE_SIZE) + "&limit=" + PAGE_SIZE, "[]");
        String yaml = """
                kafka:
                  transactional-id: it-crash-%s
                  transaction-size: 30
                sources:
                  - connector: lever
                    site: %s
                    page-size: %d
                    base-url: %s
                    requests-per-second: 100
                """.formatted(site, site, PAGE_SIZE, server.url());
        Path dir = Files.createTempDirectory("crash-it");
        Path config = Files.writeString(dir.resolve("sources.yaml"), yaml);

        child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                "io.jobpulse.ingest.cli.IngestCommand", "run", "--config", config.toString(), "--once",
                "--bootstrap-servers", stack.kafkaBootstrapServers(), "--registry-url", stack.registry().baseUrl().toString(),
                "--no-progress", "--parallelism", "1", "--summary-file", dir.resolve("summary.json").toString())
                .redirectOutput(dir.resolve("child.out").toFile()).redirectError(dir.resolve("child.err").toFile())
                .start();

        // Kill it once it has committed part of the source, while it is still publishing.
        String instance = "lever:" + site;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        int committed = 0;
        while (committed < 100) {
            assertThat(child.isAlive()).as("child still running; stderr: %s", dir.resolve("child.err")).isTrue();
            assertThat(System.nanoTime()).as("child committed nothing in time").isLessThan(deadline);
            Thread.sleep(100);
            committed = committedPostings(instance);
        }
        child.destroyForcibly().waitFor();
        int committedAtKill = committedPostings(instance);
        assertThat(committedAtKill).isBetween(100, PAGES * PAGE_SIZE - 1);
        gate.countDown();

        IngestConfig cfg = new IngestConfigParser(ConnectorRegistry.builtIn()).parse(yaml, "it.yaml");
        SourceSummary restarted;
        try (IngestRunner runner = new IngestRunner(cfg, new IngestRunner.Target(stack.kafkaBootstrapServers(), stack.registry()),
                new IngestMetrics(new SimpleMeterRegistry()), Clock.systemUTC(), 1);
             ProgressReporter progress = new ProgressReporter(System.err, false)) {
            restarted = runner.runOnce(false, progress).sources().getFirst();
        }
        assertThat(restarted.status()).as(restarted.message()).isEqualTo(SourceSummary.Status.COMPLETE);
        assertThat(restarted.created()).isEqualTo(PAGES * PAGE_SIZE - committedAtKill);
        assertThat(restarted.unchanged()).isEqualTo(committedAtKill);
        assertThat(restarted.closed()).isZero();

        Map<String, Long> perKey = KafkaTopics.postings(stack.kafkaBootstrapServers(), stack.registry(),
                        k -> k.startsWith("lever:" + site + ":")).stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        assertThat(perKey).hasSize(PAGES * PAGE_SIZE);
        assertThat(perKey.values()).allMatch(n -> n == 1L);
        List<JobPosting> sample = KafkaTopics.postings(stack.kafkaBootstrapServers(), stack.registry(),
                k -> k.equals("lever:" + site + ":p399")).stream().map(ConsumerRecord::value).toList();
        assertThat(sample).singleElement().satisfies(p -> assertThat(p.getTitle()).isEqualTo("Engineer 399"));
    }
}
