package io.jobpulse.benchmarks.analytics;

import io.jobpulse.analytics.ClickHouseSettings;
import io.jobpulse.analytics.api.ApiServer;
import io.jobpulse.analytics.api.RoleFamilies;
import io.jobpulse.analytics.schema.SchemaMigrator;
import io.jobpulse.embedded.clickhouse.EmbeddedClickHouse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Latency of the role page API ({@code GET /api/roles/{role}/summary?window=...}) over a large data set on the
 * embedded ClickHouse: N postings (default 1,000,000) generated with {@code INSERT ... SELECT FROM numbers()}, and the
 * daily aggregate cells the streams stage would hold for them, computed from those postings in ClickHouse. Then C
 * concurrent clients (default 16) request random roles and windows for D seconds; prints p50, p90, p99 and
 * requests/s, once as {@code serve} runs by default (answers reused for a few seconds per role and window) and once
 * with that cache off. Through the real server and HTTP, a new request as soon as the previous answered (closed loop).
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java --enable-native-access=ALL-UNNAMED -Xmx3g -cp 'benchmarks/target/*:benchmarks/target/lib/*' \
 *     io.jobpulse.benchmarks.analytics.RolePageLatencyBench [postings] [clients] [seconds]
 * </pre>
 */
public final class RolePageLatencyBench {

    private static final String[] TECHNOLOGIES = {"Java", "Kotlin", "Scala", "Go", "Rust", "Python", "TypeScript",
            "JavaScript", "React", "Angular", "Vue", "Node.js", "PostgreSQL", "MySQL", "MongoDB", "Redis", "Kafka",
            "Spark", "Flink", "Airflow", "Kubernetes", "Docker", "Terraform", "AWS", "GCP", "Azure", "C++", "C#",
            ".NET", "Swift"};
    private static final String[][] PLACES = {{"Berlin", "DE"}, {"Munich", "DE"}, {"Hamburg", "DE"}, {"London", "GB"},
            {"Manchester", "GB"}, {"Paris", "FR"}, {"Lyon", "FR"}, {"Amsterdam", "NL"}, {"Madrid", "ES"}, {"Barcelona", "ES"},
            {"Warsaw", "PL"}, {"Krakow", "PL"}, {"Stockholm", "SE"}, {"Dublin", "IE"}, {"Zurich", "CH"}, {"Vienna", "AT"},
            {"New York", "US"}, {"San Francisco", "US"}, {"Austin", "US"}, {"Seattle", "US"}, {"Boston", "US"},
            {"Toronto", "CA"}, {"Vancouver", "CA"}, {"Sydney", "AU"}, {"Singapore", "SG"}, {"Bangalore", "IN"},
            {"Tokyo", "JP"}, {"Sao Paulo", "BR"}, {"Lisbon", "PT"}, {"Prague", "CZ"}};
    private static final String[] LEVELS = {"intern", "junior", "mid", "senior", "staff", "principal", "lead", "manager",
            "director", "executive"};
    private static final String[] WINDOWS = {"7d", "30d", "90d", "365d"};

