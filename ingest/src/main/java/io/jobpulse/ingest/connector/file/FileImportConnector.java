package io.jobpulse.ingest.connector.file;

import io.jobpulse.ingest.connector.ConnectorOption;
import io.jobpulse.ingest.connector.FetchContext;
import io.jobpulse.ingest.connector.FetchOutcome;
import io.jobpulse.ingest.connector.ItemSink;
import io.jobpulse.ingest.connector.JobBoardConnector;
import io.jobpulse.ingest.connector.SourceOptions;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import static io.jobpulse.ingest.connector.ConnectorOption.Type.STRING;

/**
 * Imports postings from a local file in the canonical shape (see ingest/README.md): JSON Lines (one object per
 * line, field names as in the JobPosting contract) or CSV (a header row of the same names). {@code .gz} files are
 * read compressed. The file is the whole source: postings missing from the next import of the same instance close.
 */
public final class FileImportConnector implements JobBoardConnector {

    @Override
    public String name() {
        return "file";
    }

    @Override
    public String description() {
        return "File import: JSON Lines or CSV in jobpulse's canonical posting shape (optionally .gz)";
    }

    @Override
    public String terms() {
        return "Your own data: no rate limits. Keep the original source's link-back and credit in url and attributes.";
    }

    @Override
    public List<ConnectorOption> options() {
        return List.of(
                ConnectorOption.required("path", STRING, "File to import (.jsonl, .ndjson, .csv, optionally .gz)"),
                ConnectorOption.optional("format", STRING, "auto", "jsonl, csv, or auto (by file extension)"),
                ConnectorOption.optional("board", STRING, null, "Prefix of source ids (default: the file name without extensions)"));
    }

    @Override
    public String defaultInstanceId(SourceOptions options) {
        return "file:" + board(options);
    }

    static String board(SourceOptions options) {
        if (options.has("board")) {
            return options.string("board");
        }
        String name = Path.of(options.string("path")).getFileName().toString();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    @Override
    public FetchOutcome fetch(FetchContext ctx, ItemSink sink) throws IOException {
        SourceOptions o = ctx.options();
        Path path = Path.of(o.string("path"));
        String lower = path.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean gzip = lower.endsWith(".gz");
        String format = o.string("format");
        if (format.equals("auto")) {
            String base = gzip ? lower.substring(0, lower.length() - 3) : lower;
            format = base.endsWith(".csv") ? "csv" : "jsonl";
        }
        String board = board(o);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
             InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw) {
            CanonicalPostingReader reader = new CanonicalPostingReader(board, sink);
            return switch (format) {
                case "csv" -> reader.readCsv(in);
                case "jsonl" -> reader.readJsonLines(in);
                default -> throw new IllegalArgumentException("format must be jsonl, csv or auto, not " + format);
            };
        }
    }
}
