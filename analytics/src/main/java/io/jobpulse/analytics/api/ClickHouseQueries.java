package io.jobpulse.analytics.api;

import io.jobpulse.analytics.ClickHouseSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the API's read queries: SQL text is always a constant of the query classes (or assembled from constant
 * fragments), and every value is a bound JDBC parameter. Connections are pooled; one that failed is dropped. Each
 * pooled connection keeps its prepared statements, because the driver parses the SQL text when a statement is
 * prepared (a large share of a role page's client-side CPU) and the texts are a handful of constants.
 */
public final class ClickHouseQueries implements AutoCloseable {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final ClickHouseSettings settings;
    /** A pooled connection and its statements by SQL text; used by one thread at a time. */
    private record Pooled(Connection connection, Map<String, PreparedStatement> statements) {
        PreparedStatement prepare(String sql) throws SQLException {
            PreparedStatement statement = statements.get(sql);
            if (statement == null) {
                statement = connection.prepareStatement(sql);
                statements.put(sql, statement);
            }
            return statement;
        }

        void close() {
            try {
                connection.close(); // closes its statements
            } catch (SQLException e) {
                // dropping it either way
            }
        }
    }

    private final BlockingQueue<Pooled> idle = new ArrayBlockingQueue<>(32);
    private final AtomicLong statements = new AtomicLong();

    public ClickHouseQueries(ClickHouseSettings settings) {
        this.settings = settings;
    }

    public <T> List<T> query(String sql, List<?> parameters, RowMapper<T> mapper) throws SQLException {
        Pooled connection = borrow();
        boolean healthy = false;
        try {
            PreparedStatement statement = connection.prepare(sql);
            statement.clearParameters();
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            statements.incrementAndGet();
            List<T> out = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    out.add(mapper.map(rows));
                }
            }
            healthy = true;
            return out;
        } finally {
            release(connection, healthy);
        }
    }

    /** True when ClickHouse answers {@code SELECT 1} on jobpulse's database. */
    public void ping() throws SQLException {
        Pooled connection = borrow();
        boolean healthy = false;
        try (Statement statement = connection.connection().createStatement(); ResultSet rows = statement.executeQuery("SELECT 1")) {
            rows.next();
            healthy = true;
        } finally {
            release(connection, healthy);
        }
    }

    /** How many statements were sent to ClickHouse so far (tests check that rejected requests send none). */
    public long statementsExecuted() {
        return statements.get();
    }

    private Pooled borrow() throws SQLException {
        Pooled c = idle.poll();
        return c != null ? c : new Pooled(settings.connect(Map.of()), new HashMap<>());
    }

    private void release(Pooled connection, boolean healthy) {
        if (!healthy || !idle.offer(connection)) {
            connection.close();
        }
    }

    @Override
    public void close() {
        for (Pooled c; (c = idle.poll()) != null; ) {
            c.close();
        }
    }

    static List<String> strings(ResultSet row, String column) throws SQLException {
        java.sql.Array array = row.getArray(column);
        if (array == null) {
            return List.of();
        }
        Object values = array.getArray();
        List<String> out = new ArrayList<>();
        if (values instanceof Object[] objects) {
            for (Object o : objects) {
                out.add(String.valueOf(o));
            }
        } else if (values instanceof List<?> list) {
            list.forEach(o -> out.add(String.valueOf(o)));
        }
        return out;
    }

    static Double nullableDouble(ResultSet row, String column) throws SQLException {
        double v = row.getDouble(column);
        return row.wasNull() ? null : v;
    }
}
