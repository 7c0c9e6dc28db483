package io.jobpulse.analytics.sink;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Keeps {@code role_postings} (see {@code V003__role_postings.sql}) right when a posting changes its roles or its day.
 *
 * <p>The table's materialized view writes a row per role of every posting version it sees, keyed by (role, day, id),
 * so a version that keeps its roles and day replaces the old rows by itself. One that drops a role or moves to another
 * day leaves its old keys behind; after each batch the sink runs this for the batch's posting ids, which writes a
 * retraction ({@code listed = 0}) at the posting's newest version in {@code postings} for every key it ever had that
 * the newest version no longer has. It reads only ClickHouse state (not the batch), so running it again after a
 * crash, for a redelivered batch or for an id whose newest version came in an earlier batch is harmless: the same
 * retractions collapse, and a retraction never overrides a row of a higher version.
 */
final class RoleKeyRetraction {

    static final String RETRACT = """
            INSERT INTO role_postings (role, day, id, version, listed)
            WITH ? AS ids
            SELECT k.role, k.day, k.id, p.newest, 0
            FROM role_posting_keys AS k
            INNER JOIN (
                SELECT id, argMax(roles, version) AS current_roles, argMax(day, version) AS current_day,
                       max(version) AS newest
                FROM postings
                WHERE id IN ids
                GROUP BY id) AS p ON k.id = p.id
            WHERE k.id IN ids AND NOT (has(p.current_roles, k.role) AND k.day = p.current_day)""";

    /**
     * Characters of posting ids per statement: the ids travel in the SQL text (the driver substitutes parameters on
     * the client), which ClickHouse refuses beyond max_query_size (256 KiB by default).
     */
    static final int IDS_CHARACTERS_PER_STATEMENT = 100_000;

    private RoleKeyRetraction() {
    }

    /** Retracts the keys the given postings' newest versions no longer have. */
    static void retract(Connection connection, Collection<String> postingIds) throws SQLException {
        List<String> chunk = new ArrayList<>();
        int characters = 0;
        for (String id : postingIds) {
            if (characters + id.length() > IDS_CHARACTERS_PER_STATEMENT && !chunk.isEmpty()) {
                retractChunk(connection, chunk);
                chunk.clear();
                characters = 0;
            }
            chunk.add(id);
            characters += id.length() + 4; // quotes, comma, space
        }
        if (!chunk.isEmpty()) {
            retractChunk(connection, chunk);
        }
    }

    private static void retractChunk(Connection connection, List<String> ids) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(RETRACT)) {
            statement.setArray(1, connection.createArrayOf("String", ids.toArray(new String[0])));
            statement.executeUpdate();
        }
    }
}
