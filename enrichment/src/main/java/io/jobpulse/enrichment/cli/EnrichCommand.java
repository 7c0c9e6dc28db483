package io.jobpulse.enrichment.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobpulse.enrichment.EnrichmentJson;
import io.jobpulse.enrichment.PostingEnricher;
import io.jobpulse.enrichment.PostingText;
import io.jobpulse.enrichment.StructuredHints;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jobpulse enrich}: JSON Lines in, JSON Lines out, one output line per input line in the same order.
 *
 * <p>Input lines carry {@code id}, optional {@code title}, {@code description} (text or HTML) and optional
 * {@code location}; other fields are ignored. A line that is not a JSON object or lacks {@code id} yields
 * {@code {"line": N, "error": "..."}} (with {@code id} when known) and the run goes on. Exit code 0 when every line
 * was enriched, 1 when any was rejected. Progress goes to stderr every 10,000 lines.
 */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = "Extract technologies, seniority, roles, work mode, locations and salary from postings (JSON Lines).")
public final class EnrichCommand implements Callable<Integer> {

    static final int PROGRESS_EVERY = 10_000;

    @Option(names = "--input", description = "JSON Lines file of postings (default: stdin).")
    Path input;

    @Option(names = "--output", description = "JSON Lines file to write (default: stdout).")
    Path output;

    private final PostingEnricher enricher;
    private InputStream stdin = System.in;
    private OutputStream stdout = System.out;
    private PrintStream stderr = System.err;

    public EnrichCommand() {
        this(null);
    }

    /** With a shared enricher (tests, the launcher); null builds one on first use. */
    public EnrichCommand(PostingEnricher enricher) {
        this.enricher = enricher;
    }

    /** Redirects the standard streams (tests). */
    public EnrichCommand withStreams(InputStream in, OutputStream out, PrintStream err) {
        this.stdin = in;
        this.stdout = out;
        this.stderr = err;
        return this;
    }

    @Override
    public Integer call() throws IOException {
        PostingEnricher e = enricher != null ? enricher : PostingEnricher.create();
        ObjectMapper mapper = new ObjectMapper();
        long rejected = 0;
        long lineNo = 0;
        long started = System.nanoTime();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(input == null ? stdin : Files.newInputStream(input), StandardCharsets.UTF_8));
             Writer out = new BufferedWriter(new OutputStreamWriter(output == null ? nonClosing(stdout) : Files.newOutputStream(output), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                Outcome o = process(e, mapper, line, lineNo);
                switch (o) {
                    case Outcome.Enriched ok -> out.write(ok.json());
                    case Outcome.Rejected bad -> {
                        rejected++;
                        out.write(bad.json());
                    }
                }
                out.write('\n');
                if (lineNo % PROGRESS_EVERY == 0) {
                    double secs = (System.nanoTime() - started) / 1e9;
                    stderr.printf("enrich: %,d lines, %,d rejected, %.0f lines/s%n", lineNo, rejected, lineNo / Math.max(secs, 1e-9));
                }
            }
        }
        if (rejected > 0 || lineNo >= PROGRESS_EVERY) {
            stderr.printf("enrich: done, %,d lines, %,d rejected%n", lineNo, rejected);
        }
        return rejected == 0 ? 0 : 1;
    }

    /** What became of one input line. */
    sealed interface Outcome {
        String json();

        record Enriched(String json) implements Outcome {}

        record Rejected(String json) implements Outcome {}
    }

    static Outcome process(PostingEnricher e, ObjectMapper mapper, String line, long lineNo) {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JsonProcessingException ex) {
            return reject(mapper, lineNo, null, "not valid JSON: " + ex.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return reject(mapper, lineNo, null, "not a JSON object");
        }
        JsonNode idNode = node.get("id");
        if (idNode == null || idNode.isNull() || idNode.isContainerNode() || idNode.asText().isEmpty()) {
            return reject(mapper, lineNo, null, "missing id");
        }
        String id = idNode.asText();
        try {
            PostingText posting = new PostingText(text(node, "title"), text(node, "description"), text(node, "location"), StructuredHints.NONE);
            ObjectNode json = EnrichmentJson.toJson(id, e.enrich(posting), e.rates());
            return new Outcome.Enriched(mapper.writeValueAsString(json));
        } catch (RuntimeException | JsonProcessingException ex) {
            return reject(mapper, lineNo, id, "enrichment failed: " + ex);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.isTextual() ? v.asText() : v.toString();
    }

    private static Outcome reject(ObjectMapper mapper, long lineNo, String id, String reason) {
        ObjectNode o = mapper.createObjectNode();
        o.put("line", lineNo);
        if (id != null) {
            o.put("id", id);
        }
        o.put("error", reason);
        return new Outcome.Rejected(o.toString());
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /** Runs the command on its own (the lead registers it under {@code ./jobpulse}). */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new EnrichCommand()).execute(args));
    }
}
