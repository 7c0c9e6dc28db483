package io.jobpulse.embedded.kafka;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A single-node Kafka 4.4 broker in KRaft combined mode (broker and controller in one), running in this JVM from
 * Kafka's production classes. The log directory is formatted on first start and reused afterwards, so topics and
 * offsets survive a restart on the same directory.
 *
 * <p>Single-node settings that are not optional: replication factor 1 and min ISR 1 for the offsets and transaction
 * state topics (without them consumers see nothing and {@code initTransactions} hangs).
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private final KafkaRaftServer server;

    private EmbeddedKafka(Path logDir, int port, int controllerPort, KafkaRaftServer server) {
        this.logDir = logDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.server = server;
    }

    /**
     * Formats {@code logDir} if it holds no cluster yet, starts the broker and waits until it answers metadata
     * requests.
     */
    public static EmbeddedKafka start(Path logDir, int port, int controllerPort, Duration timeout) throws IOException {
        Files.createDirectories(logDir);
        Map<String, String> config = brokerConfig(logDir, port, controllerPort);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(logDir, config);
        }
        Properties props = new Properties();
        props.putAll(config);
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        server.startup();
        EmbeddedKafka kafka = new EmbeddedKafka(logDir, port, controllerPort, server);
        try {
            kafka.awaitReady(timeout);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        return kafka;
    }

    static Map<String, String> brokerConfig(Path logDir, int port, int controllerPort) {
        String host = "127.0.0.1";
        return Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", String.valueOf(NODE_ID)),
                // A static voter set: the controller's address comes from this config on every start, so a restart
                // on other ports still finds its quorum (a dynamic quorum would remember the old endpoint).
                Map.entry("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://" + host + ":" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"),
                Map.entry("log.dirs", logDir.toAbsolutePath().toString()),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "5"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", "5"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // broker.session.timeout.ms stays at Kafka's default (9 s): a restart on an existing log dir waits for
                // the previous registration to expire, but a shorter session let GC or CPU stalls fence the broker,
                // after which idempotent producers looped on OUT_OF_ORDER_SEQUENCE_NUMBER.
                Map.entry("num.partitions", "1"),
                Map.entry("num.network.threads", "2"),
                Map.entry("num.io.threads", "4"),
                Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024)),
                Map.entry("log.cleaner.threads", "1"));
    }

    private static void format(Path logDir, Map<String, String> config) throws IOException {
        Path configFile = Files.createTempFile("jobpulse-kafka-format", ".properties");
        try {
            try (Writer w = Files.newBufferedWriter(configFile)) {
                Properties p = new Properties();
                p.putAll(config);
                p.store(w, "format only");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String clusterId = Uuid.randomUuid().toString();
            int rc = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", configFile.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            if (rc != 0) {
                throw new IllegalStateException("Formatting Kafka storage in " + logDir + " failed: " + out.toString(StandardCharsets.UTF_8));
            }
            log.info("Formatted Kafka storage in {} (cluster {})", logDir, clusterId);
        } finally {
            Files.deleteIfExists(configFile);
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try (Admin admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
                if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            sleep(100);
        }
        throw new IllegalStateException("Kafka on " + bootstrapServers() + " not ready within " + timeout, last);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path logDir() {
        return logDir;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
