package io.jobpulse.embedded.clickhouse;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ClickHouse's HTTP interface over a {@link ChdbEngine}, on loopback, so the official JDBC driver and curl talk to the
 * embedded engine exactly as to a ClickHouse server.
 *
 * <p>In: {@code GET|POST /?query=...} (query in the URL and/or the body; for {@code INSERT ... FORMAT X} in the URL the
 * body is the data and is streamed into chDB), {@code /ping}. Out: the result in the requested format with
 * {@code Content-Length}, ClickHouse's {@code X-ClickHouse-*} headers, and errors as HTTP 500 with
 * {@code X-ClickHouse-Exception-Code} and ClickHouse's own text.
 *
 * <p>Connections: every request gets a fresh chDB connection (under a millisecond), so one request's {@code USE} or
 * {@code SET} never leaks into another's; a {@code session_id} keeps its connection until idle for
 * {@code session_timeout} seconds (default 60). URL settings run as {@code SET} on the request's connection, so in a
 * session they stick for the session's remaining requests.
 *
 * <p>Authentication: one user, {@code default}, with the password from {@link Settings} (empty by default), through
 * HTTP Basic, {@code X-ClickHouse-User}/{@code X-ClickHouse-Key} or {@code user}/{@code password} parameters.
 */
public final class ClickHouseHttpEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClickHouseHttpEndpoint.class);

    private static final Pattern STREAMABLE_INSERT = Pattern.compile(
            "(?is)^\\s*(INSERT\\s+INTO\\s+.+?)\\s+FORMAT\\s+([A-Za-z0-9_]+)\\s*;?\\s*$");
    private static final Pattern TRAILING_FORMAT = Pattern.compile("(?is)\\bFORMAT\\s+([A-Za-z0-9_]+)\\s*;?\\s*$");
    private static final Pattern IS_INSERT = Pattern.compile("(?is)^\\s*INSERT\\b.*");
    private static final Pattern INLINE_DATA_FORMAT = Pattern.compile("(?i)\\bFORMAT\\s+[A-Za-z0-9_]+");
    private static final byte[] OK = "Ok.\n".getBytes(StandardCharsets.US_ASCII);
    /**
     * Insert data goes to chDB in slices this big: it keeps a request's memory bounded however large the body, and
     * fewer, larger appends measured as fast as handing chDB the whole body at once (1 MiB slices were slower).
     */
    private static final int STREAM_CHUNK = 4 << 20;
    private static final int UNKNOWN_EXCEPTION = ChdbException.UNKNOWN_EXCEPTION;
    private static final long DRAIN_BYTES = 128L << 20;
    private static final Duration DRAIN_TIME = Duration.ofSeconds(10);

    /**
     * How the endpoint runs.
     *
     * @param port TCP port on 127.0.0.1; 0 picks a free one (kept across {@link #stop()}/{@link #start()})
     * @param user the one user's name
     * @param password its password; empty means none
     * @param threads requests served at once; more wait in a bounded queue
     * @param maxQueryBytes the largest statement text (URL plus body) accepted; larger gets HTTP 413
     */
    public record Settings(int port, String user, String password, int threads, long maxQueryBytes) {

        /**
         * 16 workers; statements up to 128 MiB, which holds a JDBC text batch of a few hundred thousand rows, while a
         * handful of oversized requests cannot exhaust a test JVM's heap (RowBinary inserts stream and have no limit).
         */
        public static Settings defaults(int port) {
            return new Settings(port, "default", "", 16, 128L << 20);
        }

        public Settings {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            if (port < 0 || port > 65535 || threads < 1 || maxQueryBytes < 1) {
                throw new IllegalArgumentException("Invalid endpoint settings: port " + port + ", threads " + threads);
            }
        }
    }

    private final ChdbEngine engine;
    private final Settings settings;
    private final String displayName;
    private final String timezone;
    private final HttpSessions sessions;
    private HttpServer server;
    private ThreadPoolExecutor workers;
    private int boundPort;

    public ClickHouseHttpEndpoint(ChdbEngine engine, Settings settings) {
        this.engine = engine;
        this.settings = settings;
        this.boundPort = settings.port();
        this.displayName = hostName();
        try (ChdbConnection connection = engine.connect();
             QueryResult result = connection.query("SELECT timezone()", "TabSeparated")) {
            this.timezone = new String(result.toByteArray(), StandardCharsets.UTF_8).strip();
        }
        this.sessions = new HttpSessions(engine);
    }

    /** Binds 127.0.0.1 and starts serving; after a {@link #stop()} it binds the same port again. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), boundPort), 128);
            AtomicInteger threadNumber = new AtomicInteger();
            workers = new ThreadPoolExecutor(settings.threads(), settings.threads(), 30, TimeUnit.SECONDS,
                    new ArrayBlockingQueue<>(512), runnable -> {
                        Thread thread = new Thread(runnable, "clickhouse-http-" + threadNumber.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    },
                    // A full queue slows the acceptor down instead of dropping connections.
                    new ThreadPoolExecutor.CallerRunsPolicy());
            workers.allowCoreThreadTimeOut(true);
            created.setExecutor(workers);
            created.createContext("/", this::handle);
            created.start();
            server = created;
            boundPort = created.getAddress().getPort();
            LOG.info("ClickHouse HTTP endpoint listening on http://127.0.0.1:{}", boundPort);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot listen on 127.0.0.1:" + boundPort + " for the ClickHouse HTTP endpoint", e);
        }
    }

    /** Stops listening (clients get connection refused) and drops sessions; the engine and its data stay. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.stop(0);
        server = null;
        workers.shutdown();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers = null;
        sessions.closeAll();
        LOG.info("ClickHouse HTTP endpoint on port {} stopped", boundPort);
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** The listening port (the chosen one when configured as 0); stays the same across stop and start. */
    public synchronized int port() {
        return boundPort;
    }

    @Override
    public void close() {
        stop();
        sessions.close();
    }

    private void handle(HttpExchange exchange) {
        Exchange response = new Exchange(exchange);
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), exchange.getRequestHeaders().entrySet());
        }
        try {
            String path = exchange.getRequestURI().getRawPath();
            switch (path == null || path.isEmpty() ? "/" : path) {
                case "/" -> handleQuery(response);
                case "/ping", "/replicas_status" -> {
                    requireMethod(exchange, "GET", "HEAD");
                    response.sendPlain(200, OK);
                }
                default -> throw new HttpQueryRequest.Rejected(404, UNKNOWN_EXCEPTION,
                        "There is no handle " + path + "\n\nUse / or /ping for health checks.");
            }
        } catch (HttpQueryRequest.Rejected e) {
            String message = e.getMessage().startsWith("Code: ") ? e.getMessage()
                    : "Code: " + e.code + ". DB::Exception: " + e.getMessage() + ".";
            response.sendError(e.status, e.code, message + " (version " + engine.version() + ")");
        } catch (ChdbException e) {
            response.sendError(500, e.code(), e.getMessage() + " (version " + engine.version() + ")");
        } catch (CompressedBlocks.MalformedBlockException e) {
            response.sendError(400, e.clickHouseCode(), "Code: " + e.clickHouseCode() + ". DB::Exception: "
                    + e.getMessage() + ". (version " + engine.version() + ")");
        } catch (IOException e) {
            // Mostly a client that went away mid-body; answer if it is still there.
            response.sendError(400, 1000, "Code: 1000. DB::Exception: Cannot read the request: " + e + ". (version "
                    + engine.version() + ")");
        } catch (RuntimeException e) {
            LOG.warn("ClickHouse HTTP request failed unexpectedly", e);
            response.sendError(500, 1001, "Code: 1001. DB::Exception: " + e + ". (version " + engine.version() + ")");
        } finally {
            exchange.close();
        }
    }

    private void handleQuery(Exchange response) throws IOException {
        HttpExchange exchange = response.exchange;
        String method = requireMethod(exchange, "GET", "HEAD", "POST");
        HttpQueryRequest request = HttpQueryRequest.parse(exchange.getRequestURI().getRawQuery(),
                name -> exchange.getRequestHeaders().getFirst(name));
        authenticate(exchange, request);
        response.prepare(request);

        boolean post = method.equals("POST");
        if (!post && request.query() == null) {
            response.sendPlain(200, OK);
            return;
        }
        Map<String, String> settingsToApply = new LinkedHashMap<>(request.settings());
        if (!post && request.sessionId() == null) {
            // ClickHouse runs GET requests read-only, so a link or a crawler cannot change data. Not in a session:
            // there the SET would outlive the request and make the session's later POSTs read-only too.
            settingsToApply.putIfAbsent("readonly", "2");
        }
        InputStream body = post ? requestBody(exchange, request) : InputStream.nullInputStream();

        Lease lease = lease(request);
        try {
            ChdbConnection connection = lease.connection();
            applyDatabase(lease, request.database());
            applySettings(connection, settingsToApply);

            Matcher insert = request.query() == null ? null : STREAMABLE_INSERT.matcher(request.query());
            if (post && insert != null && insert.matches()) {
                streamInsert(response, connection, request, insert.group(1), insert.group(2), body);
                return;
            }
            byte[] sql = statementText(request.query(), body);
            requireStatementText(sql);
            try (QueryResult result = connection.query(sql, request.format(), request.parameters())) {
                response.sendResult(result, outputFormat(request, sql), method.equals("HEAD"));
            }
        } finally {
            lease.release();
        }
    }

    /** ClickHouse's rule: the URL's query, then the body, form the statement (the body may carry INSERT data). */
    private byte[] statementText(String query, InputStream body) throws IOException {
        byte[] prefix = query == null ? new byte[0] : query.getBytes(StandardCharsets.UTF_8);
        long limit = settings.maxQueryBytes();
        if (prefix.length > limit) {
            throw tooLarge();
        }
        byte[] rest = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limit - prefix.length + 1));
        if (prefix.length + (long) rest.length > limit) {
            throw tooLarge();
        }
        if (prefix.length == 0) {
            return rest;
        }
        if (rest.length == 0) {
            return prefix;
        }
        byte[] sql = new byte[prefix.length + 1 + rest.length];
        System.arraycopy(prefix, 0, sql, 0, prefix.length);
        sql[prefix.length] = '\n';
        System.arraycopy(rest, 0, sql, prefix.length + 1, rest.length);
        return sql;
    }

    /**
     * chDB reads statement text as a C string and silently succeeds on text it cannot parse as a statement (a leading
     * NUL, binary garbage), where ClickHouse answers with a syntax error; so the statement part, up to an INSERT's
     * inline data, must be UTF-8 text without NUL bytes.
     */
    private static void requireStatementText(byte[] sql) {
        int end = sql.length;
        String head = new String(sql, 0, Math.min(sql.length, 1 << 16), StandardCharsets.ISO_8859_1);
        if (IS_INSERT.matcher(head).matches()) {
            Matcher format = INLINE_DATA_FORMAT.matcher(head);
            if (format.find()) {
                end = format.end();
            }
        }
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        String statement;
        try {
            statement = strict.decode(ByteBuffer.wrap(sql, 0, end)).toString();
        } catch (CharacterCodingException e) {
            throw new HttpQueryRequest.Rejected(400, 62, "Code: 62. DB::Exception: Syntax error: the statement is not "
                    + "UTF-8 text (" + e.getMessage() + "). (SYNTAX_ERROR)");
        }
        if (statement.indexOf('\0') >= 0) {
            throw new HttpQueryRequest.Rejected(400, 62, "Code: 62. DB::Exception: Syntax error: the statement contains a "
                    + "NUL byte at position " + statement.indexOf('\0') + ". (SYNTAX_ERROR)");
        }
        if (statement.isBlank()) {
            throw new HttpQueryRequest.Rejected(400, 62, "Code: 62. DB::Exception: Empty query. (SYNTAX_ERROR)");
        }
    }

    private HttpQueryRequest.Rejected tooLarge() {
        return new HttpQueryRequest.Rejected(413, 202, "Code: 202. DB::Exception: Query is too large: more than "
                + settings.maxQueryBytes() + " bytes of statement text. Send INSERT data with the statement in the "
                + "'query' URL parameter so it is streamed. (QUERY_IS_TOO_LARGE)");
    }

    private void streamInsert(Exchange response, ChdbConnection connection, HttpQueryRequest request,
                              String statement, String format, InputStream body) throws IOException {
        QueryStatistics statistics;
        try (InsertStream insert = connection.insert(statement, format, request.parameters())) {
            byte[] chunk = new byte[STREAM_CHUNK];
            for (int n; (n = body.readNBytes(chunk, 0, chunk.length)) > 0; ) {
                insert.append(chunk, 0, n);
            }
            statistics = insert.finish();
        }
        response.sendEmpty(statistics);
    }

    private InputStream requestBody(HttpExchange exchange, HttpQueryRequest request) throws IOException {
        InputStream body = exchange.getRequestBody();
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        if (encoding != null && !encoding.isBlank()) {
            body = switch (encoding.strip().toLowerCase(Locale.ROOT)) {
                case "gzip" -> new GZIPInputStream(body);
                case "deflate" -> new InflaterInputStream(body);
                case "identity" -> body;
                default -> throw new HttpQueryRequest.Rejected(400, 36, "Code: 36. DB::Exception: Unsupported "
                        + "Content-Encoding '" + encoding + "' (supported: gzip, deflate; or decompress=1 with "
                        + "ClickHouse's LZ4 block framing). (BAD_ARGUMENTS)");
            };
        }
        return request.compressedBody() ? CompressedBlocks.decompressing(body) : body;
    }

    private void authenticate(HttpExchange exchange, HttpQueryRequest request) {
        String user = request.user();
        String password = request.password();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new HttpQueryRequest.Rejected(400, 36, "Code: 36. DB::Exception: Malformed Basic authorization header. (BAD_ARGUMENTS)");
            }
            int colon = decoded.indexOf(':');
            user = colon < 0 ? decoded : decoded.substring(0, colon);
            password = colon < 0 ? "" : decoded.substring(colon + 1);
        }
        String effectiveUser = user == null || user.isEmpty() ? settings.user() : user;
        String effectivePassword = password == null ? "" : password;
        if (!effectiveUser.equals(settings.user()) || !effectivePassword.equals(settings.password())) {
            throw new HttpQueryRequest.Rejected(403, 516, "Code: 516. DB::Exception: " + effectiveUser
                    + ": Authentication failed: password is incorrect, or there is no user with such name. (AUTHENTICATION_FAILED)");
        }
    }

    /** A request's connection: its own, closed afterwards, or its session's, kept. */
    private record Lease(ChdbConnection connection, HttpSessions.Session session, HttpSessions sessions) {
        void release() {
            if (session == null) {
                connection.close();
            } else {
                sessions.release(session);
            }
        }
    }

    private Lease lease(HttpQueryRequest request) {
        if (request.sessionId() == null) {
            return new Lease(engine.connect(), null, sessions);
        }
        HttpSessions.Session session = sessions.acquire(request.sessionId(), request.sessionTimeout(), request.sessionCheck());
        return new Lease(session.connection, session, sessions);
    }

    /**
     * The request's database becomes the connection's current one. A fresh connection starts in {@code default};
     * a session's may be anywhere after an earlier {@code USE}, so there it is always set.
     */
    private static void applyDatabase(Lease lease, String database) {
        if (database == null || (lease.session() == null && database.equals("default"))) {
            return;
        }
        lease.connection().query("USE " + quoteIdentifier(database), "TabSeparated").close();
    }

    private static void applySettings(ChdbConnection connection, Map<String, String> settings) {
        if (settings.isEmpty()) {
            return;
        }
        StringBuilder set = new StringBuilder("SET ");
        settings.forEach((name, value) -> set.append(name).append(" = ").append(settingLiteral(value)).append(", "));
        set.setLength(set.length() - 2);
        connection.query(set.toString(), "TabSeparated").close();
    }

    /** Numbers stay numbers; anything else is a string literal, which ClickHouse converts to the setting's type. */
    private static String settingLiteral(String value) {
        if (value.matches("-?\\d+(\\.\\d+)?")) {
            return value;
        }
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String quoteIdentifier(String name) {
        return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`";
    }

    /** The format the output is in: a trailing FORMAT clause wins over the requested default, as in ClickHouse. */
    private static String outputFormat(HttpQueryRequest request, byte[] sql) {
        if (IS_INSERT.matcher(new String(sql, 0, Math.min(sql.length, 64), StandardCharsets.ISO_8859_1)).matches()) {
            return request.format();
        }
        Matcher format = TRAILING_FORMAT.matcher(new String(sql, StandardCharsets.UTF_8));
        return format.find() ? format.group(1) : request.format();
    }

    private static String requireMethod(HttpExchange exchange, String... allowed) {
        String method = exchange.getRequestMethod();
        for (String candidate : allowed) {
            if (candidate.equals(method)) {
                return method;
            }
        }
        throw new HttpQueryRequest.Rejected(405, 1, "Code: 1. DB::Exception: HTTP method " + method
                + " is not supported here; use " + String.join(", ", allowed) + ". (UNSUPPORTED_METHOD)");
    }

    private static String contentType(String format) {
        String f = format.toLowerCase(Locale.ROOT);
        if (f.startsWith("json")) {
            return f.equals("json") || f.equals("jsoncompact") || f.equals("jsonstrings")
                    ? "application/json; charset=UTF-8" : "application/x-ndjson; charset=UTF-8";
        }
        if (f.startsWith("tabseparated") || f.startsWith("tsv")) {
            return "text/tab-separated-values; charset=UTF-8";
        }
        if (f.startsWith("csv")) {
            return "text/csv; charset=UTF-8; header=absent";
        }
        if (f.startsWith("pretty") || f.equals("vertical") || f.equals("markdown")) {
            return "text/plain; charset=UTF-8";
        }
        return "application/octet-stream";
    }

    /** ClickHouse's default display name is the host name; read without DNS, which can stall on a bad resolver. */
    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException | RuntimeException e) {
            return "localhost";
        }
    }

    /** One response, written once: headers ClickHouse always sends, then a body with a known length. */
    private final class Exchange {
        final HttpExchange exchange;
        private HttpQueryRequest request;
        private String queryId = UUID.randomUUID().toString();
        private boolean sent;

        Exchange(HttpExchange exchange) {
            this.exchange = exchange;
        }

        void prepare(HttpQueryRequest parsed) {
            this.request = parsed;
            if (parsed.queryId() != null) {
                queryId = parsed.queryId();
            }
        }

        private Headers commonHeaders(String format) {
            Headers headers = exchange.getResponseHeaders();
            headers.set("X-ClickHouse-Server-Display-Name", displayName);
            headers.set("X-ClickHouse-Query-Id", queryId);
            headers.set("X-ClickHouse-Timezone", timezone);
            if (format != null) {
                headers.set("X-ClickHouse-Format", format);
            }
            if (request != null && request.sessionId() != null) {
                headers.set("Keep-Alive", "timeout=" + request.sessionTimeout().toSeconds());
            }
            return headers;
        }

        void sendPlain(int status, byte[] body) throws IOException {
            Headers headers = commonHeaders(null);
            headers.set("Content-Type", "text/plain; charset=UTF-8");
            send(status, body, exchange.getRequestMethod().equals("HEAD"));
        }

        void sendEmpty(QueryStatistics statistics) throws IOException {
            Headers headers = commonHeaders(request.format());
            headers.set("Content-Type", contentType(request.format()));
            headers.set("X-ClickHouse-Summary", statistics.toSummaryJson());
            send(200, new byte[0], false);
        }

        void sendResult(QueryResult result, String format, boolean headOnly) throws IOException {
            Headers headers = commonHeaders(format);
            headers.set("Content-Type", contentType(format));
            headers.set("X-ClickHouse-Summary", result.statistics().toSummaryJson());
            if (headOnly) {
                send(200, new byte[0], true);
                return;
            }
            if (request.compressResponse()) {
                ByteArrayOutputStream framed = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 16,
                        result.length() / 2 + 64));
                try (OutputStream compressing = CompressedBlocks.compressing(framed)) {
                    result.writeTo(compressing);
                }
                send(200, framed.toByteArray(), false);
            } else {
                sent = true;
                exchange.sendResponseHeaders(200, result.length() == 0 ? -1 : result.length());
                if (result.length() > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        result.writeTo(out);
                    }
                }
            }
        }

        void sendError(int status, int code, String message) {
            LOG.debug("{} {} -> HTTP {} code {}{}: {}", exchange.getRequestMethod(), exchange.getRequestURI(), status, code,
                    sent ? " after the response started" : "", message);
            if (sent) {
                // Headers are out: all that is left is to cut the response short, which the client sees as an error.
                return;
            }
            drainRequestBody();
            try {
                Headers headers = commonHeaders(null);
                headers.set("Content-Type", "text/plain; charset=UTF-8");
                headers.set("X-ClickHouse-Exception-Code", Integer.toString(code));
                byte[] text = (message.endsWith("\n") ? message : message + "\n").getBytes(StandardCharsets.UTF_8);
                if (request != null && request.compressResponse()) {
                    // ClickHouse sends the exception through the same compressed stream the result would have used.
                    text = CompressedBlocks.frame(text, 0, text.length);
                }
                send(status, text, exchange.getRequestMethod().equals("HEAD"));
            } catch (IOException e) {
                LOG.debug("Could not send a ClickHouse HTTP error response: {}", e.toString());
            }
        }

        /**
         * Reads what is left of a refused request's body, so a client still uploading (a driver streaming an INSERT
         * whose table does not exist) reads the error instead of a connection reset. Bounded: past the limit the
         * connection is simply closed.
         */
        private void drainRequestBody() {
            long deadline = System.nanoTime() + DRAIN_TIME.toNanos();
            byte[] discard = new byte[1 << 16];
            long drained = 0;
            try (InputStream body = exchange.getRequestBody()) {
                for (int n; drained < DRAIN_BYTES && System.nanoTime() < deadline && (n = body.read(discard)) > 0; ) {
                    drained += n;
                }
            } catch (IOException e) {
                // The client is gone or sent garbage framing; the error response below may not reach it either.
            }
        }

        private void send(int status, byte[] body, boolean headOnly) throws IOException {
            sent = true;
            if (headOnly) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }
}
