package io.jobpulse.embedded.testing;

import io.jobpulse.embedded.clickhouse.EmbeddedClickHouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The test JVM's one embedded ClickHouse, started on first use in a temporary directory and shut down (and deleted)
 * by a shutdown hook. chDB allows one engine per process, so every test and fixture in a JVM (this module's ITs and
 * the full-stack fixture alike) must share this instance rather than start its own.
 *
 * <p>Tests keep out of each other's way with their own database: {@link #createDatabase(String)}.
 */
public final class TestClickHouse {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedClickHouse instance;

    private TestClickHouse() {
    }

    /**
     * The shared instance, started if needed. If a test stopped its endpoint (to simulate an outage) and did not
     * start it again, it is started here, so one test's outage never leaks into the next.
     */
    public static synchronized EmbeddedClickHouse get() {
        if (instance == null) {
            Path dataDirectory;
            try {
                dataDirectory = Files.createTempDirectory("jobpulse-clickhouse-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedClickHouse started = EmbeddedClickHouse.start(dataDirectory, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                deleteRecursively(dataDirectory);
            }, "test-clickhouse-shutdown"));
            instance = started;
        } else if (!instance.isEndpointRunning()) {
            instance.startEndpoint();
        }
        return instance;
    }

    /** {@code jdbc:clickhouse:http://127.0.0.1:PORT/default} of the shared instance. */
    public static String jdbcUrl() {
        return get().jdbcUrl();
    }

    /** Creates a database with a unique name starting with {@code prefix} and returns that name. */
    public static String createDatabase(String prefix) {
        String name = prefix.replaceAll("[^A-Za-z0-9_]", "_") + "_" + ProcessHandle.current().pid() + "_"
                + DATABASES.incrementAndGet();
        execute("CREATE DATABASE " + name);
        return name;
    }

    /** Runs one statement over HTTP, failing on anything but HTTP 200; returns the output (TabSeparated). */
    public static String execute(String sql) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(get().httpUrl() + "/?query="
                            + URLEncoder.encode(sql, StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("ClickHouse refused " + sql + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Best effort at JVM exit: a temp directory left behind is harmless.
        }
    }
}
