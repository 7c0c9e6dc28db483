package io.jobpulse.streams;

import io.jobpulse.contracts.avro.EnrichedPosting;
import io.jobpulse.embedded.testing.SharedStack;
import io.jobpulse.enrichment.PostingEnricher;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances with one application id share the input partitions and together produce exactly the truth; then the
 * re-enrichment procedure (rewind with state kept) replays everything without double counting.
 */
class ScaleOutIT {

    @TempDir
    Path dir;

    @Test
    void twoInstancesShareTheWorkAndTheAggregatesMatchTheTruth() throws Exception {
        PostingEnricher library = PostingEnricher.create();
        PostingEnrichment enrichment = PostingEnrichment.of(library);
        Workload workload = new Workload(48, 7);
        try (PipelineFixture pipeline = new PipelineFixture(SharedStack.get(), "scale");
             StreamsApp first = StreamsApp.start(pipeline.settings(dir.resolve("a")), enrichment, null);
             StreamsApp second = StreamsApp.start(pipeline.settings(dir.resolve("b")), enrichment, null)) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(first.state()).isEqualTo(KafkaStreams.State.RUNNING);
                assertThat(second.state()).isEqualTo(KafkaStreams.State.RUNNING);
                Set<Integer> a = inputPartitions(first, pipeline.topics.postings());
                Set<Integer> b = inputPartitions(second, pipeline.topics.postings());
                assertThat(a).as("partitions of the first instance").isNotEmpty();
                assertThat(b).as("partitions of the second instance").isNotEmpty();
                assertThat(a).doesNotContainAnyElementsOf(b);
                assertThat(a.size() + b.size()).isEqualTo(6);
            });

            pipeline.send(workload.phaseA);
            pipeline.send(workload.phaseB);

            Map<String, Long> truth = workload.truth(library);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(Workload.observed(pipeline.aggregates())).isEqualTo(truth));
            assertThat(processed(first)).as("records processed by the first instance").isPositive();
            assertThat(processed(second)).as("records processed by the second instance").isPositive();
            assertThat(pipeline.deadLetters()).isEmpty();
            var enriched = pipeline.enriched();
            // The two boards' postings sit in different input partitions, so either may reach the dedupe step first:
            // one is canonical, the other its duplicate.
            workload.members.values().stream().filter(ids -> ids.size() == 2).forEach(ids -> {
                var a = enriched.get(ids.get(0));
                var b = enriched.get(ids.get(1));
                assertThat(a.getCanonicalId()).isEqualTo(b.getCanonicalId()).isIn(ids);
                assertThat(List.of(String.valueOf(a.getDuplicateOf()), String.valueOf(b.getDuplicateOf())))
                        .containsExactlyInAnyOrder("null", a.getCanonicalId());
            });

            // --reprocess: stop every instance, rewind the input keeping state, run again. Every posting is
            // published again, and the aggregates must still be the truth (a replay that double counted would not).
            long lastVersion = enriched.values().stream().mapToLong(EnrichedPosting::getVersion).max().orElseThrow();
            first.close();
            second.close();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", pipeline.stack.kafkaBootstrapServers()))) {
                assertThat(StreamsTopics.rewindInput(admin, pipeline.applicationId, pipeline.topics.postings())).isEqualTo(6);
            }
            try (StreamsApp again = StreamsApp.start(pipeline.settings(dir.resolve("a")), enrichment, null)) {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                        assertThat(pipeline.enriched().values()).allSatisfy(e -> assertThat(e.getVersion()).isGreaterThan(lastVersion)));
                // Mid-replay the rows may show a job in its old and new block at once (two tasks); once the cells
                // of the last changes are emitted they must be the truth again, and stay so (a replay that double
                // counted would not get there).
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                        assertThat(Workload.observed(pipeline.aggregates())).isEqualTo(truth));
                Thread.sleep(2_000); // a few more emit intervals: nothing may move any more
                assertThat(Workload.observed(pipeline.aggregates())).isEqualTo(truth);
            }
        }
    }

    static Set<Integer> inputPartitions(StreamsApp app, String topic) {
        return app.streams().metadataForLocalThreads().stream()
                .flatMap(t -> t.activeTasks().stream())
                .flatMap(task -> task.topicPartitions().stream())
                .filter(tp -> tp.topic().equals(topic))
                .map(tp -> tp.partition())
                .collect(Collectors.toSet());
    }

    static double processed(StreamsApp app) {
        return app.streams().metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals("process-total") && e.getKey().group().equals("stream-thread-metrics"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .sum();
    }

}
