package io.jobpulse.analytics.schema;

import io.jobpulse.analytics.ClickHouseSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the numbered SQL migrations ({@code V001__*.sql}, ... next to this class) to jobpulse's ClickHouse database,
 * each once, recording them in {@code schema_migrations} with a checksum.
 *
 * <p>Idempotent: every statement is {@code CREATE ... IF NOT EXISTS} or a backfill {@code INSERT} into a
 * ReplacingMergeTree table (rows written twice collapse), so a migration interrupted half-way is simply applied
 * again; an applied migration whose text changed since is refused (write a new one instead). Runs at start-up
 * of the sink and the server, and as {@code ./jobpulse analytics migrate}.
 */
public final class SchemaMigrator {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrator.class);

    /** Migrations in order. A new one gets the next number and is appended; applied ones are never edited. */
    static final List<String> MIGRATIONS = List.of(
            "V001__postings.sql",
            "V002__aggregates.sql",
            "V003__role_postings.sql");

    private final ClickHouseSettings settings;

    public SchemaMigrator(ClickHouseSettings settings) {
        this.settings = settings;
    }

    /** One applied migration. */
    public record Applied(int version, String name, boolean appliedNow) {
    }

    /** Creates the database if needed and applies what is missing; returns every migration with whether it ran now. */
    public List<Applied> migrate() throws SQLException {
        try (Connection server = settings.connectToServer(); Statement statement = server.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS " + settings.database());
        }
        List<Applied> result = new ArrayList<>();
        try (Connection connection = settings.connect(Map.of()); Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS schema_migrations (
                        version UInt32,
                        name String,
                        checksum String,
                        applied_at DateTime64(3, 'UTC') DEFAULT now64(3)
                    ) ENGINE = ReplacingMergeTree ORDER BY version""");
            Map<Integer, String> applied = appliedChecksums(statement);
            for (String name : MIGRATIONS) {
                int version = Integer.parseInt(name.substring(1, name.indexOf("__")));
                String sql = resource(name);
                String checksum = sha256(sql);
                String known = applied.get(version);
                if (known != null) {
                    if (!known.equals(checksum)) {
                        throw new IllegalStateException("Migration " + name + " was applied with different text (checksum "
                                + known + ", now " + checksum + "); add a new migration instead of editing it");
                    }
                    result.add(new Applied(version, name, false));
                    continue;
                }
                for (String ddl : statements(sql)) {
                    statement.execute(ddl);
                }
                try (PreparedStatement record = connection.prepareStatement(
                        "INSERT INTO schema_migrations (version, name, checksum) VALUES (?, ?, ?)")) {
                    record.setInt(1, version);
                    record.setString(2, name);
                    record.setString(3, checksum);
                    record.executeUpdate();
                }
                log.info("Applied ClickHouse migration {} to database {}", name, settings.database());
                result.add(new Applied(version, name, true));
            }
        }
        return result;
    }

    private static Map<Integer, String> appliedChecksums(Statement statement) throws SQLException {
        Map<Integer, String> applied = new LinkedHashMap<>();
        try (ResultSet rows = statement.executeQuery("SELECT version, checksum FROM schema_migrations FINAL ORDER BY version")) {
            while (rows.next()) {
                applied.put(rows.getInt(1), rows.getString(2));
            }
        }
        return applied;
    }

    /** Statements of a migration: separated by a semicolon at the end of a line; {@code --} comment lines dropped. */
    static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(line, 0, line.lastIndexOf(';'));
                statements.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    static String resource(String name) {
        try (InputStream in = SchemaMigrator.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing migration resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
