package io.jobpulse.analytics;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How analytics reaches ClickHouse: a JDBC URL (any database in its path), the database that holds jobpulse's tables,
 * and the credentials. Parsed once; every connection is made through {@link #connect(Map)}.
 *
 * <p>Keys and defaults: the URL comes from {@code --clickhouse-url} or {@code JOBPULSE_CLICKHOUSE_URL} (see
 * {@code PipelineEndpoints}); user and password from {@code JOBPULSE_CLICKHOUSE_USER} / {@code
 * JOBPULSE_CLICKHOUSE_PASSWORD} (default {@code default} with no password); the database from {@code --database}
 * (default {@value #DEFAULT_DATABASE}).
 *
 * @param jdbcUrl  e.g. {@code jdbc:clickhouse:http://127.0.0.1:8123/default}
 * @param database jobpulse's database, e.g. {@code jobpulse}
 * @param user     ClickHouse user
 * @param password its password ("" for none)
 */
public record ClickHouseSettings(String jdbcUrl, String database, String user, String password) {

    public static final String DEFAULT_DATABASE = "jobpulse";
    public static final String ENV_USER = "JOBPULSE_CLICKHOUSE_USER";
    public static final String ENV_PASSWORD = "JOBPULSE_CLICKHOUSE_PASSWORD";

    private static final Pattern URL = Pattern.compile("^(jdbc:(?:clickhouse|ch):(?:https?://)?[^/?]+)(/[^?]*)?(\\?.*)?$");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    public ClickHouseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!URL.matcher(jdbcUrl).matches()) {
            throw new IllegalArgumentException("Not a ClickHouse JDBC URL: " + jdbcUrl
                    + " (expected jdbc:clickhouse:http://host:port/database)");
        }
        if (database == null || !IDENTIFIER.matcher(database).matches()) {
            // The name goes into DDL text (CREATE DATABASE), so only plain identifiers are accepted.
            throw new IllegalArgumentException("Database name must be a plain identifier: " + database);
        }
        user = user == null || user.isBlank() ? "default" : user;
        password = password == null ? "" : password;
    }

    /** Settings with credentials from the environment. */
    public static ClickHouseSettings fromEnvironment(String jdbcUrl, String database) {
        return new ClickHouseSettings(jdbcUrl, database == null ? DEFAULT_DATABASE : database,
                System.getenv(ENV_USER), System.getenv(ENV_PASSWORD));
    }

    /**
     * The URL with jobpulse's database as its path. The driver's RowBinary batch inserts address the URL's database,
     * so every connection but the one that creates the database uses this.
     */
    public String databaseUrl() {
        return withDatabase(database);
    }

    String withDatabase(String name) {
        Matcher m = URL.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalStateException(jdbcUrl);
        }
        return m.group(1) + "/" + name + (m.group(3) == null ? "" : m.group(3));
    }

    /** A connection to jobpulse's database with the given extra driver properties. */
    public Connection connect(Map<String, String> driverProperties) throws SQLException {
        return DriverManager.getConnection(databaseUrl(), properties(driverProperties));
    }

    /** A connection to the URL as given (its own database), for creating jobpulse's database. */
    public Connection connectToServer() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, properties(Map.of()));
    }

    private Properties properties(Map<String, String> extra) {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        extra.forEach(p::setProperty);
        return p;
    }

    @Override
    public String toString() {
        return "ClickHouseSettings[" + databaseUrl() + ", user=" + user + "]";
    }
}
