package io.jobpulse.ingest.run;

import io.jobpulse.contracts.Topics;
import io.jobpulse.contracts.avro.JobPosting;
import io.jobpulse.contracts.avro.PostingStatus;
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

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consecutive runs against the embedded broker and registry: exactly the new, changed and closed postings reach
 * the postings topic; unchanged ones are not re-published; a failed or partial fetch closes nothing; rejected items
 * reach the dead-letter topic.
 */
class IncrementalRunIT {

    private final EmbeddedStack stack = SharedStack.get();
    private final BoardServer server = new BoardServer();
    private final String board = "acme" + System.nanoTime();
    private final String path = "/v1/boards/" + board + "/jobs?content=true";

    @AfterEach
    void stop() {
        server.close();
    }

    private static String job(int id, String title) {
        return """
                {"id": %d, "title": "%s", "absolute_url": "https://boards.greenhouse.io/acme/jobs/%d",
                 "updated_at": "2026-01-10T10:00:00Z", "location": {"name": "Berlin"},
                 "content": "&lt;p&gt;Job %d: build things.&lt;/p&gt;"}""".formatted(id, title, id, id);
    }

    private static String board(String... jobs) {
        return "{\"jobs\": [" + String.join(",", jobs) + "]}";
    }

    private IngestRunner runner() throws Exception {
        IngestConfig config = new IngestConfigParser(ConnectorRegistry.builtIn()).parse("""
                kafka:
                  transactional-id: it-incremental-%s
                  transaction-size: 3
                sources:
                  - connector: greenhouse
                    board: %s
                    base-url: %s
                    requests-per-second: 100
                """.formatted(board, board, server.url()), "it.yaml");
        IngestRunner runner = new IngestRunner(config, new IngestRunner.Target(stack.kafkaBootstrapServers(), stack.registry()),
                new IngestMetrics(new SimpleMeterRegistry()), Clock.systemUTC(), 2);
        runner.prepareTopics();
        return runner;
    }

    private SourceSummary run() throws Exception {
        try (IngestRunner runner = runner(); ProgressReporter progress = new ProgressReporter(System.err, false)) {
            return runner.runOnce(false, progress).sources().getFirst();
        }
    }

