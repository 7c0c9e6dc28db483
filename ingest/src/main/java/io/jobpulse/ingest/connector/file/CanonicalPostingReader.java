package io.jobpulse.ingest.connector.file;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jobpulse.ingest.connector.FetchOutcome;
import io.jobpulse.ingest.connector.ItemSink;
import io.jobpulse.ingest.connector.JsonDocuments;
import io.jobpulse.ingest.connector.PostingDraft;
import io.jobpulse.ingest.connector.PostingDraft.LocationDraft;
import io.jobpulse.ingest.connector.PostingDraft.SalaryDraft;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.jobpulse.ingest.connector.JsonDocuments.array;
import static io.jobpulse.ingest.connector.JsonDocuments.bool;
import static io.jobpulse.ingest.connector.JsonDocuments.number;
import static io.jobpulse.ingest.connector.JsonDocuments.text;
import static io.jobpulse.ingest.connector.JsonDocuments.texts;

/**
 * Reads the canonical posting shape. JSON Lines: one object per line with the contract's field names
 * ({@code source_id}, {@code title}, {@code company}, {@code description_html} or {@code description_text},
 * {@code url}, {@code apply_url}, {@code posted_at}, {@code updated_at}, {@code location_raw}, {@code locations[]},
 * {@code remote}, {@code workplace_type}, {@code employment_type}, {@code department}, {@code salary{}},
 * {@code tags[]}, {@code language}, {@code attributes{}}). CSV: a header row of the flat names (the same, with
 * {@code city}, {@code region}, {@code country}, {@code salary_min}, {@code salary_max}, {@code salary_currency},
 * {@code salary_period}, {@code salary_raw}; {@code tags} and {@code locations} separated by ';'); other columns
 * become attributes. Lines or records that are not valid are rejected one by one; the rest of the file goes on.
 */
final class CanonicalPostingReader {

    private static final Pattern ID_IN_RAW = Pattern.compile("\"(?:source_id|id)\"\\s*:\\s*\"?([^\",}]+)");
    private static final Set<String> CSV_KNOWN = Set.of("source_id", "id", "title", "company", "description_html",
            "description_text", "description", "url", "apply_url", "posted_at", "updated_at", "location_raw", "location",
            "locations", "city", "region", "country", "remote", "workplace_type", "employment_type", "department",
            "salary_min", "salary_max", "salary_currency", "salary_period", "salary_raw", "tags", "language", "board");

    private final String board;
    private final ItemSink sink;

    CanonicalPostingReader(String board, ItemSink sink) {
        this.board = board;
        this.sink = sink;
    }

    FetchOutcome readJsonLines(InputStream in) throws IOException {
        LineReader lines = new LineReader(in);
        byte[] line;
        int lineNo = 0;
        while ((line = lines.next()) != null) {
            lineNo++;
            int len = lines.length();
            if (isBlank(line, len)) {
                continue;
            }
            byte[] copy = Arrays.copyOf(line, len);
            JsonNode node;
            try {
                node = JsonDocuments.MAPPER.readTree(copy);
            } catch (JsonParseException e) {
                String raw = new String(copy, StandardCharsets.UTF_8);
                String reason = e.getOriginalMessage().contains("UTF-8") ? "invalid UTF-8" : "malformed JSON";
                sink.rejected(idIn(raw), reason + " on line " + lineNo + ": " + e.getOriginalMessage(), raw);
                continue;
            } catch (JsonProcessingException e) {
                String raw = new String(copy, StandardCharsets.UTF_8);
                sink.rejected(idIn(raw), "malformed JSON on line " + lineNo + ": " + e.getOriginalMessage(), raw);
                continue;
            }
            if (!node.isObject()) {
                sink.rejected(null, "line " + lineNo + " is not a JSON object", new String(copy, StandardCharsets.UTF_8));
                continue;
            }
            mapJson(node, lineNo, copy);
        }
        return FetchOutcome.complete();
    }