    public static void main(String[] args) throws Exception {
        int postings = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Path dir = Files.createTempDirectory("jobpulse-bench-rolepage-");
        try (EmbeddedClickHouse clickHouse = EmbeddedClickHouse.start(dir, 0)) {
            ClickHouseSettings settings = new ClickHouseSettings(clickHouse.jdbcUrl(), "bench", "default", "");
            new SchemaMigrator(settings).migrate();
            long t0 = System.nanoTime();
            long cells = generate(settings, postings);
            System.out.printf("Generated %,d postings and %,d aggregate cells in %.1f s%n", postings, cells,
                    (System.nanoTime() - t0) / 1e9);
            // As ./jobpulse serve runs it (answers reused for ApiServer.DEFAULT_CACHE_SECONDS per role and window),
            // then with the cache off, so every request runs its queries.
            for (int cacheSeconds : new int[] {ApiServer.DEFAULT_CACHE_SECONDS, 0}) {
                try (ApiServer api = ApiServer.start(settings, 0, Clock.systemUTC(), () -> null, Duration.ofSeconds(cacheSeconds))) {
                    String base = "http://127.0.0.1:" + api.port();
                    long warm = System.nanoTime();
                    api.awaitWarm(); // serve computes every role page once at start-up
                    if (cacheSeconds > 0) {
                        System.out.printf("all %d role pages computed in %.1f s%n", RoleFamilies.ALL.size() * WINDOWS.length,
                                (System.nanoTime() - warm) / 1e9);
                    }
                    run(base, clients, 5, false); // warm-up: JIT, ClickHouse caches
                    long[] latencies = run(base, clients, seconds, true);
                    Arrays.sort(latencies);
                    System.out.printf("| %s | %d | %,d | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
                            cacheSeconds > 0 ? "serve default: answers kept " + cacheSeconds + " s, refreshed in the background" : "no answer cache: every request queries ClickHouse",
                            clients, latencies.length, latencies.length / (double) seconds,
                            percentile(latencies, 0.50), percentile(latencies, 0.90), percentile(latencies, 0.99),
                            latencies[latencies.length - 1] / 1e6);
                }
            }
            System.out.printf("load average: %s; %s%n", Files.readString(Path.of("/proc/loadavg")).strip(), Runtime.version());
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static double percentile(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    /** C clients in a closed loop for the given time; returns each request's latency in nanoseconds. */
    static long[] run(String base, int clients, int seconds, boolean record) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                List<Long> mine = new ArrayList<>();
                try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
                    while (System.nanoTime() < end) {
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        String role = RoleFamilies.ALL.get(random.nextInt(RoleFamilies.ALL.size()));
                        String window = WINDOWS[random.nextInt(WINDOWS.length)];
                        long start = System.nanoTime();
                        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(
                                URI.create(base + "/api/roles/" + role + "/summary?window=" + window)).build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        long took = System.nanoTime() - start;
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(role + " " + window + ": " + response.statusCode() + " " + new String(response.body()));
                        }
                        if (record) {
                            mine.add(took);
                        }
                    }
                }
                return mine;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : results) {
            all.addAll(f.get());
        }
        pool.shutdown();
        return all.stream().mapToLong(Long::longValue).toArray();
    }

    /** Postings spread over the last 365 days, and the daily cells computed from them as the streams stage would. */
    static long generate(ClickHouseSettings settings, int n) throws Exception {
        String techs = array(TECHNOLOGIES);
        String roles = array(RoleFamilies.ALL.toArray(String[]::new));
        String cities = array(Arrays.stream(PLACES).map(p -> p[0]).toArray(String[]::new));
        String countries = array(Arrays.stream(PLACES).map(p -> p[1]).toArray(String[]::new));
        String levels = array(LEVELS);
        try (Connection c = settings.connect(Map.of()); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO postings (id, canonical_id, duplicate_of, source, source_id, board, status, version, content_hash,
                        title, company, description_text, url, location_raw, posted_at, first_seen_at, last_seen_at, closed_at, day,
                        technologies, technology_categories, seniority, roles, work_modes, location_cities, location_regions,
                        location_countries, remote_regions, salary_currency, salary_period, salary_min, salary_max,
                        salary_usd_annual_min, salary_usd_annual_max, salary_usd_annual_mid, taxonomy_version, enriched_at)
                    SELECT concat('bench:', toString(number)) AS pid, pid, NULL, 'bench', toString(number), NULL,
                        if(number %% 10 = 0, 'CLOSED', 'ACTIVE'), 1 + number, '', concat('Engineer ', toString(number)),
                        concat('Company ', toString(number %% 5000)), 'Build things.', concat('https://jobs.example.org/', toString(number)),
                        NULL, posted, posted, posted, NULL, toDate(posted),
                        arrayFilter((t, i) -> cityHash64(number, i) %% 6 = 0, %1$s, arrayEnumerate(%1$s)) AS techs,
                        arrayMap(t -> 'test', techs),
                        [%5$s[1 + cityHash64(number, 200) %% 10]],
                        arrayDistinct([%2$s[1 + cityHash64(number, 100) %% 19], %2$s[1 + cityHash64(number, 101) %% 19]]),
                        [['remote', 'hybrid', 'onsite'][1 + number %% 3]],
                        [%3$s[1 + place]], [''], [%4$s[1 + place]], [], 'USD', 'year',
                        if(number %% 3 = 0, NULL, salary), if(number %% 3 = 0, NULL, salary + 20000),
                        if(number %% 3 = 0, NULL, salary), if(number %% 3 = 0, NULL, salary + 20000),
                        if(number %% 3 = 0, NULL, salary + 10000), 'bench', posted
                    FROM (SELECT number,
                                 toDateTime64(now() - cityHash64(number, 1) %% (365 * 86400), 3, 'UTC') AS posted,
                                 cityHash64(number, 300) %% 30 AS place,
                                 toFloat64(40000 + cityHash64(number, 400) %% 150 * 1000) AS salary
                          FROM numbers(%6$d))""".formatted(techs, roles, cities, countries, levels, n));
            String active = "FROM postings WHERE status = 'ACTIVE' AND duplicate_of IS NULL";
            String cols = "INSERT INTO aggregates (aggregate, role, day, dim1, dim2, count, salary_count, version, taxonomy_version) ";
            String roleJoin = " ARRAY JOIN arrayConcat(roles, ['*']) AS r ";
            s.execute(cols + "SELECT 'postings', r, day, '', '', count(), 0, 1, 'bench' " + active.replace("FROM postings", "FROM postings" + roleJoin) + " GROUP BY r, day");
            s.execute(cols + "SELECT 'technology', r, day, t, '', count(), 0, 1, 'bench' FROM postings" + roleJoin
                    + "ARRAY JOIN technologies AS t WHERE status = 'ACTIVE' AND duplicate_of IS NULL GROUP BY r, day, t");
            s.execute(cols + "SELECT 'seniority', r, day, l, '', count(), 0, 1, 'bench' FROM postings" + roleJoin
                    + "ARRAY JOIN seniority AS l WHERE status = 'ACTIVE' AND duplicate_of IS NULL GROUP BY r, day, l");
            s.execute(cols + "SELECT 'work_mode', r, day, m, '', count(), 0, 1, 'bench' FROM postings" + roleJoin
                    + "ARRAY JOIN work_modes AS m WHERE status = 'ACTIVE' AND duplicate_of IS NULL GROUP BY r, day, m");
            s.execute(cols + "SELECT 'location', r, day, k, '', count(), 0, 1, 'bench' FROM postings" + roleJoin
                    + "ARRAY JOIN location_countries AS k WHERE status = 'ACTIVE' AND duplicate_of IS NULL GROUP BY r, day, k");
            s.execute(cols + "SELECT 'location', r, day, k, ci, count(), 0, 1, 'bench' FROM postings" + roleJoin
                    + "ARRAY JOIN location_countries AS k, location_cities AS ci WHERE status = 'ACTIVE' AND duplicate_of IS NULL GROUP BY r, day, k, ci");
            s.execute(cols + "SELECT 'technology_pair', r, day, a, b, count(), 0, 1, 'bench' FROM postings" + roleJoin
                    + "ARRAY JOIN technologies AS a ARRAY JOIN technologies AS b WHERE status = 'ACTIVE' AND duplicate_of IS NULL AND a < b GROUP BY r, day, a, b");
            // As after a while in production: background merges have collapsed most versions.
            s.execute("OPTIMIZE TABLE postings FINAL");
            s.execute("OPTIMIZE TABLE aggregates FINAL");
            s.execute("OPTIMIZE TABLE role_postings FINAL"); // filled from the postings insert by its materialized view
            try (ResultSet rows = s.executeQuery("SELECT count() FROM aggregates")) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static String array(String[] values) {
        return "[" + String.join(", ", Arrays.stream(values).map(v -> "'" + v.replace("'", "\\'") + "'").toList()) + "]";
    }
}
