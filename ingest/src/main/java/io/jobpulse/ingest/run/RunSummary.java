package io.jobpulse.ingest.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One run's outcome: a summary per source and totals, printed for humans and written as JSON. */
public record RunSummary(String runId, Instant startedAt, Instant finishedAt, List<SourceSummary> sources) {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public RunSummary {
        sources = List.copyOf(sources);
    }

    public SourceSummary totals() {
        int f = 0, n = 0, c = 0, u = 0, cl = 0, r = 0, e = 0;
        for (SourceSummary s : sources) {
            f += s.fetched();
            n += s.created();
            c += s.changed();
            u += s.unchanged();
            cl += s.closed();
            r += s.rejected();
            e += s.errors();
        }
        boolean anyFailed = sources.stream().anyMatch(SourceSummary::failed);
        return new SourceSummary("total", "", anyFailed ? SourceSummary.Status.FAILED : SourceSummary.Status.COMPLETE,
                f, n, c, u, cl, r, e, Duration.between(startedAt, finishedAt).toMillis(), "");
    }

    public boolean anyFailed() {
        return sources.stream().anyMatch(SourceSummary::failed);
    }

    public String toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("run_id", runId);
        root.put("started_at", startedAt.toString());
        root.put("finished_at", finishedAt.toString());
        ArrayNode arr = root.putArray("sources");
        sources.forEach(s -> arr.add(node(s)));
        root.set("totals", node(totals()));
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode node(SourceSummary s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("source", s.source());
        n.put("connector", s.connector());
        n.put("status", s.status().name().toLowerCase(java.util.Locale.ROOT));
        n.put("fetched", s.fetched());
        n.put("new", s.created());
        n.put("changed", s.changed());
        n.put("unchanged", s.unchanged());
        n.put("closed", s.closed());
        n.put("rejected", s.rejected());
        n.put("errors", s.errors());
        n.put("duration_ms", s.durationMs());
        if (s.message() != null && !s.message().isEmpty()) {
            n.put("message", s.message());
        }
        return n;
    }

    /** A fixed-width table, one line per source and a total line, then each non-empty message. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        String fmt = "%-36s %-12s %8s %7s %8s %10s %7s %9s %7s %9s%n";
        sb.append(String.format(fmt, "SOURCE", "STATUS", "FETCHED", "NEW", "CHANGED", "UNCHANGED", "CLOSED", "REJECTED",
                "ERRORS", "DURATION"));
        for (SourceSummary s : sources) {
            sb.append(row(fmt, s));
        }
        sb.append(row(fmt, totals()));
        for (SourceSummary s : sources) {
            if (s.message() != null && !s.message().isEmpty()) {
                sb.append("  ").append(s.source()).append(": ").append(s.message()).append(System.lineSeparator());
            }
        }
        sb.append("run ").append(runId).append(System.lineSeparator());
        return sb.toString();
    }

    private static String row(String fmt, SourceSummary s) {
        String name = s.source().length() > 36 ? s.source().substring(0, 35) + "…" : s.source();
        return String.format(fmt, name, s.status().name().toLowerCase(java.util.Locale.ROOT), s.fetched(), s.created(),
                s.changed(), s.unchanged(), s.closed(), s.rejected(), s.errors(),
                String.format("%.1fs", s.durationMs() / 1000.0));
    }
}
