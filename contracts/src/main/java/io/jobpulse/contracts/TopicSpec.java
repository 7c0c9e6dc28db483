package io.jobpulse.contracts;

import java.util.Map;
import java.util.Objects;

/**
 * One Kafka topic of the pipeline: its name, how many partitions it is created with, its topic configs, and the
 * types of its keys and values. Every stage refers to topics through the constants in {@link Topics}, never by
 * string, so a rename or a config change happens in one place.
 *
 * @param name        topic name
 * @param partitions  partitions when the pipeline creates it
 * @param configs     topic-level configs (cleanup policy, retention, ...)
 * @param keyType     Java type of record keys
 * @param valueType   Java type of record values (an Avro class for registry-backed topics)
 * @param description what flows through it and who writes and reads it
 */
public record TopicSpec<K, V>(
        String name,
        int partitions,
        Map<String, String> configs,
        Class<K> keyType,
        Class<V> valueType,
        String description) {

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1 for topic " + name);
        }
        configs = Map.copyOf(configs);
    }
}
