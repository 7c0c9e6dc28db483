package io.jobpulse.ingest.testing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/**
 * A local job board on 127.0.0.1: serves canned responses per path-and-query, in order (the last one repeats), and
 * records every request with its headers, so tests check paging, retries and conditional requests.
 */
public final class BoardServer implements AutoCloseable {

    /** One canned response. */
    public record Reply(int status, Map<String, String> headers, byte[] body, long delayMillis,
                        java.util.concurrent.CountDownLatch gate) {

        public static Reply json(String body) {
            return new Reply(200, Map.of("Content-Type", "application/json; charset=utf-8"),
                    body.getBytes(StandardCharsets.UTF_8), 0, null);
        }

        public static Reply of(int status, String contentType, byte[] body) {
            return new Reply(status, contentType == null ? Map.of() : Map.of("Content-Type", contentType), body, 0, null);
        }

        public static Reply status(int status) {
            return new Reply(status, Map.of(), new byte[0], 0, null);
        }

        public Reply header(String name, String value) {
            Map<String, String> h = new HashMap<>(headers);
            h.put(name, value);
            return new Reply(status, h, body, delayMillis, gate);
        }

        public Reply delayed(long millis) {
            return new Reply(status, headers, body, millis, gate);
        }

        /** Holds the response until the test opens the gate. */
        public Reply heldUntil(java.util.concurrent.CountDownLatch gate) {
            return new Reply(status, headers, body, delayMillis, gate);
        }

        public Reply gzipped() {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                    gz.write(body);
                }
                return new Reply(status, headers, out.toByteArray(), delayMillis, gate).header("Content-Encoding", "gzip");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A request as received. */
    public record Received(String method, String pathAndQuery, Headers headers, long atNanos) {
        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server;
    private final Map<String, Deque<Reply>> routes = new HashMap<>();
    private final List<Received> requests = Collections.synchronizedList(new ArrayList<>());

    public BoardServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    /** Base URL, e.g. {@code http://127.0.0.1:51234}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Responses for a path with its query string, served in order; the last one repeats. */
    public synchronized BoardServer on(String pathAndQuery, Reply... replies) {
        routes.put(pathAndQuery, new ArrayDeque<>(List.of(replies)));
        return this;
    }

    public BoardServer onJson(String pathAndQuery, String json) {
        return on(pathAndQuery, Reply.json(json));
    }

    public List<Received> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<Received> requests(String pathAndQuery) {
        return requests().stream().filter(r -> r.pathAndQuery().equals(pathAndQuery)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String key = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        requests.add(new Received(exchange.getRequestMethod(), key, exchange.getRequestHeaders(), System.nanoTime()));
        try (InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
        }
        Reply reply;
        synchronized (this) {
            Deque<Reply> q = routes.get(key);
            reply = q == null ? null : q.size() > 1 ? q.poll() : q.peek();
        }
        if (reply == null) {
            reply = Reply.of(404, "text/plain", ("no route for " + key).getBytes(StandardCharsets.UTF_8));
        }
        if (reply.gate() != null) {
            try {
                reply.gate().await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (reply.delayMillis() > 0) {
            try {
                Thread.sleep(reply.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        boolean noBody = reply.status() == 304 || reply.status() == 204;
        exchange.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length == 0 ? -1 : reply.body().length);
        if (!noBody && reply.body().length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
        exchange.close();
    }

    /** A fixture from src/test/resources/fixtures. */
    public static String fixture(String name) {
        try (InputStream in = BoardServer.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path writeTemp(String prefix, String suffix, byte[] content) {
        try {
            Path p = Files.createTempFile(prefix, suffix);
            Files.write(p, content);
            p.toFile().deleteOnExit();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