    private Map<String, List<JobPosting>> publishedByKey() {
        return KafkaTopics.postings(stack.kafkaBootstrapServers(), stack.registry(), k -> k.startsWith("greenhouse:" + board + ":"))
                .stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                        Collectors.mapping(ConsumerRecord::value, Collectors.toList())));
    }

    private String key(int id) {
        return "greenhouse:" + board + ":" + id;
    }

    @Test
    void twoRunsPublishExactlyTheNewChangedAndClosedPostings() throws Exception {
        server.on(path, Reply.json(board(job(1, "Engineer"), job(2, "Designer"), job(3, "Analyst"))));
        SourceSummary first = run();
        assertThat(first.status()).isEqualTo(SourceSummary.Status.COMPLETE);
        assertThat(List.of(first.fetched(), first.created(), first.changed(), first.unchanged(), first.closed()))
                .containsExactly(3, 3, 0, 0, 0);
        assertThat(publishedByKey()).hasSize(3).allSatisfy((k, v) -> assertThat(v).hasSize(1));

        Map<String, List<JobPosting>> byKey = secondRunKeepsOneChangesTwoClosesThreeAddsFour();
        assertThat(byKey.get(key(3)).get(1).getClosedAt()).isNotNull();
        assertThat(byKey.get(key(4))).extracting(JobPosting::getTitle).containsExactly("Recruiter");

        // A third run with nothing changed publishes nothing.
        SourceSummary third = run();
        assertThat(third.unchanged()).isEqualTo(3);
        assertThat(third.created() + third.changed() + third.closed()).isZero();
        assertThat(publishedByKey().values().stream().mapToInt(List::size).sum()).isEqualTo(6);
    }

    /**
     * A checkpoint topic as versions before the chunk format left it (one {@code posting/<instance>/<id>} record per
     * posting): the next run reads it, publishes only what changed, and closes what is gone.
     */
    @Test
    void aCheckpointTopicOfTheFormerPerPostingFormatResumesCorrectly() throws Exception {
        server.on(path, Reply.json(board(job(1, "Engineer"), job(2, "Designer"), job(3, "Analyst"))));
        assertThat(run().created()).isEqualTo(3);

        // Turn this instance's checkpoint into what the per-posting format held for the same postings.
        String instance = "greenhouse:" + board;
        SourceCheckpoint written = CheckpointStore.load(stack.kafkaBootstrapServers(), java.util.Set.of(instance)).get(instance);
        assertThat(written.postings()).hasSize(3);
        assertThat(written.chunkEntries()).isNotEmpty();
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(Map.of(
                "bootstrap.servers", stack.kafkaBootstrapServers(), "acks", "all"),
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            for (String chunk : written.chunkEntries().keySet()) {
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.INGEST_CHECKPOINTS.name(), chunk, null));
            }
            written.postings().forEach((id, state) -> {
                var entry = mapper.createObjectNode().put("hash", state.hash()).put("board", state.board());
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.INGEST_CHECKPOINTS.name(),
                        "posting/" + instance + "/" + id, entry.toString()));
            });
            producer.flush();
        }
        SourceCheckpoint formatOne = CheckpointStore.load(stack.kafkaBootstrapServers(), java.util.Set.of(instance)).get(instance);
        assertThat(formatOne.chunkEntries()).isEmpty();
        assertThat(formatOne.postingRecords()).hasSize(3);
        assertThat(formatOne.postings()).isEqualTo(written.postings());

        secondRunKeepsOneChangesTwoClosesThreeAddsFour();

        SourceSummary third = run();
        assertThat(third.unchanged()).isEqualTo(3);
        assertThat(third.created() + third.changed() + third.closed()).isZero();
        assertThat(CheckpointStore.load(stack.kafkaBootstrapServers(), java.util.Set.of(instance)).get(instance).postings())
                .containsOnlyKeys(key(1), key(2), key(4));
    }

    /**
     * After a first run of jobs 1 (Engineer), 2 (Designer) and 3: a second run where 1 is unchanged, 2 changed, 3
     * removed and 4 added publishes exactly the change, the closure and the new posting. Returns what was published.
     */
    private Map<String, List<JobPosting>> secondRunKeepsOneChangesTwoClosesThreeAddsFour() throws Exception {
        server.on(path, Reply.json(board(job(1, "Engineer"), job(2, "Senior Designer"), job(4, "Recruiter"))));
        SourceSummary second = run();
        assertThat(second.status()).isEqualTo(SourceSummary.Status.COMPLETE);
        assertThat(List.of(second.fetched(), second.created(), second.changed(), second.unchanged(), second.closed()))
                .containsExactly(3, 1, 1, 1, 1);
        Map<String, List<JobPosting>> byKey = publishedByKey();
        assertThat(byKey.get(key(1))).hasSize(1);
        assertThat(byKey.get(key(2))).extracting(JobPosting::getTitle).containsExactly("Designer", "Senior Designer");
        assertThat(byKey.get(key(3))).extracting(JobPosting::getStatus).containsExactly(PostingStatus.ACTIVE, PostingStatus.CLOSED);
        return byKey;
    }

    @Test
    void failedAndPartialFetchesCloseNothingAndRejectsGoToTheDeadLetterTopic() throws Exception {
        server.on(path, Reply.json(board(job(1, "Engineer"), job(2, "Designer"))));
        assertThat(run().created()).isEqualTo(2);

        server.on(path, Reply.status(500));
        SourceSummary failed = run();
        assertThat(failed.status()).isEqualTo(SourceSummary.Status.FAILED);
        assertThat(failed.errors()).isEqualTo(1);
        assertThat(failed.closed()).isZero();

        // Job 2 is missing, but an item without id makes the fetch partial: nothing closes. Job 5 has no title.
        server.on(path, Reply.json(board(job(1, "Engineer"), "{\"title\": \"no id\"}",
                "{\"id\": 5, \"content\": \"&lt;p&gt;x&lt;/p&gt;\"}", job(1, "Engineer"))));
        SourceSummary partial = run();
        assertThat(partial.status()).isEqualTo(SourceSummary.Status.PARTIAL);
        assertThat(partial.closed()).isZero();
        assertThat(partial.rejected()).isEqualTo(3);
        assertThat(publishedByKey().get(key(2))).extracting(JobPosting::getStatus).containsExactly(PostingStatus.ACTIVE);

        List<String> letters = KafkaTopics.strings(stack.kafkaBootstrapServers(), Topics.INGEST_DEAD_LETTERS.name(),
                k -> k.equals("greenhouse:" + board)).stream().map(ConsumerRecord::value).toList();
        assertThat(letters).hasSize(3);
        assertThat(letters).anySatisfy(l -> assertThat(l).contains("\"reason\":\"missing title\"", "\"source_id\":\"" + board + ":5\"",
                "\"source\":\"greenhouse:" + board + "\""));
        assertThat(letters).anySatisfy(l -> assertThat(l).contains("\"reason\":\"duplicate id within one response\""));
        assertThat(letters).anySatisfy(l -> assertThat(l).contains("\"reason\":\"job without id\"", "no id"));

        // Conditional GET: the ETag of a complete fetch is sent back, and 304 keeps everything as it is.
        server.on(path, Reply.json(board(job(1, "Engineer"))).header("ETag", "\"e1\""));
        assertThat(run().closed()).isEqualTo(1);
        server.on(path, Reply.status(304));
        SourceSummary notModified = run();
        assertThat(notModified.status()).isEqualTo(SourceSummary.Status.NOT_MODIFIED);
        assertThat(notModified.unchanged()).isEqualTo(1);
        assertThat(server.requests(path).getLast().header("If-None-Match")).isEqualTo("\"e1\"");
    }
}
