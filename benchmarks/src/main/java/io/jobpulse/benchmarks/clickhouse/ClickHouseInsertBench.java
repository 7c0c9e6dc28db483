package io.jobpulse.benchmarks.clickhouse;

import io.jobpulse.embedded.clickhouse.ChdbConnection;
import io.jobpulse.embedded.clickhouse.EmbeddedClickHouse;
import io.jobpulse.embedded.clickhouse.InsertStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Insert throughput into the embedded ClickHouse, two ways over the same rows in one run:
 * <ol>
 *   <li>what the pipeline does: JDBC {@code addBatch/executeBatch} with the official driver through the HTTP endpoint,
 *       with {@code beta.row_binary_for_simple_insert=true} (the driver streams RowBinary);</li>
 *   <li>the ceiling: the same rows encoded as RowBinary here and streamed straight into chDB
 *       ({@code chdb_stream_insert}), no HTTP and no driver.</li>
 * </ol>
 * Prints rows/s for each and their ratio, and records them in {@code docs/benchmarks.md}.
 *
 * <p>Run from the repository root:
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java --enable-native-access=ALL-UNNAMED -Xmx2g -cp 'benchmarks/target/*:benchmarks/target/lib/*' \
 *     io.jobpulse.benchmarks.clickhouse.ClickHouseInsertBench [rows] [rounds] [docs/benchmarks.md]
 * </pre>
 */
public final class ClickHouseInsertBench {

    static final String COMMAND = """
            mvn -q -pl benchmarks -am package -DskipTests
            java --enable-native-access=ALL-UNNAMED -Xmx2g -cp 'benchmarks/target/*:benchmarks/target/lib/*' \\
                io.jobpulse.benchmarks.clickhouse.ClickHouseInsertBench %d %d docs/benchmarks.md""";
    static final String SECTION = "## ClickHouse inserts (embedded)";

    private static final String TABLE_COLUMNS = "(id UInt64, source LowCardinality(String), posted_at DateTime64(3, 'UTC'), "
            + "title String, salary_min Nullable(Int32))";
    private static final String[] SOURCES = {"greenhouse", "lever", "ashby", "workable", "smartrecruiters"};
    private static final String[] TITLES = {"Senior Java Engineer", "Data Engineer (Kafka)", "Staff Platform Engineer",
            "Backend Developer - Go", "Site Reliability Engineer"};
    private static final long BASE_MILLIS = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
    private static final int JDBC_BATCH = 50_000;
    private static final int STREAM_CHUNK = 4 << 20;

    private ClickHouseInsertBench() {
    }

    /** One measured way of inserting: rows per second of each round. */
    record Measurement(String approach, List<Double> rowsPerSecond) {
        double best() {
            return rowsPerSecond.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }

