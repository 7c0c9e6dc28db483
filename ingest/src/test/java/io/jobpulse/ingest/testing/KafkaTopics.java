package io.jobpulse.ingest.testing;

import io.jobpulse.contracts.AvroSerdes;
import io.jobpulse.contracts.RegistrySettings;
import io.jobpulse.contracts.Topics;
import io.jobpulse.contracts.avro.JobPosting;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Reads whole topics with read_committed, up to their last stable offset, keeping records whose key matches. */
public final class KafkaTopics {

    private KafkaTopics() {
    }

    public static List<ConsumerRecord<String, JobPosting>> postings(String bootstrap, RegistrySettings registry,
                                                                    Predicate<String> key) {
        return read(bootstrap, Topics.POSTINGS.name(), AvroSerdes.deserializer(registry, JobPosting.class, false), key);
    }

    public static List<ConsumerRecord<String, String>> strings(String bootstrap, String topic, Predicate<String> key) {
        return read(bootstrap, topic, new StringDeserializer(), key);
    }

    private static <V> List<ConsumerRecord<String, V>> read(String bootstrap, String topic, Deserializer<V> values,
                                                           Predicate<String> key) {
        List<ConsumerRecord<String, V>> out = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(20)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("timed out reading " + topic);
                }
                for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() != null && key.test(r.key())) {
                        out.add(r);
                    }
                }
            }
        }
        return out;
    }
}
