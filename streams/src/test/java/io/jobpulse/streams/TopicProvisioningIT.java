package io.jobpulse.streams;

import io.jobpulse.contracts.TopicProvisioning;
import io.jobpulse.contracts.TopicSpec;
import io.jobpulse.embedded.testing.SharedStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TopicProvisioning#ensure} returns only when the new topics can take writes: an idempotent producer with
 * several requests in flight writes to them right away and every record is acknowledged (before leaders were
 * awaited, the first batch could be refused and the retried one stuck on OUT_OF_ORDER_SEQUENCE_NUMBER).
 */
class TopicProvisioningIT {

    @Test
    void topicsTakeWritesAsSoonAsEnsureReturns() throws Exception {
        var stack = SharedStack.get();
        String prefix = "provisioning-" + UUID.randomUUID().toString().substring(0, 8);
        List<TopicSpec<?, ?>> specs = List.of(
                new TopicSpec<>(prefix + ".a", 6, Map.of(), String.class, String.class, "test topic"),
                new TopicSpec<>(prefix + ".b", 3, Map.of("cleanup.policy", "compact"), String.class, String.class, "test topic"));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()));
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                     ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                     ProducerConfig.ACKS_CONFIG, "all",
                     ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                     ProducerConfig.LINGER_MS_CONFIG, 0,
                     ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000),
                     new StringSerializer(), new StringSerializer())) {
            TopicProvisioning.ensure(admin, specs, Duration.ofSeconds(60));

            var described = admin.describeTopics(specs.stream().map(TopicSpec::name).toList()).allTopicNames().get();
            assertThat(described.get(prefix + ".a").partitions()).hasSize(6)
                    .allSatisfy(p -> assertThat(p.leader()).isNotNull());
            assertThat(described.get(prefix + ".b").partitions()).hasSize(3)
                    .allSatisfy(p -> assertThat(p.leader()).isNotNull());

            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                sent.add(producer.send(new ProducerRecord<>(specs.get(i % 2).name(), "k" + i, "v" + i)));
            }
            producer.flush();
            for (Future<RecordMetadata> f : sent) {
                assertThat(f.get(30, TimeUnit.SECONDS).hasOffset()).isTrue();
            }

            // Existing topics: nothing to create, still returns (and still checks leaders).
            TopicProvisioning.ensure(admin, specs, Duration.ofSeconds(10));
        }
    }
}
