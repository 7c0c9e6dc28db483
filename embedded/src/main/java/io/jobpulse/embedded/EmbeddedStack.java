package io.jobpulse.embedded;

import io.jobpulse.contracts.PipelineEndpoints;
import io.jobpulse.contracts.RegistrySettings;
import io.jobpulse.embedded.clickhouse.EmbeddedClickHouse;
import io.jobpulse.embedded.kafka.EmbeddedKafka;
import io.jobpulse.embedded.registry.EmbeddedSchemaRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The embedded default: real Kafka, a real schema registry and ClickHouse on loopback, for {@code ./jobpulse stack},
 * the demo and every integration test.
 *
 * <ul>
 *   <li>Kafka 4.4, KRaft combined mode, single node, in this JVM ({@code <dataDir>/kafka});</li>
 *   <li>Apicurio Registry 3.3.3 as a child process, H2 file storage ({@code <dataDir>/registry});</li>
 *   <li>ClickHouse 26.7 (chDB) in this JVM behind a ClickHouse-HTTP-compatible endpoint ({@code <dataDir>/clickhouse}),
 *       so clients use the official JDBC driver exactly as against a server.</li>
 * </ul>
 * Kafka and the registry start in parallel; the stack writes {@link PipelineEndpoints#ENDPOINTS_FILE} into the data
 * directory so other commands find it, and removes it on close. One stack per data directory and per JVM (chDB
 * allows one engine per process).
 */
public final class EmbeddedStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStack.class);
    private static final String PORTS_FILE = "stack-ports.properties";

    /** Receives start-up progress, for a command line to print. */
    public interface Progress {
        void started(String component, String endpoint, Duration took);

        Progress NONE = (component, endpoint, took) -> { };
    }

    private final StackSettings settings;
    private final EmbeddedKafka kafka;
    private final EmbeddedSchemaRegistry registry;
    private final EmbeddedClickHouse clickHouse;
    private final boolean ownsClickHouse;
    private final Duration startUpTime;

    private EmbeddedStack(StackSettings settings, EmbeddedKafka kafka, EmbeddedSchemaRegistry registry,
                          EmbeddedClickHouse clickHouse, boolean ownsClickHouse, Duration startUpTime) {
        this.settings = settings;
        this.kafka = kafka;
        this.registry = registry;
        this.clickHouse = clickHouse;
        this.ownsClickHouse = ownsClickHouse;
        this.startUpTime = startUpTime;
    }

    public static EmbeddedStack start(StackSettings settings, Progress progress) {
        return start(settings, progress, null);
    }

    /**
     * Starts the stack. {@code sharedClickHouse}, when given, is used instead of starting one (a JVM can hold only one
     * chDB engine, and tests share it); the stack then does not close it.
     */
    public static EmbeddedStack start(StackSettings settings, Progress progress, EmbeddedClickHouse sharedClickHouse) {
        long t0 = System.nanoTime();
        Path dataDir = settings.dataDir().toAbsolutePath();
        ResolvedPorts ports = ResolvedPorts.resolve(settings, dataDir);

        CompletableFuture<EmbeddedSchemaRegistry> registryStart = CompletableFuture.supplyAsync(() -> {
            long t = System.nanoTime();
            EmbeddedSchemaRegistry r = EmbeddedSchemaRegistry.start(dataDir.resolve("registry"),
                    dataDir.resolve("logs").resolve("registry.log"), ports.registry, ports.registryManagement,
                    settings.startTimeout());
            progress.started("Schema registry", r.url(), Duration.ofNanos(System.nanoTime() - t));
            return r;
        });

        EmbeddedKafka kafka = null;
        EmbeddedClickHouse clickHouse = null;
        try {
            long t = System.nanoTime();
            kafka = EmbeddedKafka.start(dataDir.resolve("kafka"), ports.kafka, ports.kafkaController, settings.startTimeout());
            progress.started("Kafka", kafka.bootstrapServers(), Duration.ofNanos(System.nanoTime() - t));

            t = System.nanoTime();
            clickHouse = sharedClickHouse != null ? sharedClickHouse
                    : EmbeddedClickHouse.start(dataDir.resolve("clickhouse"), ports.clickHouse);
            progress.started("ClickHouse", clickHouse.jdbcUrl(), Duration.ofNanos(System.nanoTime() - t));

            EmbeddedSchemaRegistry registry = registryStart.join();
            setGlobalCompatibility(registry.url(), "BACKWARD");
            EmbeddedStack stack = new EmbeddedStack(settings, kafka, registry, clickHouse, sharedClickHouse == null,
                    Duration.ofNanos(System.nanoTime() - t0));
            stack.endpoints().writeTo(dataDir);
            return stack;
        } catch (RuntimeException | IOException e) {
            registryStart.thenAccept(EmbeddedSchemaRegistry::close);
            if (clickHouse != null && sharedClickHouse == null) {
                clickHouse.close();
            }
            if (kafka != null) {
                kafka.close();
            }
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause.getMessage(), cause);
        }
    }

    /**
     * New subjects default to BACKWARD: a new schema must read data written with the previous one, so consumers can
     * upgrade after producers.
     */
    private static void setGlobalCompatibility(String registryUrl, String level) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(registryUrl + "/apis/ccompat/v7/config"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"" + level + "\"}"))
                .timeout(Duration.ofSeconds(10))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Setting registry compatibility failed: " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public RegistrySettings registry() {
        return RegistrySettings.of(registry.url());
    }

    public String clickHouseJdbcUrl() {
        return clickHouse.jdbcUrl();
    }

    /** ClickHouse's HTTP interface, for curl and other HTTP clients. */
    public String clickHouseHttpUrl() {
        return clickHouse.httpUrl();
    }

    /** The embedded ClickHouse itself, for tests that stop and restart its endpoint. */
    public EmbeddedClickHouse clickHouse() {
        return clickHouse;
    }

    public PipelineEndpoints endpoints() {
        return new PipelineEndpoints(kafkaBootstrapServers(), registry(), clickHouseJdbcUrl());
    }

    public StackSettings settings() {
        return settings;
    }

    public Duration startUpTime() {
        return startUpTime;
    }

    /** Stops ClickHouse's endpoint, the registry and Kafka, in that order, and removes the endpoints file. */
    @Override
    public void close() {
        Path dataDir = settings.dataDir().toAbsolutePath();
        try {
            PipelineEndpoints.deleteFrom(dataDir);
        } catch (IOException e) {
            log.warn("Could not remove the endpoints file in {}: {}", dataDir, e.getMessage());
        }
        if (ownsClickHouse) {
            closeQuietly("ClickHouse", clickHouse);
        }
        closeQuietly("schema registry", registry);
        closeQuietly("Kafka", kafka);
    }

    private static void closeQuietly(String what, AutoCloseable component) {
        try {
            component.close();
        } catch (Exception e) {
            log.warn("Stopping {} failed: {}", what, e.toString());
        }
    }

    /** Ports for this start: requested ones, else those this data directory used before, else free ones. */
    private record ResolvedPorts(int kafka, int kafkaController, int registry, int registryManagement, int clickHouse) {

        static ResolvedPorts resolve(StackSettings s, Path dataDir) {
            Properties previous = new Properties();
            Path file = dataDir.resolve(PORTS_FILE);
            if (Files.isReadable(file)) {
                try (Reader in = Files.newBufferedReader(file)) {
                    previous.load(in);
                } catch (IOException e) {
                    log.warn("Ignoring unreadable {}: {}", file, e.getMessage());
                }
            }
            Set<Integer> taken = new HashSet<>();
            ResolvedPorts ports = new ResolvedPorts(
                    pick(s.kafkaPort(), previous, "kafka", taken),
                    pick(s.kafkaControllerPort(), previous, "kafka.controller", taken),
                    pick(s.registryPort(), previous, "registry", taken),
                    pick(s.registryManagementPort(), previous, "registry.management", taken),
                    pick(s.clickHousePort(), previous, "clickhouse", taken));
            ports.save(file);
            return ports;
        }

        private static int pick(int requested, Properties previous, String key, Set<Integer> taken) {
            int port = choose(requested, previous, key, taken);
            taken.add(port);
            return port;
        }

        private static int choose(int requested, Properties previous, String key, Set<Integer> taken) {
            if (requested != 0) {
                if (taken.contains(requested)) {
                    throw new IllegalArgumentException("Port " + requested + " is given to two components");
                }
                if (PortAllocator.inUse(requested)) {
                    throw new IllegalStateException("Port " + requested + " (" + key + ") is already in use on 127.0.0.1;"
                            + " stop what listens there or choose another port");
                }
                return requested;
            }
            String before = previous.getProperty(key);
            if (before != null) {
                int port = Integer.parseInt(before);
                if (!taken.contains(port) && !PortAllocator.inUse(port)) {
                    return port;
                }
            }
            int port;
            do {
                port = PortAllocator.portOrFree(0);
            } while (taken.contains(port));
            return port;
        }

        private void save(Path file) {
            Properties p = new Properties();
            p.setProperty("kafka", String.valueOf(kafka));
            p.setProperty("kafka.controller", String.valueOf(kafkaController));
            p.setProperty("registry", String.valueOf(registry));
            p.setProperty("registry.management", String.valueOf(registryManagement));
            p.setProperty("clickhouse", String.valueOf(clickHouse));
            try {
                Files.createDirectories(file.getParent());
                try (Writer out = Files.newBufferedWriter(file)) {
                    p.store(out, "Ports the embedded stack used for this data directory");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + file, e);
            }
        }
    }
}
