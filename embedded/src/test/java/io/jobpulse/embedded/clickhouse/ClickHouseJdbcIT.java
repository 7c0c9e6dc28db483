package io.jobpulse.embedded.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jobpulse.embedded.testing.TestClickHouse;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The official JDBC driver against the embedded engine, through the HTTP endpoint only. */
class ClickHouseJdbcIT {

    private static String database;

    @BeforeAll
    static void database() {
        database = TestClickHouse.createDatabase("jdbc_it");
    }

    private static Connection connect(boolean rowBinaryInserts) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "default");
        properties.setProperty("password", "");
        if (rowBinaryInserts) {
            properties.setProperty("beta.row_binary_for_simple_insert", "true");
        }
        return DriverManager.getConnection(TestClickHouse.get().jdbcUrl(database), properties);
    }

    @Test
    void reportsTheEngineVersionThroughTheDriver() throws SQLException {
        try (Connection connection = connect(false)) {
            assertThat(connection.getMetaData().getDatabaseProductVersion()).startsWith("26.");
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT 1 + 1 AS two, currentDatabase() AS db")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt("two")).isEqualTo(2);
                assertThat(rows.getString("db")).isEqualTo(database);
            }
        }
    }

    @Test
    void mergeTreeWithLowCardinalityDateTime64ArraysAndNullables() throws SQLException {
        try (Connection connection = connect(false); Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE postings (
                        id String,
                        source LowCardinality(String),
                        posted_at DateTime64(3, 'UTC'),
                        skills Array(String),
                        salary_min Nullable(Int32),
                        remote Nullable(String)
                    ) ENGINE = MergeTree ORDER BY (source, posted_at, id)""");
            Instant posted = Instant.parse("2026-11-20T09:15:30.123Z");
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO postings (id, source, posted_at, skills, salary_min, remote) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, "gh:1");
                insert.setString(2, "greenhouse");
                insert.setTimestamp(3, Timestamp.from(posted));
                insert.setArray(4, connection.createArrayOf("String", new String[] {"java", "kafka"}));
                insert.setInt(5, 90_000);
                insert.setString(6, "yes");
                insert.addBatch();
                insert.setString(1, "lv:2");
                insert.setString(2, "lever");
                insert.setTimestamp(3, Timestamp.from(posted.plusSeconds(60)));
                insert.setArray(4, connection.createArrayOf("String", new String[0]));
                insert.setNull(5, Types.INTEGER);
                insert.setNull(6, Types.VARCHAR);
                insert.addBatch();
                insert.executeBatch();
            }
            try (ResultSet rows = statement.executeQuery(
                    "SELECT id, source, posted_at, skills, salary_min, remote, toTypeName(source) FROM postings ORDER BY id")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("id")).isEqualTo("gh:1");
                assertThat(rows.getString("source")).isEqualTo("greenhouse");
                assertThat(rows.getTimestamp("posted_at").toInstant()).isEqualTo(posted);
                Array skills = rows.getArray("skills");
                assertThat((Object[]) skills.getArray()).containsExactly("java", "kafka");
                assertThat(rows.getInt("salary_min")).isEqualTo(90_000);
                assertThat(rows.getString("remote")).isEqualTo("yes");
                assertThat(rows.getString(7)).isEqualTo("LowCardinality(String)");

                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("id")).isEqualTo("lv:2");
                assertThat((Object[]) rows.getArray("skills").getArray()).isEmpty();
                assertThat(rows.getObject("salary_min")).isNull();
                assertThat(rows.wasNull()).isTrue();
                assertThat(rows.getString("remote")).isNull();
                assertThat(rows.next()).isFalse();
            }
        }
    }

    @Test
    void materializedViewAggregatesIntoSummingAndAggregatingMergeTree() throws SQLException {
        try (Connection connection = connect(false); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE skill_events (day Date, skill LowCardinality(String), company String) "
                    + "ENGINE = MergeTree ORDER BY (day, skill)");
            statement.execute("CREATE TABLE skill_daily (day Date, skill LowCardinality(String), postings UInt64) "
                    + "ENGINE = SummingMergeTree ORDER BY (day, skill)");
            statement.execute("CREATE MATERIALIZED VIEW skill_daily_mv TO skill_daily AS "
                    + "SELECT day, skill, count() AS postings FROM skill_events GROUP BY day, skill");
            statement.execute("CREATE TABLE skill_companies (skill LowCardinality(String), "
                    + "companies AggregateFunction(uniq, String)) ENGINE = AggregatingMergeTree ORDER BY skill");
            statement.execute("CREATE MATERIALIZED VIEW skill_companies_mv TO skill_companies AS "
                    + "SELECT skill, uniqState(company) AS companies FROM skill_events GROUP BY skill");

            // Two inserts make two parts, so the read must merge (sum / uniqMerge) rather than trust one row per key.
            int first = statement.executeUpdate("INSERT INTO skill_events VALUES "
                    + "('2026-11-01', 'java', 'acme'), ('2026-11-01', 'java', 'globex'), ('2026-11-01', 'go', 'acme')");
            // ClickHouse counts rows written through materialized views too: 3 events + 2 daily rows + 2 skill rows.
            assertThat(first).isEqualTo(7);
            statement.executeUpdate("INSERT INTO skill_events VALUES "
                    + "('2026-11-01', 'java', 'acme'), ('2026-11-02', 'go', 'initech')");

            Map<String, Long> perDay = new LinkedHashMap<>();
            try (ResultSet rows = statement.executeQuery("SELECT toString(day) AS d, skill, sum(postings) AS n "
                    + "FROM skill_daily GROUP BY d, skill ORDER BY d, skill")) {
                while (rows.next()) {
                    perDay.put(rows.getString("d") + "/" + rows.getString("skill"), rows.getLong("n"));
                }
            }
            assertThat(perDay).containsExactly(
                    Map.entry("2026-11-01/go", 1L), Map.entry("2026-11-01/java", 3L), Map.entry("2026-11-02/go", 1L));

            Map<String, Long> companies = new LinkedHashMap<>();
            try (ResultSet rows = statement.executeQuery(
                    "SELECT skill, uniqMerge(companies) AS n FROM skill_companies GROUP BY skill ORDER BY skill")) {
                while (rows.next()) {
                    companies.put(rows.getString("skill"), rows.getLong("n"));
                }
            }
            assertThat(companies).containsExactly(Map.entry("go", 2L), Map.entry("java", 2L));
        }
    }

    @Test
    void batchInsertsOneHundredThousandRowsAsRowBinaryAndGroupsThem() throws SQLException {
        int rows = 100_000;
        try (Connection connection = connect(true); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE batch_postings (id UInt64, source LowCardinality(String), "
                    + "posted_at DateTime64(3, 'UTC'), title String, salary Nullable(Int32)) ENGINE = MergeTree ORDER BY id");
            String[] sources = {"greenhouse", "lever", "ashby", "workable"};
            long base = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO batch_postings (id, source, posted_at, title, salary) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    insert.setLong(1, i);
                    insert.setString(2, sources[i % sources.length]);
                    insert.setTimestamp(3, new Timestamp(base + i * 1000L));
                    insert.setString(4, "Engineer " + i);
                    if (i % 10 == 0) {
                        insert.setNull(5, Types.INTEGER);
                    } else {
                        insert.setInt(5, 50_000 + i % 1000);
                    }
                    insert.addBatch();
                }
                int[] counts = insert.executeBatch();
                assertThat(counts).hasSize(rows);
            }
            try (ResultSet result = statement.executeQuery("SELECT count(), countIf(salary IS NULL), max(id) FROM batch_postings")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getLong(1)).isEqualTo(rows);
                assertThat(result.getLong(2)).isEqualTo(rows / 10);
                assertThat(result.getLong(3)).isEqualTo(rows - 1);
            }
            Map<String, Long> perSource = new LinkedHashMap<>();
            try (ResultSet result = statement.executeQuery(
                    "SELECT source, count() AS n FROM batch_postings GROUP BY source ORDER BY source")) {
                while (result.next()) {
                    perSource.put(result.getString("source"), result.getLong("n"));
                }
            }
            assertThat(perSource).containsExactly(Map.entry("ashby", 25_000L), Map.entry("greenhouse", 25_000L),
                    Map.entry("lever", 25_000L), Map.entry("workable", 25_000L));
        }
    }

    @Test
    void aBadStatementIsAnSqlExceptionWithClickHousesCodeAndText() throws SQLException {
        try (Connection connection = connect(false); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELEC 1"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("Syntax error")
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(62));
            assertThatThrownBy(() -> statement.executeQuery("SELECT no_such_column FROM system.one"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("no_such_column")
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(47));
            // The connection is still good after the errors.
            try (ResultSet rows = statement.executeQuery("SELECT 42")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(42);
            }
        }
    }

    @Test
    void twoThreadsQueryAtTheSameTime() throws Exception {
        try (Connection first = connect(false); Connection second = connect(false)) {
            CyclicBarrier start = new CyclicBarrier(2);
            Function<Connection, Callable<Long>> slowQuery = connection -> () -> {
                try (Statement statement = connection.createStatement()) {
                    start.await(10, TimeUnit.SECONDS);
                    try (ResultSet rows = statement.executeQuery(
                            "SELECT sum(number) FROM numbers(1000) WHERE sleep(2) = 0")) {
                        assertThat(rows.next()).isTrue();
                        return rows.getLong(1);
                    }
                }
            };
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                long started = System.nanoTime();
                Future<Long> one = threads.submit(slowQuery.apply(first));
                Future<Long> two = threads.submit(slowQuery.apply(second));
                assertThat(one.get(30, TimeUnit.SECONDS)).isEqualTo(499_500L);
                assertThat(two.get(30, TimeUnit.SECONDS)).isEqualTo(499_500L);
                long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                // Each query sleeps two seconds; one after the other they would need four.
                assertThat(elapsedMillis).isBetween(2_000L, 3_600L);
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    void theDriverCompressesItsRequestsWhenAsked() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "default");
        properties.setProperty("password", "");
        // The driver then sends decompress=1 and LZ4-framed bodies, for statements and RowBinary batches alike.
        properties.setProperty("decompress", "true");
        properties.setProperty("beta.row_binary_for_simple_insert", "true");
        try (Connection connection = DriverManager.getConnection(TestClickHouse.get().jdbcUrl(database), properties);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE compressed_requests (id UInt32, note String) ENGINE = MergeTree ORDER BY id");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO compressed_requests (id, note) VALUES (?, ?)")) {
                for (int i = 0; i < 20_000; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "note number " + (i % 100));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (ResultSet rows = statement.executeQuery(
                    "SELECT count(), uniqExact(note) FROM compressed_requests WHERE note LIKE 'note number %'")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).isEqualTo(20_000);
                assertThat(rows.getLong(2)).isEqualTo(100);
            }
        }
    }

    @Test
    void databaseMetadataListsTablesAndColumns() throws SQLException {
        try (Connection connection = connect(false); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE described (id UInt64, title String, tags Array(String)) ENGINE = MergeTree ORDER BY id");
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = connection.getMetaData().getTables(null, database, "described", null)) {
                while (rows.next()) {
                    tables.add(rows.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).containsExactly("described");
            List<String> columns = new ArrayList<>();
            try (ResultSet rows = connection.getMetaData().getColumns(null, database, "described", null)) {
                while (rows.next()) {
                    columns.add(rows.getString("COLUMN_NAME") + ":" + rows.getString("TYPE_NAME"));
                }
            }
            assertThat(columns).containsExactly("id:UInt64", "title:String", "tags:Array(String)");
        }
    }

    @Test
    void aConnectionSurvivesTheEndpointGoingAwayAndComingBack() throws SQLException {
        EmbeddedClickHouse clickHouse = TestClickHouse.get();
        try (Connection connection = connect(false); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE outage (x UInt8) ENGINE = MergeTree ORDER BY x");
            statement.executeUpdate("INSERT INTO outage VALUES (1)");
            clickHouse.stopEndpoint();
            try {
                assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO outage VALUES (2)"))
                        .isInstanceOf(SQLException.class);
            } finally {
                clickHouse.startEndpoint();
            }
            // Same Connection object: HTTP holds no server-side state, so it simply works again.
            statement.executeUpdate("INSERT INTO outage VALUES (3)");
            try (ResultSet rows = statement.executeQuery(
                    "SELECT arrayStringConcat(groupArray(toString(x)), ',') FROM (SELECT x FROM outage ORDER BY x)")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("1,3");
            }
        }
    }

    @Test
    void executeUpdateCountsWrittenRows() throws SQLException {
        try (Connection connection = connect(false); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE counted (n UInt64) ENGINE = MergeTree ORDER BY n");
            assertThat(statement.executeUpdate("INSERT INTO counted SELECT number FROM numbers(1234)")).isEqualTo(1234);
            try (ResultSet rows = statement.executeQuery("SELECT toUInt64(sum(n)) FROM counted")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getObject(1, BigInteger.class)).isEqualTo(BigInteger.valueOf(1234L * 1233 / 2));
            }
        }
    }
}
