package io.jobpulse.embedded.registry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Apicurio Registry 3.x as a child process on loopback, from its prebuilt distribution. Storage is H2 in a file under
 * the data directory, so schema ids stay valid for the records already in Kafka after a restart. The
 * Confluent-compatible API is at {@code /apis/ccompat/v7}; health is checked on the management port.
 *
 * <p>The child is wrapped in a tiny shell that watches its stdin: if this JVM dies, even by SIGKILL, the pipe closes
 * and the wrapper stops the registry, so no orphan keeps the ports. (The watcher reads a duplicate of stdin, fd 3,
 * because bash gives background jobs /dev/null as their stdin.)
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);
    private static final String WATCHDOG = """
            exec 3<&0
            "$@" &
            child=$!
            { while read -r _ <&3; do :; done; kill -TERM "$child" 2>/dev/null; } &
            wait "$child"
            """;

    private final Process process;
    private final OutputStream lifeline;
    private final int port;
    private final int managementPort;
    private final Path logFile;

    private EmbeddedSchemaRegistry(Process process, int port, int managementPort, Path logFile) {
        this.process = process;
        this.lifeline = process.getOutputStream();
        this.port = port;
        this.managementPort = managementPort;
        this.logFile = logFile;
    }

    public static EmbeddedSchemaRegistry start(Path storageDir, Path logFile, int port, int managementPort, Duration timeout) {
        Path home = RegistryDistribution.ensureUnpacked();
        try {
            Files.createDirectories(storageDir);
            Files.createDirectories(logFile.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of("bash", "-c", WATCHDOG, "registry-watchdog",
                java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                // Apicurio's management port defaults to 9000, ClickHouse's native port: always set it.
                "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + managementPort,
                "-Dapicurio.datasource.url=jdbc:h2:file:" + storageDir.toAbsolutePath().resolve("registry") + ";DB_CLOSE_ON_EXIT=FALSE",
                "-Dquarkus.log.console.level=WARN",
                "-jar", "quarkus-run.jar"));
        try {
            Process process = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(process, port, managementPort, logFile);
            try {
                registry.awaitReady(timeout);
            } catch (RuntimeException e) {
                registry.close();
                throw e;
            }
            return registry;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Apicurio Registry from " + home, e);
        }
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Apicurio Registry exited with " + process.exitValue() + "; see " + logFile);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the registry", e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the registry", e);
            }
        }
        throw new IllegalStateException("Apicurio Registry not ready on port " + managementPort + " within " + timeout + "; see " + logFile);
    }

    /** The registry's root URL, e.g. {@code http://127.0.0.1:8081}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public int managementPort() {
        return managementPort;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        try {
            lifeline.close(); // the watchdog sends SIGTERM to the registry
        } catch (IOException e) {
            log.debug("closing registry lifeline", e);
        }
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                log.warn("Apicurio Registry did not stop within 20 s; killing it");
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
