package io.jobpulse.analytics.cli;

import io.jobpulse.analytics.ClickHouseSettings;
import io.jobpulse.analytics.sink.SinkSettings;
import io.jobpulse.contracts.PipelineEndpoints;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Where Kafka, the registry and ClickHouse are (option, then environment, then a running {@code ./jobpulse stack}). */
public final class EndpointOptions {

    /** Placeholder for commands that only talk to ClickHouse; PipelineEndpoints insists on a Kafka address. */
    private static final String NO_KAFKA = "unused:0";

    @Option(names = "--bootstrap-servers", description = "Kafka bootstrap servers (default: $JOBPULSE_KAFKA_BOOTSTRAP or the running stack).")
    String bootstrapServers;

    @Option(names = "--registry-url", description = "Schema registry URL (default: $JOBPULSE_REGISTRY_URL or the running stack).")
    String registryUrl;

    @Option(names = "--clickhouse-url", description = "ClickHouse JDBC URL (default: $JOBPULSE_CLICKHOUSE_URL or the running stack); "
            + "user and password from $JOBPULSE_CLICKHOUSE_USER / $JOBPULSE_CLICKHOUSE_PASSWORD.")
    String clickHouseUrl;

    @Option(names = "--database", defaultValue = ClickHouseSettings.DEFAULT_DATABASE,
            description = "ClickHouse database for jobpulse's tables (default: ${DEFAULT-VALUE}).")
    String database;

    @Option(names = "--stack-data-dir", description = "Data directory of a running ./jobpulse stack (default: .jobpulse/data).")
    Path stackDataDir;

    @Option(names = "--group-id", defaultValue = SinkSettings.DEFAULT_GROUP, description = "Sink consumer group (default: ${DEFAULT-VALUE}).")
    String groupId;

    @Option(names = "--batch-rows", defaultValue = "10000", description = "Rows per ClickHouse batch (default: ${DEFAULT-VALUE}).")
    int batchRows;

    @Option(names = "--batch-delay", defaultValue = "PT1S", description = "Longest wait before a partial batch is written (default: ${DEFAULT-VALUE}).")
    Duration batchDelay;

    ClickHouseSettings clickHouse() {
        PipelineEndpoints endpoints = PipelineEndpoints.resolve(bootstrapServers == null ? NO_KAFKA : bootstrapServers,
                registryUrl, clickHouseUrl, stackDataDir);
        return ClickHouseSettings.fromEnvironment(endpoints.requireClickHouse(), database);
    }

    SinkSettings sink() {
        PipelineEndpoints endpoints = PipelineEndpoints.resolve(bootstrapServers, registryUrl, clickHouseUrl, stackDataDir);
        ClickHouseSettings clickHouse = ClickHouseSettings.fromEnvironment(endpoints.requireClickHouse(), database);
        return SinkSettings.defaults(endpoints.kafkaBootstrapServers(), endpoints.requireRegistry(), clickHouse)
                .withGroupId(groupId).withBatching(batchRows, batchDelay);
    }
}
