package io.jobpulse.streams.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /health}: 200 while the instance is RUNNING or REBALANCING, else 503 (for liveness/readiness probes).
 * {@code GET /metrics}: the Kafka Streams client metrics in Prometheus text format (thread, task, store and client
 * metrics, e.g. {@code process-rate}, {@code commit-latency-avg}, {@code records-lag-max}).
 */
final class HealthEndpoint implements AutoCloseable {

    private final HttpServer server;

    HealthEndpoint(String host, int port, Supplier<KafkaStreams> streams) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/health", ex -> {
            KafkaStreams s = streams.get();
            KafkaStreams.State state = s == null ? KafkaStreams.State.CREATED : s.state();
            boolean up = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
            respond(ex, up ? 200 : 503, "text/plain", state.name() + "\n");
        });
        server.createContext("/metrics", ex -> {
            KafkaStreams s = streams.get();
            respond(ex, 200, "text/plain; version=0.0.4", s == null ? "" : prometheus(s.metrics()));
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    static String prometheus(Map<MetricName, ? extends Metric> metrics) {
        StringBuilder out = new StringBuilder();
        for (var e : metrics.entrySet()) {
            if (!(e.getValue().metricValue() instanceof Number n) || Double.isNaN(n.doubleValue())) {
                continue;
            }
            MetricName m = e.getKey();
            out.append("kafka_streams_").append(sanitize(m.group())).append('_').append(sanitize(m.name()));
            if (!m.tags().isEmpty()) {
                out.append('{');
                boolean first = true;
                for (var t : m.tags().entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    out.append(sanitize(t.getKey())).append("=\"").append(t.getValue().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
                }
                out.append('}');
            }
            out.append(' ').append(n.doubleValue()).append('\n');
        }
        return out.toString();
    }

    private static String sanitize(String s) {
        return s.replaceAll("[^a-zA-Z0-9_]", "_");
    }

    private static void respond(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
