package io.jobpulse.analytics.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jobpulse.analytics.ClickHouseSettings;
import io.jobpulse.analytics.sink.SinkStatus;
import io.jobpulse.analytics.web.DashboardAssets;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of {@code ./jobpulse serve}: the JSON query API, its OpenAPI document, the health check and the
 * dashboards, on the JDK's HTTP server with a virtual thread per request.
 *
 * <pre>
 * GET /health                                   ClickHouse reachable (200) or not (503), and the sink's status
 * GET /openapi.json                             the API, described
 * GET /api/roles                                role families
 * GET /api/roles/{role}/summary?window=30d      the role page's data
 * GET /api/trends/technologies?technology=...   weekly counts and shares
 * GET /api/postings?role=&amp;technology=&amp;...       search of recent postings
 * GET /roles/{role}                             the dashboard page of a role ( / redirects to one)
 * </pre>
 * Invalid parameters get a 400 with a JSON {@code error} before any SQL is sent; ClickHouse errors get a 503.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
    private static final Pattern SUMMARY = Pattern.compile("/api/roles/([^/]+)/summary");
    private static final Pattern ROLE_PAGE = Pattern.compile("/roles/([^/]+)");
    /** Aggregates move with the sink's batches; a minute of staleness is fine for dashboards and spares ClickHouse. */
    static final String DATA_CACHE = "public, max-age=60";
    /** As long as clients may keep an answer (Cache-Control max-age). */
    public static final int DEFAULT_CACHE_SECONDS = 60;

    private final ClickHouseQueries queries;
    private final RoleSummaryQuery roleSummary;
    private final TrendQuery trend;
    private final SearchQuery search;
    private final Clock clock;
    private final Supplier<SinkStatus> sink;
    private final ResponseCache cache;
    private Thread warmer;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private ApiServer(ClickHouseSettings clickHouse, InetSocketAddress address, Clock clock, Supplier<SinkStatus> sink,
                      Duration cacheTtl) throws IOException {
        this.queries = new ClickHouseQueries(clickHouse);
        this.roleSummary = new RoleSummaryQuery(queries);
        this.trend = new TrendQuery(queries);
        this.search = new SearchQuery(queries);
        this.clock = clock;
        this.sink = sink;
        this.cache = new ResponseCache(cacheTtl);
        this.server = HttpServer.create(address, 256);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
    }

    /**
     * Starts serving on {@code port} (0 for a free one) of the loopback interface.
     *
     * @param sink the in-process sink's status for {@code /health}, or a supplier of null when none runs here
     */
    public static ApiServer start(ClickHouseSettings clickHouse, int port, Clock clock, Supplier<SinkStatus> sink) throws IOException {
        return start(clickHouse, port, clock, sink, Duration.ZERO);
    }

    /**
     * As {@link #start(ClickHouseSettings, int, Clock, Supplier)}, keeping role summaries and trends for
     * {@code cacheTtl} ({@code serve} uses {@value #DEFAULT_CACHE_SECONDS} s; zero disables the cache).
     */
    public static ApiServer start(ClickHouseSettings clickHouse, int port, Clock clock, Supplier<SinkStatus> sink,
                                  Duration cacheTtl) throws IOException {
        return start(clickHouse, new InetSocketAddress(InetAddress.getLoopbackAddress(), port), clock, sink, cacheTtl);
    }

    /**
     * As {@link #start(ClickHouseSettings, int, Clock, Supplier, Duration)}, listening on {@code address}: the
     * loopback interface unless asked otherwise, since the API has no authentication of its own (a container that
     * publishes the port listens on 0.0.0.0).
     */
    public static ApiServer start(ClickHouseSettings clickHouse, InetSocketAddress address, Clock clock,
                                  Supplier<SinkStatus> sink, Duration cacheTtl) throws IOException {
        ApiServer api = new ApiServer(clickHouse, address, clock, sink, cacheTtl);
        api.server.start();
        if (api.cache.enabled()) {
            api.warmer = Thread.ofVirtual().name("role-page-warmer").start(api::warmRolePages);
        }
        log.info("Serving the API and dashboards on http://{}:{}/", address.getHostString(), api.port());
        return api;
    }

    /** Computes every role page once, so the first viewers do not wait for ClickHouse either. */
    private void warmRolePages() {
        for (TimeWindow window : TimeWindow.ALL) {
            for (String role : RoleFamilies.ALL) {
                RoleSummaryQuery.Request request = new RoleSummaryQuery.Request(role, window);
                LocalDate today = LocalDate.now(clock);
                try {
                    cache.get(List.of(request, today), () -> json(roleSummary.run(request, today)));
                } catch (SQLException | RuntimeException e) {
                    log.debug("Warming {} {} failed: {}", role, window.label(), e.getMessage());
                }
            }
        }
    }

    /** Waits until the role pages are warm (benchmarks); returns at once when the cache is off. */
    public void awaitWarm() throws InterruptedException {
        if (warmer != null) {
            warmer.join();
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The query runner, for tests that check rejected requests send nothing to ClickHouse. */
    public ClickHouseQueries queries() {
        return queries;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                sendJson(exchange, 405, Map.of("error", "only GET and HEAD"), "no-store");
                return;
            }
            route(exchange);
        } catch (BadRequest e) {
            sendJson(exchange, 400, errorBody(e.getMessage(), e.parameter()), "no-store");
        } catch (SQLException e) {
            log.warn("Query failed for {}: {}", exchange.getRequestURI().getPath(), e.getMessage());
            sendJson(exchange, 503, errorBody("ClickHouse unavailable or failed; try again shortly", null), "no-store");
        } catch (RuntimeException e) {
            log.error("Request {} failed", exchange.getRequestURI(), e);
            sendJson(exchange, 500, errorBody("internal error", null), "no-store");
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange) throws IOException, SQLException {
        String path = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        LocalDate today = LocalDate.now(clock);
        Matcher m;
        switch (path) {
            case "/health" -> health(exchange);
            case "/openapi.json" -> sendBytes(exchange, 200, "application/json", DashboardAssets.openApi(), "public, max-age=300");
            case "/api/roles" -> {
                QueryParameters.parse(rawQuery).allowOnly(java.util.Set.of());
                sendJson(exchange, 200, Map.of("roles", RoleFamilies.ALL, "windows",
                        TimeWindow.ALL.stream().map(TimeWindow::label).toList()), "public, max-age=3600");
            }
            case "/api/trends/technologies" -> {
                TrendQuery.Request request = TrendQuery.Request.of(QueryParameters.parse(rawQuery));
                sendBytes(exchange, 200, "application/json", cache.get(List.of(request, today), () -> json(trend.run(request, today))), DATA_CACHE);
            }
            case "/api/postings" ->
                    sendJson(exchange, 200, search.run(SearchQuery.Request.of(QueryParameters.parse(rawQuery)), today), DATA_CACHE);
            case "/", "/roles", "/roles/" -> {
                exchange.getResponseHeaders().set("Location", "/roles/backend");
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                exchange.sendResponseHeaders(302, -1);
            }
            default -> {
                if ((m = SUMMARY.matcher(path)).matches()) {
                    RoleSummaryQuery.Request request = RoleSummaryQuery.Request.of(decode(m.group(1)), QueryParameters.parse(rawQuery));
                    sendBytes(exchange, 200, "application/json", cache.get(List.of(request, today), () -> json(roleSummary.run(request, today))), DATA_CACHE);
                } else if ((m = ROLE_PAGE.matcher(path)).matches() && RoleFamilies.ALL.contains(decode(m.group(1)))) {
                    sendBytes(exchange, 200, "text/html; charset=utf-8", DashboardAssets.page(), "no-cache");
                } else if (path.startsWith("/assets/") && DashboardAssets.asset(path.substring("/assets/".length())) != null) {
                    DashboardAssets.Asset asset = DashboardAssets.asset(path.substring("/assets/".length()));
                    sendBytes(exchange, 200, asset.contentType(), asset.bytes(), "public, max-age=3600");
                } else {
                    sendJson(exchange, 404, errorBody("not found", null), "no-store");
                }
            }
        }
    }

    private void health(HttpExchange exchange) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        int code = 200;
        try {
            queries.ping();
            body.put("clickhouse", "up");
        } catch (SQLException e) {
            body.put("clickhouse", "down: " + e.getMessage());
            code = 503;
        }
        SinkStatus status = sink.get();
        if (status != null) {
            body.put("sink", status.snapshot());
            if (status.state() == SinkStatus.State.FAILED) {
                code = 503;
            }
        }
        body.put("status", code == 200 ? "ok" : "unavailable");
        sendJson(exchange, code, body, "no-store");
    }

    private static String decode(String segment) {
        return java.net.URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }

    private static Map<String, Object> errorBody(String message, String parameter) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        if (parameter != null) {
            body.put("parameter", parameter);
        }
        return body;
    }

    /** Answers are kept serialized: a cached role page costs one write, not a new serialization. */
    private byte[] json(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + body.getClass().getSimpleName(), e);
        }
    }

    private void sendJson(HttpExchange exchange, int status, Object body, String cacheControl) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        sendBytes(exchange, status, "application/json", bytes, cacheControl);
    }

    private static void sendBytes(HttpExchange exchange, int status, String contentType, byte[] bytes, String cacheControl)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", cacheControl);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        if (warmer != null) {
            warmer.interrupt();
        }
        server.stop(0);
        executor.shutdownNow();
        queries.close();
    }

    static List<String> windows() {
        return TimeWindow.ALL.stream().map(TimeWindow::label).toList();
    }
}
