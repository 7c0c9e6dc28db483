package io.jobpulse.analytics.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SchemaMigratorTest {

    @Test
    void splitsStatementsAtLineEndSemicolonsAndDropsComments() {
        assertThat(SchemaMigrator.statements("-- a comment\nCREATE TABLE a (x String DEFAULT ';')\nENGINE = Log;\n\nCREATE VIEW b AS SELECT 1;\n"))
                .containsExactly("CREATE TABLE a (x String DEFAULT ';')\nENGINE = Log", "CREATE VIEW b AS SELECT 1");
    }

    @Test
    void everyListedMigrationExistsIsNumberedInOrderAndIdempotent() {
        for (int i = 0; i < SchemaMigrator.MIGRATIONS.size(); i++) {
            String name = SchemaMigrator.MIGRATIONS.get(i);
            assertThat(name).startsWith(String.format("V%03d__", i + 1));
            for (String statement : SchemaMigrator.statements(SchemaMigrator.resource(name))) {
                // A backfill INSERT is allowed into a ReplacingMergeTree table: rows written twice collapse.
                assertThat(statement).as(name).containsPattern("^(CREATE (TABLE|MATERIALIZED VIEW|VIEW) IF NOT EXISTS |INSERT INTO role_postings\\s|INSERT INTO duplicate_members\\s)");
            }
        }
    }
}