    private void mapJson(JsonNode n, int lineNo, byte[] raw) {
        String id = text(n, "source_id");
        if (id == null) {
            id = text(n, "id");
        }
        if (id == null) {
            sink.rejected(null, "line " + lineNo + " has no source_id", new String(raw, StandardCharsets.UTF_8));
            return;
        }
        PostingDraft.Builder b = PostingDraft.builder(board + ":" + id).board(board)
                .rawPayload(() -> new String(raw, StandardCharsets.UTF_8));
        b.title(text(n, "title")).company(text(n, "company"))
                .descriptionHtml(text(n, "description_html")).descriptionText(text(n, "description_text"))
                .url(text(n, "url")).applyUrl(text(n, "apply_url"))
                .postedAt(text(n, "posted_at")).updatedAt(text(n, "updated_at"))
                .locationRaw(text(n, "location_raw")).remote(bool(n, "remote"))
                .workplaceType(text(n, "workplace_type")).employmentType(text(n, "employment_type"))
                .department(text(n, "department")).language(text(n, "language"));
        for (JsonNode l : array(n, "locations")) {
            if (l.isTextual()) {
                b.location(LocationDraft.of(l.asText()));
            } else {
                b.location(new LocationDraft(text(l, "raw"), text(l, "city"), text(l, "region"), text(l, "country"),
                        bool(l, "remote")));
            }
        }
        JsonNode salary = n.get("salary");
        if (salary != null && salary.isObject()) {
            b.salary(new SalaryDraft(number(salary, "min"), number(salary, "max"), text(salary, "currency"),
                    text(salary, "period"), text(salary, "raw")));
        }
        texts(n, "tags", null).forEach(b::tag);
        JsonNode attributes = n.get("attributes");
        if (attributes != null && attributes.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = attributes.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isNull()) {
                    b.attribute(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
                }
            }
        }
        sink.parsed(b.build());
    }

    FetchOutcome readCsv(InputStream in) throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        CsvRecords csv = new CsvRecords(reader);
        List<String> header = csv.next();
        if (header == null) {
            return FetchOutcome.complete();
        }
        if (!header.isEmpty() && header.getFirst().startsWith("\uFEFF")) {
            header.set(0, header.getFirst().substring(1));
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip().toLowerCase(java.util.Locale.ROOT), i);
        }
        if (!columns.containsKey("source_id") && !columns.containsKey("id")) {
            sink.rejected(null, "CSV header has no source_id column", String.join(",", header));
            return FetchOutcome.partial("CSV header has no source_id column");
        }
        List<String> record;
        int recordNo = 0;
        while ((record = csv.next()) != null) {
            recordNo++;
            if (record.size() == 1 && record.getFirst().isBlank()) {
                continue;
            }
            List<String> r = record;
            String raw = csvLine(r);
            Map<String, String> row = new HashMap<>();
            for (Map.Entry<String, Integer> c : columns.entrySet()) {
                if (c.getValue() < r.size() && !r.get(c.getValue()).isEmpty()) {
                    row.put(c.getKey(), r.get(c.getValue()));
                }
            }
            String id = row.getOrDefault("source_id", row.get("id"));
            if (id == null || id.isBlank()) {
                sink.rejected(null, "CSV record " + recordNo + " has no source_id", raw);
                continue;
            }
            if (r.size() != header.size()) {
                sink.rejected(id, "CSV record " + recordNo + " has " + r.size() + " fields, header has " + header.size(), raw);
                continue;
            }
            if (raw.indexOf('\uFFFD') >= 0) {
                sink.rejected(id, "invalid UTF-8 in CSV record " + recordNo, raw);
                continue;
            }
            PostingDraft.Builder b = PostingDraft.builder(board + ":" + id.strip()).board(board).rawPayload(() -> raw);
            b.title(row.get("title")).company(row.get("company"))
                    .descriptionHtml(row.get("description_html"))
                    .descriptionText(row.getOrDefault("description_text", row.get("description")))
                    .url(row.get("url")).applyUrl(row.get("apply_url"))
                    .postedAt(row.get("posted_at")).updatedAt(row.get("updated_at"))
                    .workplaceType(row.get("workplace_type")).employmentType(row.get("employment_type"))
                    .department(row.get("department")).language(row.get("language"));
            String remote = row.get("remote");
            if (remote != null) {
                b.remote(remote.equalsIgnoreCase("true") || remote.equals("1") || remote.equalsIgnoreCase("yes"));
            }
            String locationRaw = row.getOrDefault("location_raw", row.get("location"));
            b.locationRaw(locationRaw);
            if (row.containsKey("city") || row.containsKey("region") || row.containsKey("country")) {
                b.location(new LocationDraft(locationRaw != null ? locationRaw
                        : String.join(", ", java.util.stream.Stream.of(row.get("city"), row.get("region"), row.get("country"))
                        .filter(java.util.Objects::nonNull).toList()),
                        row.get("city"), row.get("region"), row.get("country"), null));
            }
            if (row.containsKey("locations")) {
                for (String l : row.get("locations").split(";")) {
                    b.location(LocationDraft.of(l.strip()));
                }
            }
            if (row.containsKey("salary_min") || row.containsKey("salary_max") || row.containsKey("salary_raw")) {
                b.salary(new SalaryDraft(parse(row.get("salary_min")), parse(row.get("salary_max")),
                        row.get("salary_currency"), row.get("salary_period"), row.get("salary_raw")));
            }
            if (row.containsKey("tags")) {
                for (String t : row.get("tags").split(";")) {
                    b.tag(t);
                }
            }
            for (Map.Entry<String, String> e : row.entrySet()) {
                if (!CSV_KNOWN.contains(e.getKey())) {
                    b.attribute(e.getKey(), e.getValue());
                }
            }
            sink.parsed(b.build());
        }
        return FetchOutcome.complete();
    }

    private static Double parse(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Double.parseDouble(s.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String csvLine(List<String> fields) {
        List<String> quoted = new ArrayList<>(fields.size());
        for (String f : fields) {
            quoted.add(f.contains(",") || f.contains("\"") || f.contains("\n") ? "\"" + f.replace("\"", "\"\"") + "\"" : f);
        }
        return String.join(",", quoted);
    }

    private static String idIn(String raw) {
        Matcher m = ID_IN_RAW.matcher(raw);
        return m.find() ? m.group(1).strip() : null;
    }

    private static boolean isBlank(byte[] line, int len) {
        for (int i = 0; i < len; i++) {
            if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Splits a byte stream on '\n' without decoding, so each line's bytes go to the JSON parser as they are. */
    static final class LineReader {
        private final InputStream in;
        private byte[] buf = new byte[1 << 16];
        private int start;
        private int end;
        private byte[] line = new byte[1 << 14];
        private int length;
        private boolean eof;

        LineReader(InputStream in) {
            this.in = in;
        }

        /** The next line's bytes (valid up to {@link #length()}), or null at the end. */
        byte[] next() throws IOException {
            length = 0;
            while (true) {
                for (int i = start; i < end; i++) {
                    if (buf[i] == '\n') {
                        append(start, i - start);
                        start = i + 1;
                        return line;
                    }
                }
                append(start, end - start);
                start = 0;
                end = 0;
                if (eof) {
                    return length > 0 ? line : null;
                }
                int n = in.read(buf, 0, buf.length);
                if (n < 0) {
                    eof = true;
                } else {
                    end = n;
                }
            }
        }

        int length() {
            return length;
        }

        private void append(int from, int n) {
            if (n == 0) {
                return;
            }
            if (length + n > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
            }
            System.arraycopy(buf, from, line, length, n);
            length += n;
        }
    }
}
