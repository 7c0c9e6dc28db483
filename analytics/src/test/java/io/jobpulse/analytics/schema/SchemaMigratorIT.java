package io.jobpulse.analytics.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobpulse.analytics.ClickHouseSettings;
import io.jobpulse.embedded.testing.TestClickHouse;
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
                .isEqualTo("aggregates\npostings\nschema_migrations\n");
        assertThat(TestClickHouse.execute("SELECT count() FROM " + database + ".schema_migrations FINAL").strip())
                .isEqualTo(String.valueOf(SchemaMigrator.MIGRATIONS.size()));
    }
}
