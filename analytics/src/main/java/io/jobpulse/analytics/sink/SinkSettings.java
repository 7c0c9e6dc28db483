package io.jobpulse.analytics.sink;

import io.jobpulse.analytics.ClickHouseSettings;
import io.jobpulse.contracts.RegistrySettings;
import io.jobpulse.contracts.Topics;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the sink needs, parsed once.
 *
 * @param kafkaBootstrapServers Kafka to consume from
 * @param registry              schema registry for the Avro values
 * @param clickHouse            where to write
 * @param enrichedTopic         enriched postings topic (default {@code Topics.ENRICHED_POSTINGS})
 * @param aggregatesTopic       aggregates topic (default {@code Topics.AGGREGATES})
 * @param deadLetterTopic       rejected rows go here with the reason (default {@code Topics.ANALYTICS_DEAD_LETTERS})
 * @param groupId               consumer group; its committed offsets are the sink's progress
 * @param batchRows             a batch is written when it holds this many records ...
 * @param batchDelay            ... or when its oldest record has waited this long
 * @param backoffInitial        first wait after ClickHouse failed; doubles per failure ...
 * @param backoffMax            ... up to this
 */
public record SinkSettings(
        String kafkaBootstrapServers,
        RegistrySettings registry,
        ClickHouseSettings clickHouse,
        String enrichedTopic,
        String aggregatesTopic,
        String deadLetterTopic,
        String groupId,
        int batchRows,
        Duration batchDelay,
        Duration backoffInitial,
        Duration backoffMax) {

    public static final String DEFAULT_GROUP = "jobpulse-analytics-sink";
    public static final int DEFAULT_BATCH_ROWS = 10_000;
    public static final Duration DEFAULT_BATCH_DELAY = Duration.ofSeconds(1);

    public SinkSettings {
        Objects.requireNonNull(kafkaBootstrapServers, "kafkaBootstrapServers");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(clickHouse, "clickHouse");
        if (batchRows < 1) {
            throw new IllegalArgumentException("batchRows must be >= 1");
        }
        if (batchDelay.isNegative() || backoffInitial.isNegative() || backoffMax.compareTo(backoffInitial) < 0) {
            throw new IllegalArgumentException("delays must be >= 0 and backoffMax >= backoffInitial");
        }
    }

    /** Defaults: the pipeline's topics and group, 10,000 rows or 1 s per batch, back-off 200 ms doubling to 30 s. */
    public static SinkSettings defaults(String kafkaBootstrapServers, RegistrySettings registry, ClickHouseSettings clickHouse) {
        return new SinkSettings(kafkaBootstrapServers, registry, clickHouse, Topics.ENRICHED_POSTINGS.name(),
                Topics.AGGREGATES.name(), Topics.ANALYTICS_DEAD_LETTERS.name(), DEFAULT_GROUP, DEFAULT_BATCH_ROWS,
                DEFAULT_BATCH_DELAY, Duration.ofMillis(200), Duration.ofSeconds(30));
    }

    public SinkSettings withTopics(String enriched, String aggregates, String deadLetters) {
        return new SinkSettings(kafkaBootstrapServers, registry, clickHouse, enriched, aggregates, deadLetters, groupId,
                batchRows, batchDelay, backoffInitial, backoffMax);
    }

    public SinkSettings withGroupId(String group) {
        return new SinkSettings(kafkaBootstrapServers, registry, clickHouse, enrichedTopic, aggregatesTopic,
                deadLetterTopic, group, batchRows, batchDelay, backoffInitial, backoffMax);
    }

    public SinkSettings withBatching(int rows, Duration delay) {
        return new SinkSettings(kafkaBootstrapServers, registry, clickHouse, enrichedTopic, aggregatesTopic,
                deadLetterTopic, groupId, rows, delay, backoffInitial, backoffMax);
    }

    public SinkSettings withBackoff(Duration initial, Duration max) {
        return new SinkSettings(kafkaBootstrapServers, registry, clickHouse, enrichedTopic, aggregatesTopic,
                deadLetterTopic, groupId, batchRows, batchDelay, initial, max);
    }
}
