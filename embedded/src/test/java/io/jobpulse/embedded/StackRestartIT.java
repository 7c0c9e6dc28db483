package io.jobpulse.embedded;

import io.jobpulse.contracts.AvroSerdes;
import io.jobpulse.contracts.PipelineEndpoints;
import io.jobpulse.contracts.avro.JobPosting;
import io.jobpulse.embedded.testing.SamplePostings;
import io.jobpulse.embedded.testing.TestClickHouse;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stack stopped and started again on the same data directory keeps its Kafka records, its schemas (the ids inside
 * those records still resolve) and its endpoints; while it is stopped no endpoints file points at it. ClickHouse's own
 * persistence across restarts is covered in the clickhouse package (one chDB engine per JVM).
 */
class StackRestartIT {

    @TempDir
    Path dataDir;

    @Test
    void recordsSchemasAndPortsSurviveARestart() throws Exception {
        String topic = "it.restart";
        JobPosting posting = SamplePostings.greenhouse("900", "Site Reliability Engineer");
        String bootstrapBefore;
        String registryBefore;

        try (EmbeddedStack first = EmbeddedStack.start(StackSettings.ephemeral(dataDir), EmbeddedStack.Progress.NONE, TestClickHouse.get())) {
            bootstrapBefore = first.kafkaBootstrapServers();
            registryBefore = first.registry().baseUrl().toString();
            assertThat(dataDir.resolve(PipelineEndpoints.ENDPOINTS_FILE)).exists();
            try (KafkaProducer<String, JobPosting> producer = new KafkaProducer<>(
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapBefore),
                    new StringSerializer(), AvroSerdes.serializer(first.registry(), JobPosting.class, false))) {
                producer.send(new ProducerRecord<>(topic, posting.getId(), posting)).get();
            }
        }
        assertThat(dataDir.resolve(PipelineEndpoints.ENDPOINTS_FILE)).doesNotExist();

        try (EmbeddedStack second = EmbeddedStack.start(StackSettings.ephemeral(dataDir), EmbeddedStack.Progress.NONE, TestClickHouse.get())) {
            assertThat(second.kafkaBootstrapServers()).isEqualTo(bootstrapBefore);
            assertThat(second.registry().baseUrl().toString()).isEqualTo(registryBefore);

            List<JobPosting> read = new ArrayList<>();
            try (KafkaConsumer<String, JobPosting> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, second.kafkaBootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "it-restart",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), AvroSerdes.deserializer(second.registry(), JobPosting.class, false))) {
                consumer.subscribe(List.of(topic));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (read.isEmpty() && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(200)).forEach(r -> read.add(r.value()));
                }
            }
            assertThat(read).containsExactly(posting);
        }
    }
}
