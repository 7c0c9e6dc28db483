package io.jobpulse.cli;

import io.jobpulse.embedded.EmbeddedStack;
import io.jobpulse.embedded.StackSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./jobpulse stack}: starts the embedded default (Kafka, schema registry, ClickHouse) on loopback, prints one
 * line per endpoint once all are healthy, and runs until Ctrl-C or SIGTERM, which stop everything cleanly.
 */
@Command(name = "stack", mixinStandardHelpOptions = true,
        description = {"Run the embedded stack: Kafka 4.4 (KRaft), Apicurio Registry 3.3, ClickHouse 26.7 (chDB) on 127.0.0.1.",
                "Prints 'Kafka: ...', 'Schema registry: ...', 'ClickHouse: ...' when healthy; Ctrl-C stops it.",
                "A port of 0 reuses the port this data directory used last time, else picks a free one."})
final class StackCommand implements Callable<Integer> {

    @Option(names = "--data-dir", defaultValue = ".jobpulse/data",
            description = "Where Kafka, the registry and ClickHouse keep their data; it survives restarts (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka listener (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--kafka-controller-port", defaultValue = "9093", description = "Kafka KRaft controller listener (default: ${DEFAULT-VALUE}).")
    int kafkaControllerPort;

    @Option(names = "--registry-port", defaultValue = "8081", description = "Schema registry HTTP API (default: ${DEFAULT-VALUE}).")
    int registryPort;

    @Option(names = "--registry-management-port", defaultValue = "8091", description = "Schema registry health endpoints (default: ${DEFAULT-VALUE}).")
    int registryManagementPort;

    @Option(names = "--clickhouse-port", defaultValue = "8123", description = "ClickHouse HTTP endpoint (default: ${DEFAULT-VALUE}).")
    int clickHousePort;

    @Option(names = "--start-timeout", defaultValue = "PT2M", description = "Longest wait for each component to be healthy (default: ${DEFAULT-VALUE}).")
    Duration startTimeout;

    @Override
    public Integer call() throws InterruptedException {
        PrintStream out = System.out;
        PrintStream err = System.err;
        StackSettings settings = new StackSettings(dataDir, kafkaPort, kafkaControllerPort, registryPort,
                registryManagementPort, clickHousePort, startTimeout);
        err.println("Starting the embedded stack in " + dataDir.toAbsolutePath() + " ...");
        EmbeddedStack stack = EmbeddedStack.start(settings, (component, endpoint, took) ->
                err.printf("  %s healthy after %.1f s%n", component, took.toMillis() / 1000.0));

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            err.println("Stopping the embedded stack ...");
            stack.close();
            err.println("Stopped.");
            stopped.countDown();
        }, "stack-shutdown"));

        out.println("Kafka: " + stack.kafkaBootstrapServers());
        out.println("Schema registry: " + stack.registry().baseUrl() + "/apis/ccompat/v7 (Apicurio native API: "
                + stack.registry().nativeApiUrl() + ")");
        out.println("ClickHouse: " + stack.clickHouseJdbcUrl() + " (HTTP: " + stack.clickHouseHttpUrl() + ")");
        out.printf("Ready in %.1f s. Data in %s. Press Ctrl-C to stop.%n",
                stack.startUpTime().toMillis() / 1000.0, dataDir.toAbsolutePath());
        out.flush();
        stopped.await();
        return 0;
    }
}
