package io.jobpulse.embedded.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jobpulse.embedded.testing.TestClickHouse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import net.jpountz.lz4.LZ4Factory;
import com.clickhouse.client.api.internal.ClickHouseLZ4InputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The endpoint as a person with curl sees it: raw HTTP against ClickHouse's HTTP interface. */
class ClickHouseHttpIT {

    private static String database;
    private static HttpClient http;

    @BeforeAll
    static void setUp() {
        database = TestClickHouse.createDatabase("http_it");
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void tearDown() {
        http.close();
    }

    private static URI uri(String pathAndQuery) {
        return URI.create(TestClickHouse.get().httpUrl() + pathAndQuery);
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void pingAndBareRootAnswerOk() throws Exception {
        HttpResponse<byte[]> ping = send(HttpRequest.newBuilder(uri("/ping")));
        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(text(ping)).isEqualTo("Ok.\n");
        HttpResponse<byte[]> root = send(HttpRequest.newBuilder(uri("/")));
        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(text(root)).isEqualTo("Ok.\n");
    }

    @Test
    void getRunsAQueryFromTheUrlWithClickHousesHeaders() throws Exception {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/?query=" + q("SELECT number, 'x' FROM numbers(3)")
                + "&query_id=my-query-1")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(text(response)).isEqualTo("0\tx\n1\tx\n2\tx\n");
        assertThat(response.headers().firstValue("X-ClickHouse-Query-Id")).hasValue("my-query-1");
        assertThat(response.headers().firstValue("X-ClickHouse-Format")).hasValue("TabSeparated");
        assertThat(response.headers().firstValue("X-ClickHouse-Server-Display-Name")).isPresent();
        assertThat(response.headers().firstValue("X-ClickHouse-Summary").orElseThrow())
                .contains("\"read_rows\":\"3\"").contains("\"written_rows\":\"0\"").contains("\"result_rows\":\"3\"");
    }

    @Test
    void getIsReadOnlyAsInClickHouse() throws Exception {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/?query="
                + q("CREATE TABLE " + database + ".from_get (x UInt8) ENGINE = Memory"))));
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("164");
        assertThat(text(response)).contains("readonly");
    }

    @Test
    void bindsParamsToTypedPlaceholders() throws Exception {
        String sql = "SELECT {n:UInt32} + 1 AS next, {who:String} AS who, length({who:String}) AS len";
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/?query=" + q(sql)
                + "&param_n=41&param_who=" + q("O'Brien; DROP TABLE x"))));
        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        assertThat(text(response)).isEqualTo("42\tO\\'Brien; DROP TABLE x\t21\n");

        HttpResponse<byte[]> wrongType = send(HttpRequest.newBuilder(uri("/?query=" + q("SELECT {n:UInt32}") + "&param_n=abc")));
        assertThat(wrongType.statusCode()).isEqualTo(500);
        assertThat(wrongType.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("457");
    }

    @Test
    void postTakesTheQueryFromTheBodyWithDatabaseAndFormatHeaders() throws Exception {
        send(HttpRequest.newBuilder(uri("/")).POST(HttpRequest.BodyPublishers.ofString(
                "CREATE TABLE " + database + ".skills (name String, n UInt32) ENGINE = MergeTree ORDER BY name")));
        HttpResponse<byte[]> insert = send(HttpRequest.newBuilder(uri("/?query=" + q("INSERT INTO skills FORMAT TSV")))
                .header("X-ClickHouse-Database", database)
                .POST(HttpRequest.BodyPublishers.ofString("java\t3\nkotlin\t1\n")));
        assertThat(insert.statusCode()).as(text(insert)).isEqualTo(200);
        assertThat(insert.headers().firstValue("X-ClickHouse-Summary").orElseThrow()).contains("\"written_rows\":\"2\"");

        HttpResponse<byte[]> select = send(HttpRequest.newBuilder(uri("/?database=" + database))
                .header("X-ClickHouse-Format", "JSONEachRow")
                .POST(HttpRequest.BodyPublishers.ofString("SELECT name, n FROM skills ORDER BY name")));
        assertThat(select.statusCode()).isEqualTo(200);
        assertThat(text(select)).isEqualTo("{\"name\":\"java\",\"n\":3}\n{\"name\":\"kotlin\",\"n\":1}\n");
        assertThat(select.headers().firstValue("X-ClickHouse-Format")).hasValue("JSONEachRow");
        assertThat(select.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/x-ndjson");
    }

    @Test
    void acceptsGzipBodiesAndAnswersHeadWithHeadersOnly() throws Exception {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write("SELECT 'zipped'".getBytes(StandardCharsets.UTF_8));
        }
        HttpResponse<byte[]> zipped = send(HttpRequest.newBuilder(uri("/")).header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzipped.toByteArray())));
        assertThat(text(zipped)).isEqualTo("zipped\n");

        HttpResponse<byte[]> unsupported = send(HttpRequest.newBuilder(uri("/")).header("Content-Encoding", "br")
                .POST(HttpRequest.BodyPublishers.ofString("SELECT 1")));
        assertThat(unsupported.statusCode()).isEqualTo(400);
        assertThat(text(unsupported)).contains("Unsupported Content-Encoding 'br'");

        HttpResponse<byte[]> head = send(HttpRequest.newBuilder(uri("/?query=" + q("SELECT 1")))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("X-ClickHouse-Summary")).isPresent();
    }

    @Test
    void urlSettingsApplyToTheQuery() throws Exception {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/?max_threads=3&wait_end_of_query=1&query="
                + q("SELECT getSetting('max_threads')"))));
        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        assertThat(text(response)).isEqualTo("3\n");

        HttpResponse<byte[]> unknown = send(HttpRequest.newBuilder(uri("/?no_such_setting_xyz=1&query=" + q("SELECT 1"))));
        assertThat(unknown.statusCode()).isEqualTo(500);
        assertThat(unknown.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("115");
    }

    @Test
    void aSessionKeepsItsStateAndOtherRequestsDoNot() throws Exception {
        String session = "session-" + System.nanoTime();
        HttpResponse<byte[]> create = send(HttpRequest.newBuilder(uri("/?session_id=" + session))
                .POST(HttpRequest.BodyPublishers.ofString("CREATE TEMPORARY TABLE scratch (x UInt8)")));
        assertThat(create.statusCode()).as(text(create)).isEqualTo(200);
        send(HttpRequest.newBuilder(uri("/?session_id=" + session))
                .POST(HttpRequest.BodyPublishers.ofString("INSERT INTO scratch VALUES (7)")));
        send(HttpRequest.newBuilder(uri("/?session_id=" + session))
                .POST(HttpRequest.BodyPublishers.ofString("USE " + database)));

        HttpResponse<byte[]> sameSession = send(HttpRequest.newBuilder(uri("/?session_id=" + session))
                .POST(HttpRequest.BodyPublishers.ofString("SELECT x, currentDatabase() FROM scratch")));
        assertThat(text(sameSession)).isEqualTo("7\t" + database + "\n");

        // A GET in the session reads; it must not leave the session read-only for the POSTs after it.
        HttpResponse<byte[]> getInSession = send(HttpRequest.newBuilder(uri("/?session_id=" + session
                + "&query=" + q("SELECT count() FROM scratch"))));
        assertThat(text(getInSession)).isEqualTo("1\n");
        HttpResponse<byte[]> postAfterGet = send(HttpRequest.newBuilder(uri("/?session_id=" + session))
                .POST(HttpRequest.BodyPublishers.ofString("INSERT INTO scratch VALUES (8)")));
        assertThat(postAfterGet.statusCode()).as(text(postAfterGet)).isEqualTo(200);

        // A database header (the driver sends one with every request) wins over the session's earlier USE.
        HttpResponse<byte[]> withHeader = send(HttpRequest.newBuilder(uri("/?session_id=" + session))
                .header("X-ClickHouse-Database", "default")
                .POST(HttpRequest.BodyPublishers.ofString("SELECT currentDatabase(), count() FROM scratch")));
        assertThat(text(withHeader)).isEqualTo("default\t2\n");

        HttpResponse<byte[]> noSession = send(HttpRequest.newBuilder(uri("/"))
                .POST(HttpRequest.BodyPublishers.ofString("SELECT currentDatabase()")));
        assertThat(text(noSession)).isEqualTo("default\n");
        HttpResponse<byte[]> otherSession = send(HttpRequest.newBuilder(uri("/?session_id=other-" + session))
                .POST(HttpRequest.BodyPublishers.ofString("SELECT x FROM scratch")));
        assertThat(otherSession.statusCode()).isEqualTo(500);

        HttpResponse<byte[]> unknown = send(HttpRequest.newBuilder(uri("/?session_check=1&session_id=never-" + session))
                .POST(HttpRequest.BodyPublishers.ofString("SELECT 1")));
        assertThat(unknown.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("372");
    }

    @Test
    void anIdleSessionExpiresAfterItsTimeout() throws Exception {
        String session = "short-" + System.nanoTime();
        HttpResponse<byte[]> create = send(HttpRequest.newBuilder(uri("/?session_timeout=1&session_id=" + session))
                .POST(HttpRequest.BodyPublishers.ofString("CREATE TEMPORARY TABLE t (x UInt8)")));
        assertThat(create.statusCode()).isEqualTo(200);
        HttpResponse<byte[]> alive = send(HttpRequest.newBuilder(uri("/?session_check=1&session_timeout=1&session_id=" + session))
                .POST(HttpRequest.BodyPublishers.ofString("SELECT count() FROM t")));
        assertThat(text(alive)).isEqualTo("0\n");
        // Any request in the session, a check included, renews it; so wait past the timeout without touching it.
        Thread.sleep(3_000);
        HttpResponse<byte[]> expired = send(HttpRequest.newBuilder(uri("/?session_check=1&session_id=" + session))
                .POST(HttpRequest.BodyPublishers.ofString("SELECT 1")));
        assertThat(expired.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("372");
        assertThat(text(expired)).contains("Session " + session + " not found");
    }

    @Test
    void compressedRequestAndResponseRoundTrip() throws Exception {
        send(HttpRequest.newBuilder(uri("/")).POST(HttpRequest.BodyPublishers.ofString(
                "CREATE TABLE " + database + ".lines (n UInt32, s String) ENGINE = MergeTree ORDER BY n")));
        StringBuilder tsv = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            tsv.append(i).append('\t').append("line ").append(i % 97).append('\n');
        }
        ByteArrayOutputStream framed = new ByteArrayOutputStream();
        try (OutputStream compressing = CompressedBlocks.compressing(framed)) {
            compressing.write(tsv.toString().getBytes(StandardCharsets.UTF_8));
        }
        // More than one 1 MiB block, so block boundaries cut rows.
        assertThat(tsv.length()).isGreaterThan(2 << 20);
        HttpResponse<byte[]> insert = send(HttpRequest.newBuilder(uri("/?decompress=1&database=" + database
                        + "&query=" + q("INSERT INTO lines FORMAT TSV")))
                .POST(HttpRequest.BodyPublishers.ofByteArray(framed.toByteArray())));
        assertThat(insert.statusCode()).as(text(insert)).isEqualTo(200);
        assertThat(insert.headers().firstValue("X-ClickHouse-Summary").orElseThrow()).contains("\"written_rows\":\"200000\"");

        HttpResponse<byte[]> select = send(HttpRequest.newBuilder(uri("/?compress=1&database=" + database))
                .POST(HttpRequest.BodyPublishers.ofString("SELECT n, s FROM lines ORDER BY n")));
        assertThat(select.statusCode()).isEqualTo(200);
        // Decoded by the JDBC driver's own reader, which checks every block's CityHash128.
        byte[] plain;
        try (InputStream in = new ClickHouseLZ4InputStream(new ByteArrayInputStream(select.body()),
                LZ4Factory.fastestInstance().fastDecompressor(), 1 << 16)) {
            plain = in.readAllBytes();
        }
        assertThat(new String(plain, StandardCharsets.UTF_8)).isEqualTo(tsv.toString());
        assertThat(select.body().length).isLessThan(plain.length);
    }

    @Test
    void manyClientsAtOnceAllGetTheirOwnAnswers() throws Exception {
        send(HttpRequest.newBuilder(uri("/")).POST(HttpRequest.BodyPublishers.ofString(
                "CREATE TABLE " + database + ".hits (client UInt32, n UInt32) ENGINE = MergeTree ORDER BY client")));
        int clients = 16;
        int requestsEach = 9;
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(clients)) {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<String>>();
            for (int client = 0; client < clients; client++) {
                int id = client;
                futures.add(pool.submit(() -> {
                    StringBuilder wrong = new StringBuilder();
                    for (int i = 0; i < requestsEach; i++) {
                        HttpResponse<byte[]> answer = switch (i % 3) {
                            case 0 -> send(HttpRequest.newBuilder(uri("/?database=" + database + "&query="
                                    + q("INSERT INTO hits FORMAT TSV"))).POST(HttpRequest.BodyPublishers.ofString(id + "\t" + i + "\n")));
                            case 1 -> send(HttpRequest.newBuilder(uri("/?param_c=" + id + "&query="
                                    + q("SELECT {c:UInt32} * 2"))));
                            default -> send(HttpRequest.newBuilder(uri("/?session_id=load-" + id))
                                    .POST(HttpRequest.BodyPublishers.ofString("SELECT 1 +")));
                        };
                        boolean expected = switch (i % 3) {
                            case 0 -> answer.statusCode() == 200;
                            case 1 -> answer.statusCode() == 200 && text(answer).equals((id * 2) + "\n");
                            default -> answer.statusCode() == 500
                                    && answer.headers().firstValue("X-ClickHouse-Exception-Code").orElse("").equals("62");
                        };
                        if (!expected) {
                            wrong.append("request ").append(i).append(": HTTP ").append(answer.statusCode())
                                    .append(' ').append(text(answer)).append('\n');
                        }
                    }
                    return wrong.toString();
                }));
            }
            for (var future : futures) {
                assertThat(future.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEmpty();
            }
        }
        assertThat(TestClickHouse.execute("SELECT count(), uniqExact(client) FROM " + database + ".hits"))
                .isEqualTo((clients * requestsEach / 3) + "\t" + clients + "\n");
    }

    @Test
    void errorsAreHttp500WithClickHousesCodeAndText() throws Exception {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/")).POST(HttpRequest.BodyPublishers.ofString("SELEC 1")));
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("62");
        assertThat(text(response)).startsWith("Code: 62. DB::Exception: Syntax error").contains("(SYNTAX_ERROR)");
    }

    @Test
    void malformedRequestsGetAClearClientErrorAndTheEndpointStaysUp() throws Exception {
        HttpResponse<byte[]> badFrame = send(HttpRequest.newBuilder(uri("/?decompress=1&query=" + q("SELECT 1")))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[64])));
        assertThat(badFrame.statusCode()).isEqualTo(400);
        assertThat(text(badFrame)).contains("compression method");

        byte[] corrupted = CompressedBlocks.frame("SELECT 1".getBytes(StandardCharsets.UTF_8), 0, 8);
        corrupted[3] ^= 0x55;
        HttpResponse<byte[]> badChecksum = send(HttpRequest.newBuilder(uri("/?decompress=1"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(corrupted)));
        assertThat(badChecksum.statusCode()).isEqualTo(400);
        assertThat(badChecksum.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("40");
        assertThat(text(badChecksum)).contains("Checksum doesn't match");

        HttpResponse<byte[]> unknownMethod = send(HttpRequest.newBuilder(uri("/?query=" + q("SELECT 1")))
                .method("DELETE", HttpRequest.BodyPublishers.noBody()));
        assertThat(unknownMethod.statusCode()).isEqualTo(405);
        assertThat(text(unknownMethod)).contains("DELETE");

        String badEncoding = rawHttp("GET /?query=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        // The JDK's HTTP server refuses it before the endpoint sees it; either way a 400 with a reason.
        assertThat(badEncoding).startsWith("HTTP/1.1 400").contains("URISyntaxException");

        HttpResponse<byte[]> badTimeout = send(HttpRequest.newBuilder(uri("/?session_id=s&session_timeout=soon&query=" + q("SELECT 1"))));
        assertThat(badTimeout.statusCode()).isEqualTo(400);
        assertThat(text(badTimeout)).contains("session timeout");

        HttpResponse<byte[]> badParamName = send(HttpRequest.newBuilder(uri("/?param_a-b=1&query=" + q("SELECT 1"))));
        assertThat(badParamName.statusCode()).isEqualTo(400);

        HttpResponse<byte[]> unknownPath = send(HttpRequest.newBuilder(uri("/no/such/handler")));
        assertThat(unknownPath.statusCode()).isEqualTo(404);

        byte[] garbage = new byte[4 << 20];
        new Random(7).nextBytes(garbage);
        HttpResponse<byte[]> garbageQuery = send(HttpRequest.newBuilder(uri("/"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(garbage)));
        assertThat(garbageQuery.statusCode()).isBetween(400, 599);
        assertThat(garbageQuery.headers().firstValue("X-ClickHouse-Exception-Code")).isPresent();

        assertThat(rawHttp("THIS IS NOT HTTP\r\n\r\n")).doesNotContain("200 OK");
        // The JDK server drops a request line this long; a dropped connection is a fine answer to it.
        String hugeUrl = "GET /?query=" + "x".repeat(1 << 20) + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
        String hugeUrlAnswer;
        try {
            hugeUrlAnswer = rawHttp(hugeUrl);
        } catch (SocketException e) {
            hugeUrlAnswer = "connection closed: " + e.getMessage();
        }
        assertThat(hugeUrlAnswer).doesNotContain("200 OK");

        HttpResponse<byte[]> stillUp = send(HttpRequest.newBuilder(uri("/ping")));
        assertThat(text(stillUp)).isEqualTo("Ok.\n");
    }

    @Test
    void authenticatesTheOneDefaultUser() throws Exception {
        String goodBasic = Base64.getEncoder().encodeToString("default:".getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> good = send(HttpRequest.newBuilder(uri("/?query=" + q("SELECT currentUser() != ''")))
                .header("Authorization", "Basic " + goodBasic));
        assertThat(good.statusCode()).isEqualTo(200);

        String badBasic = Base64.getEncoder().encodeToString("mallory:secret".getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> bad = send(HttpRequest.newBuilder(uri("/?query=" + q("SELECT 1")))
                .header("Authorization", "Basic " + badBasic));
        assertThat(bad.statusCode()).isEqualTo(403);
        assertThat(bad.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("516");
    }

    @Test
    void anEndpointWithAPasswordAndASmallStatementLimitEnforcesBoth() throws Exception {
        // A second endpoint on the JVM's one engine, configured differently.
        try (ClickHouseHttpEndpoint strict = new ClickHouseHttpEndpoint(TestClickHouse.get().engine(),
                new ClickHouseHttpEndpoint.Settings(0, "default", "s3cret", 2, 1024))) {
            strict.start();
            String base = "http://127.0.0.1:" + strict.port();
            String basic = "Basic " + Base64.getEncoder().encodeToString("default:s3cret".getBytes(StandardCharsets.UTF_8));

            HttpResponse<byte[]> noPassword = send(HttpRequest.newBuilder(URI.create(base + "/?query=" + q("SELECT 1"))));
            assertThat(noPassword.statusCode()).isEqualTo(403);
            HttpResponse<byte[]> withPassword = send(HttpRequest.newBuilder(URI.create(base + "/?query=" + q("SELECT 1")))
                    .header("Authorization", basic));
            assertThat(text(withPassword)).isEqualTo("1\n");
            HttpResponse<byte[]> clickHouseHeaders = send(HttpRequest.newBuilder(URI.create(base + "/?query=" + q("SELECT 2")))
                    .header("X-ClickHouse-User", "default").header("X-ClickHouse-Key", "s3cret"));
            assertThat(text(clickHouseHeaders)).isEqualTo("2\n");

            HttpResponse<byte[]> tooLarge = send(HttpRequest.newBuilder(URI.create(base + "/")).header("Authorization", basic)
                    .POST(HttpRequest.BodyPublishers.ofString("SELECT '" + "x".repeat(2000) + "'")));
            assertThat(tooLarge.statusCode()).isEqualTo(413);
            assertThat(tooLarge.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("202");

            // Streamed INSERT data is not statement text, so the limit does not apply to it.
            send(HttpRequest.newBuilder(URI.create(base + "/")).header("Authorization", basic).POST(HttpRequest.BodyPublishers
                    .ofString("CREATE TABLE " + database + ".streamed (s String) ENGINE = MergeTree ORDER BY s")));
            HttpResponse<byte[]> streamed = send(HttpRequest.newBuilder(URI.create(base + "/?database=" + database
                            + "&query=" + q("INSERT INTO streamed FORMAT TSV")))
                    .header("Authorization", basic)
                    .POST(HttpRequest.BodyPublishers.ofString(("y".repeat(100) + "\n").repeat(100))));
            assertThat(streamed.statusCode()).as(text(streamed)).isEqualTo(200);
            assertThat(streamed.headers().firstValue("X-ClickHouse-Summary").orElseThrow()).contains("\"written_rows\":\"100\"");
        }
    }

    @Test
    void theEndpointStopsAndRestartsOnTheSamePortKeepingTheData() throws Exception {
        EmbeddedClickHouse clickHouse = TestClickHouse.get();
        int port = clickHouse.port();
        TestClickHouse.execute("CREATE TABLE " + database + ".kept (x UInt8) ENGINE = MergeTree ORDER BY x");
        TestClickHouse.execute("INSERT INTO " + database + ".kept VALUES (1), (2)");
        URI ping = URI.create(clickHouse.httpUrl() + "/ping");
        clickHouse.stopEndpoint();
        try {
            // Not through uri(): TestClickHouse.get() would start the endpoint again.
            assertThatThrownBy(() -> send(HttpRequest.newBuilder(ping))).isInstanceOf(ConnectException.class);
        } finally {
            clickHouse.startEndpoint();
        }
        assertThat(clickHouse.port()).isEqualTo(port);
        assertThat(TestClickHouse.execute("SELECT count() FROM " + database + ".kept")).isEqualTo("2\n");
    }

    @Test
    void aSecondEngineInTheSameJvmIsRefusedClearly(@TempDir Path otherDirectory) {
        TestClickHouse.get();
        assertThatThrownBy(() -> EmbeddedClickHouse.start(otherDirectory, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("one engine per process");
    }

    private static String rawHttp(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", TestClickHouse.get().port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
