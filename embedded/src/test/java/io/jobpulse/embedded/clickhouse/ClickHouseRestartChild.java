package io.jobpulse.embedded.clickhouse;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A JVM of its own for {@link ClickHouseRestartIT}: the test JVM already holds its one engine. Prints its findings
 * on stdout, one {@code key=value} per line.
 *
 * <p>Usage: {@code ClickHouseRestartChild write|read|reopen <dataDir>}.
 */
public final class ClickHouseRestartChild {

    private ClickHouseRestartChild() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path dataDirectory = Path.of(args[1]);
        switch (mode) {
            case "write" -> {
                try (EmbeddedClickHouse clickHouse = EmbeddedClickHouse.start(dataDirectory, 0)) {
                    write(clickHouse);
                }
            }
            case "read" -> {
                try (EmbeddedClickHouse clickHouse = EmbeddedClickHouse.start(dataDirectory, 0)) {
                    read(clickHouse);
                }
            }
            case "reopen" -> {
                try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    try {
                        EmbeddedClickHouse.start(dataDirectory, taken.getLocalPort()).close();
                        System.out.println("started=unexpectedly");
                    } catch (IllegalStateException e) {
                        System.out.println("refused=" + e.getMessage());
                    }
                }
                // The failed start released the engine, so starting again in this JVM works; so does after a close.
                try (EmbeddedClickHouse clickHouse = EmbeddedClickHouse.start(dataDirectory, 0)) {
                    write(clickHouse);
                }
                try (EmbeddedClickHouse clickHouse = EmbeddedClickHouse.start(dataDirectory, 0)) {
                    read(clickHouse);
                }
            }
            default -> throw new IllegalArgumentException("Unknown mode " + mode);
        }
        System.out.println("exit=clean");
    }

    private static void write(EmbeddedClickHouse clickHouse) throws SQLException {
        try (Connection connection = DriverManager.getConnection(clickHouse.jdbcUrl(), "default", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS survivors (id UInt32, name String) ENGINE = MergeTree ORDER BY id");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO survivors (id, name) VALUES (?, ?)")) {
                for (int i = 1; i <= 1000; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "posting-" + i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        System.out.println("written=1000");
    }

    private static void read(EmbeddedClickHouse clickHouse) throws SQLException {
        try (Connection connection = DriverManager.getConnection(clickHouse.jdbcUrl(), "default", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(), sum(id), any(name) LIKE 'posting-%' FROM survivors")) {
            rows.next();
            System.out.println("count=" + rows.getLong(1));
            System.out.println("sum=" + rows.getLong(2));
            System.out.println("names=" + rows.getBoolean(3));
        }
    }
}
