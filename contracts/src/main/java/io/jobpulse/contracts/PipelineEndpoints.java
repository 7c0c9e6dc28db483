package io.jobpulse.contracts;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the pipeline's infrastructure is: Kafka bootstrap servers, the schema registry, ClickHouse's JDBC URL.
 *
 * <p>Every command resolves them the same way, first match wins per endpoint:
 * <ol>
 *   <li>an explicit command-line option;</li>
 *   <li>the environment: {@value #ENV_KAFKA}, {@value #ENV_REGISTRY}, {@value #ENV_CLICKHOUSE};</li>
 *   <li>the endpoints file that a running {@code ./jobpulse stack} writes ({@value #ENDPOINTS_FILE} in its data
 *       directory, by default {@code .jobpulse/data}), so commands in another terminal find the embedded stack.</li>
 * </ol>
 *
 * @param kafkaBootstrapServers e.g. {@code 127.0.0.1:9092}
 * @param registry              the schema registry
 * @param clickHouseJdbcUrl     e.g. {@code jdbc:clickhouse:http://127.0.0.1:8123/default}
 */
public record PipelineEndpoints(String kafkaBootstrapServers, RegistrySettings registry, String clickHouseJdbcUrl) {

    public static final String ENV_KAFKA = "JOBPULSE_KAFKA_BOOTSTRAP";
    public static final String ENV_REGISTRY = "JOBPULSE_REGISTRY_URL";
    public static final String ENV_CLICKHOUSE = "JOBPULSE_CLICKHOUSE_URL";
    public static final String ENDPOINTS_FILE = "endpoints.properties";
    public static final Path DEFAULT_DATA_DIR = Path.of(".jobpulse", "data");

    /** Keys of the endpoints file. */
    public static final String KEY_KAFKA = "kafka.bootstrap.servers";
    public static final String KEY_REGISTRY = "registry.url";
    public static final String KEY_CLICKHOUSE = "clickhouse.jdbc.url";
    /** The stack's process id: a file whose process is gone (the stack was killed) is ignored. */
    public static final String KEY_PID = "pid";

    /**
     * Resolves endpoints from explicit values (null when not given), the environment, then the endpoints file.
     *
     * @throws IllegalStateException naming what is missing and how to provide it
     */
    public static PipelineEndpoints resolve(String kafka, String registryUrl, String clickHouseUrl, Path stackDataDir) {
        return resolve(kafka, registryUrl, clickHouseUrl, stackDataDir, System.getenv());
    }

    static PipelineEndpoints resolve(String kafka, String registryUrl, String clickHouseUrl, Path stackDataDir,
                                     Map<String, String> env) {
        Properties file = readEndpointsFile(stackDataDir == null ? DEFAULT_DATA_DIR : stackDataDir);
        String k = first(kafka, env.get(ENV_KAFKA), file.getProperty(KEY_KAFKA));
        String r = first(registryUrl, env.get(ENV_REGISTRY), file.getProperty(KEY_REGISTRY));
        String c = first(clickHouseUrl, env.get(ENV_CLICKHOUSE), file.getProperty(KEY_CLICKHOUSE));
        if (k == null) {
            throw new IllegalStateException("No Kafka to talk to: pass --bootstrap-servers, set " + ENV_KAFKA
                    + ", or start the embedded stack with ./jobpulse stack");
        }
        return new PipelineEndpoints(k, r == null ? null : RegistrySettings.of(r), c);
    }

    /** The registry, or a clear error for commands that need one. */
    public RegistrySettings requireRegistry() {
        if (registry == null) {
            throw new IllegalStateException("No schema registry: pass --registry-url, set " + ENV_REGISTRY
                    + ", or start the embedded stack with ./jobpulse stack");
        }
        return registry;
    }

    /** ClickHouse's JDBC URL, or a clear error for commands that need one. */
    public String requireClickHouse() {
        if (clickHouseJdbcUrl == null) {
            throw new IllegalStateException("No ClickHouse: pass --clickhouse-url, set " + ENV_CLICKHOUSE
                    + ", or start the embedded stack with ./jobpulse stack");
        }
        return clickHouseJdbcUrl;
    }

    /** Writes the endpoints file for other commands to find (called by the embedded stack). */
    public void writeTo(Path dataDir) throws IOException {
        Properties p = new Properties();
        p.setProperty(KEY_PID, String.valueOf(ProcessHandle.current().pid()));
        p.setProperty(KEY_KAFKA, kafkaBootstrapServers);
        if (registry != null) {
            p.setProperty(KEY_REGISTRY, registry.baseUrl().toString());
        }
        if (clickHouseJdbcUrl != null) {
            p.setProperty(KEY_CLICKHOUSE, clickHouseJdbcUrl);
        }
        Files.createDirectories(dataDir);
        Path tmp = dataDir.resolve(ENDPOINTS_FILE + ".tmp");
        try (var out = Files.newBufferedWriter(tmp)) {
            p.store(out, "Endpoints of the running jobpulse embedded stack");
        }
        Files.move(tmp, dataDir.resolve(ENDPOINTS_FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes the endpoints file when the stack stops, so no command talks to a stack that is gone. */
    public static void deleteFrom(Path dataDir) throws IOException {
        Files.deleteIfExists(dataDir.resolve(ENDPOINTS_FILE));
    }

    private static Properties readEndpointsFile(Path dataDir) {
        Properties p = new Properties();
        Path file = dataDir.resolve(ENDPOINTS_FILE);
        if (Files.isReadable(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
            }
            if (!stackProcessAlive(p.getProperty(KEY_PID))) {
                return new Properties();
            }
        }
        return p;
    }

    private static boolean stackProcessAlive(String pid) {
        if (pid == null) {
            return true; // written by hand or by an older version: trust it
        }
        try {
            return ProcessHandle.of(Long.parseLong(pid.trim())).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }

    public Optional<String> clickHouse() {
        return Optional.ofNullable(clickHouseJdbcUrl);
    }
}
