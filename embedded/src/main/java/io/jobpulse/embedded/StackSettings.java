package io.jobpulse.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run the embedded stack. A port of 0 means "the port this data directory used last time, else any free one":
 * endpoints then stay stable across restarts of one data directory, which keeps clients' configs valid.
 *
 * @param dataDir                where Kafka's log, the registry's H2 file and ClickHouse's data live
 * @param kafkaPort              Kafka's PLAINTEXT listener
 * @param kafkaControllerPort    Kafka's KRaft controller listener
 * @param registryPort           Apicurio Registry's HTTP API
 * @param registryManagementPort Apicurio Registry's health endpoints
 * @param clickHousePort         the ClickHouse HTTP-compatible endpoint
 * @param startTimeout           how long each component may take to become healthy
 */
public record StackSettings(Path dataDir, int kafkaPort, int kafkaControllerPort, int registryPort,
                            int registryManagementPort, int clickHousePort, Duration startTimeout) {

    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);

    public StackSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(startTimeout, "startTimeout");
        for (int port : new int[] {kafkaPort, kafkaControllerPort, registryPort, registryManagementPort, clickHousePort}) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }
    }

    /** Every port chosen freely (remembered per data directory). */
    public static StackSettings ephemeral(Path dataDir) {
        return new StackSettings(dataDir, 0, 0, 0, 0, 0, DEFAULT_START_TIMEOUT);
    }
}