        double median() {
            return ClickHouseInsertBench.median(rowsPerSecond);
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path report = args.length > 2 ? Path.of(args[2]) : null;

        Path dataDirectory = Files.createTempDirectory("jobpulse-bench-clickhouse-");
        try (EmbeddedClickHouse clickHouse = EmbeddedClickHouse.start(dataDirectory, 0)) {
            try (Connection connection = jdbc(clickHouse); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE bench_jdbc " + TABLE_COLUMNS + " ENGINE = MergeTree ORDER BY (source, id)");
                statement.execute("CREATE TABLE bench_direct " + TABLE_COLUMNS + " ENGINE = MergeTree ORDER BY (source, id)");
            }
            // Warm-up: JIT, the driver's first-request metadata, chDB's first parts.
            jdbcRound(clickHouse, Math.min(rows, 100_000));
            directRound(clickHouse, Math.min(rows, 100_000));

            List<Double> jdbc = new ArrayList<>();
            List<Double> direct = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                // Alternate, so drift on a shared machine hits both ways alike.
                jdbc.add(jdbcRound(clickHouse, rows));
                direct.add(directRound(clickHouse, rows));
                System.out.printf("round %d: JDBC %,.0f rows/s, direct %,.0f rows/s%n", round,
                        jdbc.getLast(), direct.getLast());
            }
            Measurement viaJdbc = new Measurement("JDBC batch insert via the HTTP endpoint (RowBinary)", jdbc);
            Measurement viaChdb = new Measurement("direct chDB streaming insert (RowBinary)", direct);
            List<Double> ratios = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                ratios.add(jdbc.get(round) / direct.get(round));
            }
            String table = table(rows, rounds, clickHouse.version(), viaJdbc, viaChdb, median(ratios));
            System.out.println();
            System.out.println(table);
            if (report != null) {
                writeSection(report, table, rows, rounds);
                System.out.println("Recorded in " + report);
            }
        } finally {
            deleteRecursively(dataDirectory);
        }
    }

    private static Connection jdbc(EmbeddedClickHouse clickHouse) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", clickHouse.user());
        properties.setProperty("password", clickHouse.password());
        properties.setProperty("beta.row_binary_for_simple_insert", "true");
        return DriverManager.getConnection(clickHouse.jdbcUrl(), properties);
    }

    /** Rows per second of one JDBC round into a truncated table, checked by count. */
    private static double jdbcRound(EmbeddedClickHouse clickHouse, int rows) throws SQLException {
        try (Connection connection = jdbc(clickHouse); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE TABLE bench_jdbc");
            long started = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO bench_jdbc (id, source, posted_at, title, salary_min) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    insert.setLong(1, i);
                    insert.setString(2, SOURCES[i % SOURCES.length]);
                    insert.setTimestamp(3, new Timestamp(BASE_MILLIS + i * 1000L));
                    insert.setString(4, TITLES[i % TITLES.length]);
                    if (i % 7 == 0) {
                        insert.setNull(5, Types.INTEGER);
                    } else {
                        insert.setInt(5, 40_000 + i % 90_000);
                    }
                    insert.addBatch();
                    if ((i + 1) % JDBC_BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            verifyCount(statement, "bench_jdbc", rows);
            return rows / seconds;
        }
    }

    /** Rows per second of the same rows, encoded as RowBinary here and streamed into chDB on its own connection. */
    private static double directRound(EmbeddedClickHouse clickHouse, int rows) throws SQLException {
        try (Connection connection = jdbc(clickHouse); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE TABLE bench_direct");
            long started = System.nanoTime();
            try (ChdbConnection chdb = clickHouse.engine().connect();
                 InsertStream insert = chdb.insert(
                         "INSERT INTO bench_direct (id, source, posted_at, title, salary_min)", "RowBinary", Map.of())) {
                RowBinaryChunk chunk = new RowBinaryChunk(STREAM_CHUNK + 4096);
                for (int i = 0; i < rows; i++) {
                    chunk.uint64(i);
                    chunk.string(SOURCES[i % SOURCES.length]);
                    chunk.int64(BASE_MILLIS + i * 1000L);
                    chunk.string(TITLES[i % TITLES.length]);
                    if (i % 7 == 0) {
                        chunk.nullMarker(true);
                    } else {
                        chunk.nullMarker(false);
                        chunk.int32(40_000 + i % 90_000);
                    }
                    if (chunk.size() >= STREAM_CHUNK) {
                        insert.append(chunk.buffer(), 0, chunk.size());
                        chunk.reset();
                    }
                }
                insert.append(chunk.buffer(), 0, chunk.size());
                insert.finish();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            verifyCount(statement, "bench_direct", rows);
            return rows / seconds;
        }
    }

    private static void verifyCount(Statement statement, String table, int expected) throws SQLException {
        try (ResultSet count = statement.executeQuery("SELECT count() FROM " + table)) {
            count.next();
            if (count.getLong(1) != expected) {
                throw new IllegalStateException(table + " has " + count.getLong(1) + " rows, expected " + expected);
            }
        }
    }

    /** ClickHouse's RowBinary, little-endian, written into a reusable buffer (unsynchronized, unlike the JDK's). */
    private static final class RowBinaryChunk {
        private byte[] buffer;
        private int size;

        RowBinaryChunk(int capacity) {
            buffer = new byte[capacity];
        }

        byte[] buffer() {
            return buffer;
        }

        int size() {
            return size;
        }

        void reset() {
            size = 0;
        }

        private void ensure(int more) {
            if (size + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
            }
        }

        void uint64(long value) {
            int64(value);
        }

        void int64(long value) {
            ensure(8);
            for (int shift = 0; shift < 64; shift += 8) {
                buffer[size++] = (byte) (value >>> shift);
            }
        }

        void int32(int value) {
            ensure(4);
            for (int shift = 0; shift < 32; shift += 8) {
                buffer[size++] = (byte) (value >>> shift);
            }
        }

        void nullMarker(boolean isNull) {
            ensure(1);
            buffer[size++] = (byte) (isNull ? 1 : 0);
        }

        void string(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            ensure(utf8.length + 10);
            long length = utf8.length;
            // LEB128 length prefix.
            do {
                int b = (int) (length & 0x7f);
                length >>>= 7;
                buffer[size++] = (byte) (length == 0 ? b : b | 0x80);
            } while (length != 0);
            System.arraycopy(utf8, 0, buffer, size, utf8.length);
            size += utf8.length;
        }
    }

    static String table(int rows, int rounds, String version, Measurement jdbc, Measurement direct, double ratio) {
        return String.format("""
                        | approach | median rows/s | best rows/s |
                        |---|---:|---:|
                        | %s | %,.0f | %,.0f |
                        | %s | %,.0f | %,.0f |
                        | ratio JDBC / direct (median of the rounds' ratios) | %.2f | |
                        
                        %,d rows per round (id, LowCardinality source, DateTime64(3) timestamp, title, Nullable(Int32) salary) \
                        into MergeTree, %d rounds after a warm-up, ClickHouse %s (chDB), JDK %s, %d cores, load average \
                        %s at the end, %s. The machine is shared, so single rounds vary by up to 2x; compare the ratio.""",
                jdbc.approach(), jdbc.median(), jdbc.best(),
                direct.approach(), direct.median(), direct.best(),
                ratio,
                rows, rounds, version, Runtime.version(), Runtime.getRuntime().availableProcessors(), loadAverage(),
                LocalDate.now());
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Replaces (or appends) only this benchmark's section; other sections of the file belong to other benchmarks. */
    static void writeSection(Path report, String table, int rows, int rounds) throws IOException {
        String section = SECTION + "\n\n"
                + "JDBC batch inserts through the embedded ClickHouse's HTTP endpoint (official driver 0.10.0, "
                + "`beta.row_binary_for_simple_insert=true`) against streaming the same rows straight into chDB. "
                + "Reproduce from the repository root:\n\n```\n" + COMMAND.formatted(rows, rounds) + "\n```\n\n"
                + table + "\n";
        String existing = Files.exists(report) ? Files.readString(report) : "# Benchmarks\n";
        int start = existing.indexOf(SECTION);
        String updated;
        if (start < 0) {
            updated = existing.stripTrailing() + "\n\n" + section;
        } else {
            int next = existing.indexOf("\n## ", start + SECTION.length());
            updated = existing.substring(0, start) + section + (next < 0 ? "" : "\n" + existing.substring(next + 1));
        }
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, updated);
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
