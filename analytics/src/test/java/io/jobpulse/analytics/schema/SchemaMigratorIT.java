package io.jobpulse.analytics.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobpulse.analytics.ClickHouseSettings;
import io.jobpulse.embedded.testing.TestClickHouse;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaMigratorIT {

    @Test
    void createsTheDatabaseAppliesEachMigrationOnceAndIsIdempotent() throws Exception {
        String database = "migrate_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000;
        ClickHouseSettings settings = new ClickHouseSettings(TestClickHouse.jdbcUrl(), database, "default", "");
        assertThat(new SchemaMigrator(settings).migrate()).allMatch(SchemaMigrator.Applied::appliedNow)
                .hasSize(SchemaMigrator.MIGRATIONS.size());
        assertThat(new SchemaMigrator(settings).migrate()).noneMatch(SchemaMigrator.Applied::appliedNow);
        assertThat(TestClickHouse.execute("SELECT name FROM system.tables WHERE database = '" + database + "' ORDER BY name"))
                .isEqualTo("aggregates\nduplicate_members\nduplicate_members_mv\npostings\nrole_posting_keys\n"
                        + "role_posting_keys_mv\nrole_postings\nrole_postings_mv\nschema_migrations\n");
        assertThat(TestClickHouse.execute("SELECT count() FROM " + database + ".schema_migrations FINAL").strip())
                .isEqualTo(String.valueOf(SchemaMigrator.MIGRATIONS.size()));
    }

    /**
     * V003's backfill: postings that were in ClickHouse before role_postings existed get their rows from it (the
     * views only see later inserts), and running it a second time, as after an interrupted migration, adds nothing.
     */
    @Test
    void roleTablesAreBackfilledFromPostingsWrittenBeforeThem() throws Exception {
        String database = "backfill_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000;
        ClickHouseSettings settings = new ClickHouseSettings(TestClickHouse.jdbcUrl(), database, "default", "");
        new SchemaMigrator(settings).migrate();
        String columns = "INSERT INTO " + database + ".postings (id, canonical_id, duplicate_of, source, source_id, status, "
                + "version, content_hash, title, description_text, posted_at, first_seen_at, last_seen_at, day, technologies, "
                + "technology_categories, seniority, roles, work_modes, location_cities, location_regions, location_countries, "
                + "remote_regions, taxonomy_version, enriched_at) VALUES ";
        TestClickHouse.execute(columns
                + "('a', 'a', NULL, 's', 'a', 'ACTIVE', 1, '', 'A', '', NULL, '2026-01-01', '2026-01-01', '2026-01-01', [], [], [], ['backend', 'devops'], [], [], [], [], [], 't', now()),"
                + "('b', 'a', 'a', 's', 'b', 'ACTIVE', 1, '', 'B', '', NULL, '2026-01-02', '2026-01-02', '2026-01-02', [], [], [], ['backend'], [], [], [], [], [], 't', now())");
        TestClickHouse.execute(columns // a later version of a, with one role less
                + "('a', 'a', NULL, 's', 'a', 'CLOSED', 2, '', 'A', '', NULL, '2026-01-01', '2026-01-01', '2026-01-01', [], [], [], ['backend'], [], [], [], [], [], 't', now())");
        for (String table : List.of("role_postings", "role_posting_keys", "duplicate_members")) {
            TestClickHouse.execute("TRUNCATE TABLE " + database + "." + table);
        }
        List<String> backfill = SchemaMigrator.statements(SchemaMigrator.resource("V003__role_postings.sql")).stream()
                .filter(statement -> statement.startsWith("INSERT")).toList();
        assertThat(backfill).hasSize(2);
        for (int run = 0; run < 2; run++) {
            for (String statement : backfill) {
                TestClickHouse.execute(statement.replace("INSERT INTO ", "INSERT INTO " + database + ".")
                        .replace("FROM postings", "FROM " + database + ".postings"));
            }
            assertThat(TestClickHouse.execute("SELECT role, day, id, version, status FROM " + database
                    + ".role_postings FINAL WHERE listed = 1 ORDER BY ALL"))
                    .isEqualTo("backend\t2026-01-01\ta\t2\tCLOSED\nbackend\t2026-01-02\tb\t1\tACTIVE\n");
            assertThat(TestClickHouse.execute("SELECT canonical_id, id FROM " + database + ".duplicate_members FINAL ORDER BY ALL"))
                    .isEqualTo("a\ta\na\tb\n"); // the group's canonical posting and its duplicate
            assertThat(TestClickHouse.execute("SELECT count() FROM " + database + ".role_posting_keys FINAL").strip())
                    .isEqualTo("2");
        }
    }
}
