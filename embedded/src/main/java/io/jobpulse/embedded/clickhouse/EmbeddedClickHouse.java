package io.jobpulse.embedded.clickhouse;

import java.nio.file.Path;

/**
 * The embedded default ClickHouse: ClickHouse 26.7 running inside this JVM (chDB), reachable only through its HTTP
 * interface on 127.0.0.1, so the rest of jobpulse uses the official JDBC driver exactly as against a server.
 *
 * <p>One per JVM (chDB runs one engine per process). {@link #stopEndpoint()} and {@link #startEndpoint()} take the
 * listener down and up on the same port while the data stays, to simulate an unavailable ClickHouse.
 *
 * <pre>{@code
 * try (EmbeddedClickHouse clickHouse = EmbeddedClickHouse.start(Path.of("target/clickhouse"), 0)) {
 *     Connection connection = DriverManager.getConnection(clickHouse.jdbcUrl());
 * }
 * }</pre>
 * The HTTP user is {@code default} with no password.
 */
public final class EmbeddedClickHouse implements AutoCloseable {

    private final ChdbEngine engine;
    private final ClickHouseHttpEndpoint endpoint;

    private EmbeddedClickHouse(ChdbEngine engine, ClickHouseHttpEndpoint endpoint) {
        this.engine = engine;
        this.endpoint = endpoint;
    }

    /**
     * Opens ClickHouse on {@code dataDir} (created if missing; data persists across restarts) and starts its HTTP
     * endpoint on {@code port}, 0 for a free one. The first call on a machine may fetch chDB (see {@link ChdbLibrary}).
     *
     * @throws IllegalStateException if this JVM already runs an embedded ClickHouse
     */
    public static EmbeddedClickHouse start(Path dataDir, int port) {
        ChdbEngine engine = ChdbEngine.open(dataDir);
        ClickHouseHttpEndpoint endpoint = null;
        try {
            endpoint = new ClickHouseHttpEndpoint(engine, ClickHouseHttpEndpoint.Settings.defaults(port));
            endpoint.start();
            return new EmbeddedClickHouse(engine, endpoint);
        } catch (RuntimeException e) {
            // A port already taken must not leave the JVM's one engine open, or no retry could start another.
            if (endpoint != null) {
                endpoint.close();
            }
            engine.close();
            throw e;
        }
    }

    /** {@code jdbc:clickhouse:http://127.0.0.1:PORT/default}. */
    public String jdbcUrl() {
        return "jdbc:clickhouse:http://127.0.0.1:" + port() + "/default";
    }

    /**
     * {@code jdbc:clickhouse:http://127.0.0.1:PORT/<database>}. Prefer this over {@code Connection.setSchema}: the
     * driver's RowBinary batch inserts ({@code beta.row_binary_for_simple_insert}) address the URL's database.
     */
    public String jdbcUrl(String database) {
        return "jdbc:clickhouse:http://127.0.0.1:" + port() + "/" + database;
    }

    /** {@code http://127.0.0.1:PORT}, ClickHouse's HTTP interface (for curl, or {@code /ping}). */
    public String httpUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return endpoint.port();
    }

    /** ClickHouse's version, as {@code SELECT version()} reports it. */
    public String version() {
        return engine.version();
    }

    public Path dataDirectory() {
        return engine.dataDirectory();
    }

    public String user() {
        return "default";
    }

    public String password() {
        return "";
    }

    /** Stops the HTTP listener: clients get connection refused until {@link #startEndpoint()}. Data is kept. */
    public void stopEndpoint() {
        endpoint.stop();
    }

    /** Listens again on the same port. */
    public void startEndpoint() {
        endpoint.start();
    }

    public boolean isEndpointRunning() {
        return endpoint.isRunning();
    }

    /** For code in this module that talks to chDB directly (benchmarks of the raw engine). */
    public ChdbEngine engine() {
        return engine;
    }

    /** Stops the endpoint and closes the engine, which flushes the data to {@code dataDir}. */
    @Override
    public void close() {
        try {
            endpoint.close();
        } finally {
            engine.close();
        }
    }
}
