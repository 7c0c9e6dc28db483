package io.jobpulse.analytics.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobpulse.analytics.ClickHouseSettings;
import io.jobpulse.analytics.schema.SchemaMigrator;
import io.jobpulse.analytics.testing.TestPostings;
import io.jobpulse.contracts.avro.EnrichedPosting;
import io.jobpulse.embedded.testing.TestClickHouse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code role_postings} against the embedded ClickHouse: written as the sink writes it (postings inserted, which fills
 * it through the materialized view, then {@link RoleKeyRetraction}), its listed rows must be exactly the current
 * postings' (role, day) keys after an update, a closure, a posting that changes roles and day, and a redelivery of
 * the old versions after the postings table merged them away.
 */
class RoleKeyRetractionIT {

    @Test
    void listedRowsAreTheCurrentPostingsKeysAfterUpdateClosureMoveAndRedelivery() throws Exception {
        ClickHouseSettings settings = new ClickHouseSettings(TestClickHouse.jdbcUrl(),
                TestClickHouse.createDatabase("role_postings"), "default", "");
        new SchemaMigrator(settings).migrate();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        TestPostings generator = new TestPostings(11, today);
        EnrichedPosting moving = EnrichedPosting.newBuilder(generator.next("rk", 30))
                .setRoles(List.of("backend", "devops")).build();
        EnrichedPosting closing = EnrichedPosting.newBuilder(generator.next("rk", 30)).setRoles(List.of("frontend")).build();
        EnrichedPosting updating = EnrichedPosting.newBuilder(generator.next("rk", 30)).setRoles(List.of("backend")).build();
        List<EnrichedPosting> first = List.of(moving, closing, updating);
        try (Connection c = settings.connect(Map.of("beta.row_binary_for_simple_insert", "true"))) {
            write(c, first);
            assertThat(listed(c)).isEqualTo(currentKeys(c)).hasSize(4);

            EnrichedPosting moved = TestPostings.moved(moving, List.of("data_engineering"), today.minusDays(40), 10);
            write(c, List.of(moved, TestPostings.closed(closing, 10), TestPostings.updated(updating, List.of("Go"), 10)));
            List<String> expected = List.of(
                    "backend|" + updating.getDay() + "|" + updating.getId() + "|ACTIVE|1",
                    "data_engineering|" + today.minusDays(40) + "|" + moving.getId() + "|ACTIVE|1",
                    "frontend|" + closing.getDay() + "|" + closing.getId() + "|CLOSED|1");
            assertThat(listed(c)).isEqualTo(expected).isEqualTo(currentKeys(c));

            // The postings table merged the old versions away; then the old versions come again (a redelivery).
            try (Statement s = c.createStatement()) {
                s.execute("OPTIMIZE TABLE postings FINAL");
            }
            write(c, first);
            assertThat(listed(c)).isEqualTo(expected).isEqualTo(currentKeys(c));

            // A sink batch's ids can exceed what one statement may carry (max_query_size): they are split.
            List<String> many = new ArrayList<>();
            for (int i = 0; i < 30_000; i++) {
                many.add("rk-absent:" + i);
            }
            many.add(moving.getId());
            RoleKeyRetraction.retract(c, many);
            assertThat(listed(c)).isEqualTo(expected);

            // And the posting moves back to one of its first keys: the retraction there is overridden again.
            EnrichedPosting back = EnrichedPosting.newBuilder(moving).setVersion(moved.getVersion() + 10).build();
            write(c, List.of(back));
            assertThat(listed(c)).isEqualTo(currentKeys(c)).hasSize(4);
        }
    }

    /** As the sink writes a batch: the postings, then the retraction for their ids. */
    private static void write(Connection c, List<EnrichedPosting> batch) throws Exception {
        PostingsTable table = new PostingsTable();
        try (PreparedStatement insert = c.prepareStatement(table.insertSql())) {
            for (EnrichedPosting p : batch) {
                table.bind(c, insert, p);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        RoleKeyRetraction.retract(c, batch.stream().map(EnrichedPosting::getId).toList());
    }

    private static List<String> listed(Connection c) throws Exception {
        return strings(c, "SELECT concat(role, '|', toString(day), '|', id, '|', status, '|', toString(listed)) "
                + "FROM role_postings FINAL WHERE listed = 1 ORDER BY 1");
    }

    /** The truth, from the postings table alone. */
    private static List<String> currentKeys(Connection c) throws Exception {
        return strings(c, "SELECT concat(role, '|', toString(day), '|', id, '|', status, '|1') "
                + "FROM postings FINAL ARRAY JOIN roles AS role ORDER BY 1");
    }

    private static List<String> strings(Connection c, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                out.add(rows.getString(1));
            }
        }
        return out;
    }
}
