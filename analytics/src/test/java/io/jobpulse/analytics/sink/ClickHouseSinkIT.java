package io.jobpulse.analytics.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobpulse.analytics.testing.Pipeline;
import io.jobpulse.analytics.testing.StreamsSimulation;
import io.jobpulse.analytics.testing.TestPostings;
import io.jobpulse.contracts.avro.AggregateRow;
import io.jobpulse.contracts.avro.EnrichedPosting;
import io.jobpulse.contracts.avro.PostingStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The sink against the real embedded Kafka, registry and ClickHouse: refused rows, and ClickHouse going away. */
class ClickHouseSinkIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void rowsClickHouseRefusesGoToTheDeadLetterTopicWithTheReasonAndTheRestIsWritten() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        TestPostings generator = new TestPostings(7, today);
        StreamsSimulation streams = new StreamsSimulation();
        try (Pipeline pipeline = new Pipeline("dlq")) {
            List<EnrichedPosting> postings = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                postings.add(generator.next("dlq", 30));
            }
            List<AggregateRow> cells = new ArrayList<>(streams.apply(postings));
            // Violates version_positive on postings, count_not_negative and aggregate_known on aggregates.
            postings.add(EnrichedPosting.newBuilder(generator.next("dlq", 30)).setId("dlq:bad-version").setVersion(0).build());
            cells.add(AggregateRow.newBuilder(cells.getFirst()).setDim1("negative").setCount(-1).build());
            cells.add(AggregateRow.newBuilder(cells.getFirst()).setAggregate("bogus").build());
            pipeline.sendPostings(postings);
            pipeline.sendAggregates(cells);
            try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of("bootstrap.servers", pipeline.stack.kafkaBootstrapServers()),
                    new StringSerializer(), new ByteArraySerializer())) {
                raw.send(new ProducerRecord<>(pipeline.sinkSettings.aggregatesTopic(), "garbage", new byte[] {0, 0, 0, 0, 99, 1, 2})).get();
            }
            pipeline.startSink();

            List<ConsumerRecord<String, String>> dead = pipeline.deadLetters(4, Duration.ofSeconds(60));
            assertThat(dead).hasSize(4);
            Map<String, JsonNode> byKey = new HashMap<>();
            for (ConsumerRecord<String, String> d : dead) {
                byKey.put(d.key(), JSON.readTree(d.value()));
            }
            assertThat(byKey.get("dlq:bad-version").get("reason").asText()).contains("469").contains("version_positive");
            assertThat(byKey.get("dlq:bad-version").get("topic").asText()).isEqualTo(pipeline.sinkSettings.enrichedTopic());
            assertThat(byKey.get("dlq:bad-version").get("row").asText()).contains("dlq:bad-version");
            assertThat(byKey.get("garbage").get("reason").asText()).startsWith("cannot deserialize");
            assertThat(byKey.get("garbage").get("payload_base64").asText()).isNotEmpty();
            List<String> aggregateReasons = dead.stream().filter(d -> d.key().startsWith("postings|") || d.key().startsWith("bogus|")
                            || d.key().contains("|negative|"))
                    .map(d -> byKey.get(d.key()).get("reason").asText()).toList();
            assertThat(aggregateReasons).hasSize(2).anyMatch(r -> r.contains("count_not_negative")).anyMatch(r -> r.contains("aggregate_known"));

            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
                assertThat(scalar(pipeline, "SELECT count() FROM postings FINAL")).isEqualTo(40);
                assertThat(scalar(pipeline, "SELECT count() FROM aggregates FINAL")).isEqualTo(cells.size() - 2);
            });
            // Offsets are committed past the refused rows: a restart does not meet them again.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(committed(pipeline)).isEqualTo(endOffsets(pipeline)));
        }
    }

    @Test
    void survivesClickHouseGoingAwayMidStreamWithNothingLostAndNothingDoubleCounted() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        TestPostings generator = new TestPostings(11, today);
        StreamsSimulation streams = new StreamsSimulation();
        try (Pipeline pipeline = new Pipeline("outage")) {
            List<EnrichedPosting> first = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                first.add(generator.next("out", 60));
            }
            pipeline.sendPostings(first);
            pipeline.sendAggregates(streams.apply(first));
            Pipeline.Running sink = pipeline.startSink();
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> scalar(pipeline, "SELECT count() FROM postings FINAL") == 300);

            pipeline.stack.clickHouse().stopEndpoint();
            try {
                List<EnrichedPosting> changes = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    changes.add(generator.next("out", 60));
                }
                for (int i = 0; i < 40; i++) {
                    changes.add(TestPostings.updated(first.get(i), List.of("Go", "Kafka"), 1_000));
                }
                for (int i = 40; i < 80; i++) {
                    changes.add(TestPostings.closed(first.get(i), 1_000));
                }
                pipeline.sendPostings(changes);
                pipeline.sendAggregates(streams.apply(changes));
                await().atMost(Duration.ofSeconds(30)).until(() -> sink.sink().status().snapshot().consecutiveFailures() >= 2);
                assertThat(sink.sink().status().state()).isEqualTo(SinkStatus.State.BACKING_OFF);
                assertThat(sink.sink().status().snapshot().lastError()).isNotBlank();
            } finally {
                pipeline.stack.clickHouse().startEndpoint();
            }

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(sink.sink().status().state()).isEqualTo(SinkStatus.State.RUNNING);
                assertThat(postingsInClickHouse(pipeline)).isEqualTo(expectedPostings(streams));
                assertThat(cellsInClickHouse(pipeline)).isEqualTo(expectedCells(streams));
            });
            long active = streams.current().values().stream().filter(p -> p.getStatus() == PostingStatus.ACTIVE).count();
            assertThat(scalar(pipeline, "SELECT sum(count) FROM aggregates FINAL WHERE aggregate = 'postings' AND role = '*'"))
                    .isEqualTo(active);
            assertThat(scalar(pipeline, "SELECT count() FROM postings FINAL WHERE status = 'CLOSED'")).isEqualTo(40);
        }
    }

    private static Map<String, Long> expectedPostings(StreamsSimulation streams) {
        Map<String, Long> out = new HashMap<>();
        streams.current().values().forEach(p -> out.put(p.getId() + "|" + p.getStatus() + "|" + p.getTitle(), p.getVersion()));
        return out;
    }

    private static Map<String, Long> postingsInClickHouse(Pipeline pipeline) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = pipeline.clickHouse.connect(Map.of()); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT id, status, title, version FROM postings FINAL")) {
            while (rows.next()) {
                out.put(rows.getString(1) + "|" + rows.getString(2) + "|" + rows.getString(3), rows.getLong(4));
            }
        }
        return out;
    }

    private static Map<String, Long> expectedCells(StreamsSimulation streams) {
        Map<String, Long> out = new HashMap<>();
        streams.cells().forEach((key, row) -> out.put(key, row.getCount()));
        return out;
    }

    private static Map<String, Long> cellsInClickHouse(Pipeline pipeline) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = pipeline.clickHouse.connect(Map.of()); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT aggregate, role, toString(day), dim1, dim2, count FROM aggregates FINAL")) {
            while (rows.next()) {
                out.put(String.join("|", rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getString(5)), rows.getLong(6));
            }
        }
        return out;
    }

    private static long scalar(Pipeline pipeline, String sql) throws SQLException {
        try (Connection c = pipeline.clickHouse.connect(Map.of()); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Map<TopicPartition, Long> committed(Pipeline pipeline) throws Exception {
        try (Admin admin = admin(pipeline)) {
            Map<TopicPartition, Long> out = new HashMap<>();
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(pipeline.sinkSettings.groupId())
                    .partitionsToOffsetAndMetadata().get();
            offsets.forEach((tp, o) -> out.put(tp, o.offset()));
            return out;
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Pipeline pipeline) throws Exception {
        try (Admin admin = admin(pipeline)) {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (String topic : List.of(pipeline.sinkSettings.enrichedTopic(), pipeline.sinkSettings.aggregatesTopic())) {
                int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
                for (int p = 0; p < partitions; p++) {
                    request.put(new TopicPartition(topic, p), OffsetSpec.latest());
                }
            }
            Map<TopicPartition, Long> out = new HashMap<>();
            admin.listOffsets(request).all().get().forEach((tp, info) -> {
                if (info.offset() > 0) {
                    out.put(tp, info.offset());
                }
            });
            return out;
        }
    }

    private static Admin admin(Pipeline pipeline) {
        Properties p = new Properties();
        p.put("bootstrap.servers", pipeline.stack.kafkaBootstrapServers());
        return Admin.create(p);
    }
}
