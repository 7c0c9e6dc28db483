package io.jobpulse.ingest.connector.file;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
    private final boolean streaming;
    private int linesStreamed;

    CanonicalPostingReader(String board, ItemSink sink) {
        this(board, sink, true);
    }

    /**
     * @param streaming read JSON lines straight from the parser into the draft (lines it cannot map that way, and any
     *                  error, go through the tree path, which gives the same draft or rejection); false: tree only
     */
    CanonicalPostingReader(String board, ItemSink sink, boolean streaming) {
        this.board = board;
        this.sink = sink;
        this.streaming = streaming;
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
            if (streaming && mapStreamed(copy, lineNo)) {
                linesStreamed++;
                continue;
            }
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

    /** Lines mapped without the tree (for tests: the fast path must be the one taken). */
    int linesStreamed() {
        return linesStreamed;
    }

    /**
     * The fields of one line as the tree path reads them ({@link JsonDocuments#text} and friends), straight from the
     * parser: no tree of the whole line, whose nodes were most of the source thread's allocation. Whatever would need
     * the tree's conversions (numbers or booleans where text is read, a field given twice, a root that is not an
     * object) or fails to parse returns false, and the caller maps the line through the tree instead, so drafts and
     * rejections are the same either way ({@code FileImportConnectorTest} compares both on good and bad lines).
     */
    private boolean mapStreamed(byte[] raw, int lineNo) {
        StreamedLine line = new StreamedLine();
        try (JsonParser p = JsonDocuments.MAPPER.getFactory().createParser(raw)) {
            if (p.nextToken() != JsonToken.START_OBJECT || !line.readRoot(p)) {
                return false;
            }
        } catch (IOException | RuntimeException e) {
            return false; // the tree path reports it, with its own message
        }
        String id = line.text[F_SOURCE_ID] != null ? line.text[F_SOURCE_ID] : line.text[F_ID];
        if (id == null) {
            sink.rejected(null, "line " + lineNo + " has no source_id", new String(raw, StandardCharsets.UTF_8));
            return true;
        }
        String[] t = line.text;
        PostingDraft.Builder b = PostingDraft.builder(board + ":" + id).board(board)
                .rawPayload(() -> new String(raw, StandardCharsets.UTF_8));
        b.title(t[F_TITLE]).company(t[F_COMPANY])
                .descriptionHtml(t[F_DESCRIPTION_HTML]).descriptionText(t[F_DESCRIPTION_TEXT])
                .url(t[F_URL]).applyUrl(t[F_APPLY_URL])
                .postedAt(t[F_POSTED_AT]).updatedAt(t[F_UPDATED_AT])
                .locationRaw(t[F_LOCATION_RAW]).remote(line.remote)
                .workplaceType(t[F_WORKPLACE_TYPE]).employmentType(t[F_EMPLOYMENT_TYPE])
                .department(t[F_DEPARTMENT]).language(t[F_LANGUAGE]);
        line.locations.forEach(b::location);
        if (line.salary != null) {
            b.salary(line.salary);
        }
        line.tags.forEach(b::tag);
        line.attributes.forEach(b::attribute);
        sink.parsed(b.build());
        return true;
    }

    // Text fields of the canonical shape, by position in StreamedLine.text; the rest have their own readers.
    private static final String[] TEXT_FIELDS = {"source_id", "id", "title", "company", "description_html",
            "description_text", "url", "apply_url", "posted_at", "updated_at", "location_raw", "workplace_type",
            "employment_type", "department", "language"};
    private static final int F_SOURCE_ID = 0;
    private static final int F_ID = 1;
    private static final int F_TITLE = 2;
    private static final int F_COMPANY = 3;
    private static final int F_DESCRIPTION_HTML = 4;
    private static final int F_DESCRIPTION_TEXT = 5;
    private static final int F_URL = 6;
    private static final int F_APPLY_URL = 7;
    private static final int F_POSTED_AT = 8;
    private static final int F_UPDATED_AT = 9;
    private static final int F_LOCATION_RAW = 10;
    private static final int F_WORKPLACE_TYPE = 11;
    private static final int F_EMPLOYMENT_TYPE = 12;
    private static final int F_DEPARTMENT = 13;
    private static final int F_LANGUAGE = 14;
    private static final Map<String, Integer> TEXT_FIELD_INDEX = new HashMap<>();

    static {
        for (int i = 0; i < TEXT_FIELDS.length; i++) {
            TEXT_FIELD_INDEX.put(TEXT_FIELDS[i], i);
        }
    }

    /** One line's fields while its parser is read; each read method returns false when the tree path is needed. */
    private static final class StreamedLine {
        final String[] text = new String[TEXT_FIELDS.length];
        Boolean remote;
        final List<LocationDraft> locations = new ArrayList<>(3);
        SalaryDraft salary;
        final List<String> tags = new ArrayList<>();
        final Map<String, String> attributes = new java.util.LinkedHashMap<>();
        /** Bits of the fields read so far: TEXT_FIELDS by index, then the others (a repeat goes to the tree). */
        private long seen;

        /** What {@link #firstSighting} returns for a field seen before. */
        private static final long REPEATED = -1;

        /**
         * The set of fields seen (one bit each, below 63) with {@code bit} added, or {@link #REPEATED} if it was
         * already there; a negative {@code bit} is a field not read, whose repeats do not matter.
         */
        private static long firstSighting(long seen, int bit) {
            if (bit < 0) {
                return seen;
            }
            long mask = 1L << bit;
            return (seen & mask) != 0 ? REPEATED : seen | mask;
        }

        boolean readRoot(JsonParser p) throws IOException {
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                Integer textField = TEXT_FIELD_INDEX.get(field);
                int bit = textField != null ? textField : switch (field) {
                    case "remote" -> TEXT_FIELDS.length;
                    case "locations" -> TEXT_FIELDS.length + 1;
                    case "salary" -> TEXT_FIELDS.length + 2;
                    case "tags" -> TEXT_FIELDS.length + 3;
                    case "attributes" -> TEXT_FIELDS.length + 4;
                    default -> -1; // not read, so a repeat does not matter
                };
                seen = firstSighting(seen, bit);
                if (seen == REPEATED) {
                    return false; // the tree keeps the last of a repeated field; let it decide
                }
                boolean ok;
                if (textField != null) {
                    ok = readText(p, v, text, textField);
                } else {
                    ok = switch (field) {
                        case "remote" -> readRemote(p, v);
                        case "locations" -> readLocations(p, v);
                        case "salary" -> readSalary(p, v);
                        case "tags" -> readTags(p, v);
                        case "attributes" -> readAttributes(p, v);
                        default -> consume(p, v);
                    };
                }
                if (!ok) {
                    return false;
                }
            }
            return t == JsonToken.END_OBJECT;
        }

        /** {@link JsonDocuments#text}: a string (null when blank), null for null or a container; other scalars: tree. */
        private static boolean readText(JsonParser p, JsonToken v, String[] into, int at) throws IOException {
            if (v == JsonToken.VALUE_STRING) {
                String s = p.getText();
                into[at] = s.isBlank() ? null : s;
                return true;
            }
            into[at] = null;
            return v == JsonToken.VALUE_NULL || v.isStructStart() && consume(p, v);
        }

        /** {@link JsonDocuments#bool}. */
        private static Boolean bool(JsonParser p, JsonToken v) throws IOException {
            if (v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE) {
                return v == JsonToken.VALUE_TRUE;
            }
            if (v == JsonToken.VALUE_STRING) {
                String s = p.getText();
                return s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false") ? Boolean.parseBoolean(s) : null;
            }
            if (v.isStructStart()) {
                consume(p, v);
            }
            return null;
        }

        private boolean readRemote(JsonParser p, JsonToken v) throws IOException {
            remote = bool(p, v);
            return true;
        }

        /** {@link JsonDocuments#number}. */
        private static Double number(JsonParser p, JsonToken v) throws IOException {
            if (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT) {
                return p.getDoubleValue();
            }
            if (v == JsonToken.VALUE_STRING) {
                try {
                    double d = Double.parseDouble(p.getText().strip().replace(",", ""));
                    return Double.isFinite(d) ? d : null;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            if (v.isStructStart()) {
                consume(p, v);
            }
            return null;
        }

        private boolean readLocations(JsonParser p, JsonToken v) throws IOException {
            if (v != JsonToken.START_ARRAY) {
                return consume(p, v);
            }
            JsonToken e;
            while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                if (e == JsonToken.VALUE_STRING) {
                    locations.add(LocationDraft.of(p.getText()));
                } else if (e == JsonToken.START_OBJECT) {
                    String[] parts = new String[4]; // raw, city, region, country
                    Boolean locationRemote = null;
                    long fields = 0;
                    JsonToken f;
                    while ((f = p.nextToken()) == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        JsonToken fv = p.nextToken();
                        int at = switch (name) {
                            case "raw" -> 0;
                            case "city" -> 1;
                            case "region" -> 2;
                            case "country" -> 3;
                            case "remote" -> 4;
                            default -> -1;
                        };
                        fields = firstSighting(fields, at);
                        if (fields == REPEATED) {
                            return false;
                        }
                        if (at >= 0 && at < 4) {
                            if (!readText(p, fv, parts, at)) {
                                return false;
                            }
                        } else if (name.equals("remote")) {
                            locationRemote = bool(p, fv);
                        } else if (!consume(p, fv)) {
                            return false;
                        }
                    }
                    if (f != JsonToken.END_OBJECT) {
                        return false;
                    }
                    locations.add(new LocationDraft(parts[0], parts[1], parts[2], parts[3], locationRemote));
                } else {
                    return false; // numbers, nulls, nested arrays: as the tree reads them
                }
            }
            return true;
        }

        private boolean readSalary(JsonParser p, JsonToken v) throws IOException {
            if (v != JsonToken.START_OBJECT) {
                return consume(p, v);
            }
            Double min = null;
            Double max = null;
            String[] parts = new String[3]; // currency, period, raw
            long fields = 0;
            JsonToken f;
            while ((f = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken fv = p.nextToken();
                int bit = switch (name) {
                    case "min" -> 0;
                    case "max" -> 1;
                    case "currency" -> 2;
                    case "period" -> 3;
                    case "raw" -> 4;
                    default -> -1;
                };
                fields = firstSighting(fields, bit);
                if (fields == REPEATED) {
                    return false;
                }
                switch (name) {
                    case "min" -> min = number(p, fv);
                    case "max" -> max = number(p, fv);
                    case "currency", "period", "raw" -> {
                        if (!readText(p, fv, parts, name.equals("currency") ? 0 : name.equals("period") ? 1 : 2)) {
                            return false;
                        }
                    }
                    default -> {
                        if (!consume(p, fv)) {
                            return false;
                        }
                    }
                }
            }
            salary = new SalaryDraft(min, max, parts[0], parts[1], parts[2]);
            return f == JsonToken.END_OBJECT;
        }

        /** {@link JsonDocuments#texts} without an object field: non-blank strings; other scalars go to the tree. */
        private boolean readTags(JsonParser p, JsonToken v) throws IOException {
            if (v != JsonToken.START_ARRAY) {
                return consume(p, v);
            }
            JsonToken e;
            while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                if (e == JsonToken.VALUE_STRING) {
                    String s = p.getText();
                    if (!s.isBlank()) {
                        tags.add(s);
                    }
                } else if (e.isStructStart()) {
                    consume(p, e);
                } else if (e != JsonToken.VALUE_NULL) {
                    return false;
                }
            }
            return true;
        }

        /** Strings as they are, objects and arrays as their JSON; null skipped; other scalars go to the tree. */
        private boolean readAttributes(JsonParser p, JsonToken v) throws IOException {
            if (v != JsonToken.START_OBJECT) {
                return consume(p, v);
            }
            Set<String> nullKeys = null;
            JsonToken f;
            while ((f = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                if (attributes.containsKey(key) || nullKeys != null && nullKeys.contains(key)) {
                    return false;
                }
                if (value == JsonToken.VALUE_NULL) {
                    if (nullKeys == null) {
                        nullKeys = new java.util.HashSet<>();
                    }
                    nullKeys.add(key);
                }
                if (value == JsonToken.VALUE_STRING) {
                    attributes.put(key, p.getText());
                } else if (value.isStructStart()) {
                    attributes.put(key, JsonDocuments.MAPPER.readTree(p).toString());
                } else if (value != JsonToken.VALUE_NULL) {
                    return false;
                }
            }
            return f == JsonToken.END_OBJECT;
        }

        /**
         * Reads past a value this reader does not use, decoding it as the tree would (so a line the tree rejects, for
         * invalid UTF-8 inside an unused string, say, fails here too and goes to the tree path).
         */
        private static boolean consume(JsonParser p, JsonToken v) throws IOException {
            if (v == JsonToken.VALUE_STRING) {
                p.getText();
            } else if (v.isStructStart()) {
                JsonDocuments.MAPPER.readTree(p);
            } else if (v == null || v.isStructEnd()) {
                return false;
            }
            return true;
        }
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
