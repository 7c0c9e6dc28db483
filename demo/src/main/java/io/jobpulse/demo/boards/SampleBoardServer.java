package io.jobpulse.demo.boards;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jobpulse.demo.corpus.Board;
import io.jobpulse.demo.corpus.Corpus;
import io.jobpulse.demo.corpus.Job;
import io.jobpulse.demo.corpus.JobText;
import io.jobpulse.demo.corpus.Listing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local job-board server on 127.0.0.1 (ephemeral port) serving a {@link Corpus} through the real formats of eight
 * boards, each under its own prefix: {@code /greenhouse}, {@code /lever}, {@code /ashby}, {@code /workable},
 * {@code /recruitee/{company}}, {@code /remotive}, {@code /arbeitnow}, {@code /hn}. It shows the listings of the
 * current simulated day; {@link #advanceDay()} moves to the next one, where some jobs are new, edited, reposted or
 * gone. Document responses carry an ETag and answer a matching {@code If-None-Match} with 304, as the real boards'
 * CDNs do. Every posting's link points to a page on this server, {@code /jobs/{posting id}}.
 *
 * <p>{@link SourcesFile} writes the {@code sources.yaml} that points jobpulse's connectors here.
 */
public final class SampleBoardServer implements AutoCloseable {

    private static final List<BoardFormat> FORMATS = List.of(new GreenhouseFormat(), new LeverFormat(),
            new AshbyFormat(), new WorkableFormat(), new RecruiteeFormat(), new RemotiveFormat(), new ArbeitnowFormat(),
            new HnFormat());

    private final Corpus corpus;
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicLong requests = new AtomicLong();
    private volatile BoardDay today;

    private SampleBoardServer(Corpus corpus, int port) {
        this.corpus = corpus;
        this.today = new BoardDay(corpus, 0);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "sample-boards");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts serving day 0 of {@code corpus} on an ephemeral loopback port. */
    public static SampleBoardServer start(Corpus corpus) {
        return new SampleBoardServer(corpus, 0);
    }

    /** Starts serving day 0 on a given loopback port (0: ephemeral). */
    public static SampleBoardServer start(Corpus corpus, int port) {
        return new SampleBoardServer(corpus, port);
    }

    /** Root URL, e.g. {@code http://127.0.0.1:51234}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public Corpus corpus() {
        return corpus;
    }

    /** The simulated day being served. */
    public int day() {
        return today.day();
    }

    /** Whether a later simulated day remains. */
    public boolean hasNextDay() {
        return today.day() + 1 < corpus.settings().days();
    }

    /** Switches to the next simulated day; returns it. */
    public int advanceDay() {
        if (!hasNextDay()) {
            throw new IllegalStateException("day " + today.day() + " is the corpus's last day");
        }
        today = new BoardDay(corpus, today.day() + 1);
        return today.day();
    }

    /** Requests answered so far. */
    public long requests() {
        return requests.get();
    }

    /** Board instances with at least one listing on any day: the sources a sources.yaml should list. */
    public List<BoardInstance> boardInstances() {
        Map<String, BoardInstance> out = new LinkedHashMap<>();
        for (Job j : corpus.jobs()) {
            for (Listing l : j.listings()) {
                out.putIfAbsent(l.board() + "/" + l.boardToken(),
                        new BoardInstance(l.board(), l.boardToken(), l.board().aggregator() ? null : j.company().name()));
            }
        }
        return out.values().stream().sorted(java.util.Comparator.comparing(BoardInstance::board)
                .thenComparing(BoardInstance::token)).toList();
    }

    /** One board to ingest: a company's board on an ATS, or an aggregator ({@code company} null). */
    public record BoardInstance(Board board, String token, String company) {
    }

    /** The base URL a connector of {@code board} should use (for Recruitee, per company). */
    public String baseUrl(Board board, String token) {
        return url() + "/" + board.connector() + (board == Board.RECRUITEE ? "/" + token : "");
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            BoardResponse response = route(exchange);
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            if (response.status() == 200) {
                String etag = etag(response.body());
                exchange.getResponseHeaders().set("ETag", etag);
                if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
            }
            exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    private BoardResponse route(HttpExchange exchange) {
        if (!exchange.getRequestMethod().equals("GET")) {
            return new BoardResponse(405, "text/plain", "GET only".getBytes(StandardCharsets.UTF_8));
        }
        URI uri = exchange.getRequestURI();
        String path = URLDecoder.decode(uri.getRawPath(), StandardCharsets.UTF_8);
        BoardDay day = today;
        if (path.startsWith("/jobs/")) {
            return jobPage(day, path.substring("/jobs/".length()));
        }
        for (BoardFormat f : FORMATS) {
            if (path.startsWith(f.prefix() + "/")) {
                return f.respond(path.substring(f.prefix().length()), query(uri.getRawQuery()), day, url());
            }
        }
        return BoardResponse.notFound(path);
    }

    private static BoardResponse jobPage(BoardDay day, String postingId) {
        String id = postingId.endsWith("/apply") ? postingId.substring(0, postingId.length() - 6) : postingId;
        Listing l = day.listing(id);
        if (l == null) {
            return new BoardResponse(404, "text/html; charset=utf-8",
                    "<!doctype html><title>Closed</title><p>This job is no longer open.</p>".getBytes(StandardCharsets.UTF_8));
        }
        Job j = day.job(l);
        return BoardResponse.html("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + JobText.escape(j.title() + " at " + j.company().name()) + "</title></head><body><h1>"
                + JobText.escape(j.title()) + "</h1><p>" + JobText.escape(j.company().name() + " · " + j.place().text())
                + "</p>" + JobText.descriptionHtml(j, day.version(l)) + "<p><small>Sample posting served by ./jobpulse demo ("
                + JobText.escape(l.postingId()) + ").</small></p></body></html>");
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
