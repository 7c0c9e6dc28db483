package io.jobpulse.ingest.connector.file;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobpulse.ingest.connector.FetchedItem;
import io.jobpulse.ingest.connector.PostingDraft;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON Lines read straight from the parser give the same drafts and the same rejections (id, reason, raw line) as
 * the tree path, line for line, on good lines and on every kind of bad one.
 */
class StreamedJsonLinesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static List<FetchedItem> read(byte[] file, boolean streaming) throws IOException {
        List<FetchedItem> items = new ArrayList<>();
        new CanonicalPostingReader("board", items::add, streaming).readJsonLines(new ByteArrayInputStream(file));
        return items;
    }

    private static int linesStreamed(byte[] file) throws IOException {
        CanonicalPostingReader reader = new CanonicalPostingReader("board", item -> { }, true);
        reader.readJsonLines(new ByteArrayInputStream(file));
        return reader.linesStreamed();
    }

    /** Every component of the draft, with the raw payload's text instead of its supplier. */
    private static List<Object> components(PostingDraft d) throws ReflectiveOperationException {
        List<Object> out = new ArrayList<>();
        for (RecordComponent c : PostingDraft.class.getRecordComponents()) {
            Object v = c.getAccessor().invoke(d);
            out.add(c.getName().equals("rawPayload") ? d.rawPayload().get() : v);
        }
        return out;
    }

    private static void assertSameItems(byte[] file) throws Exception {
        List<FetchedItem> tree = read(file, false);
        List<FetchedItem> streamed = read(file, true);
        assertThat(streamed).hasSameSizeAs(tree);
        for (int i = 0; i < tree.size(); i++) {
            FetchedItem expected = tree.get(i);
            FetchedItem actual = streamed.get(i);
            assertThat(actual.getClass()).as("item %d", i).isEqualTo(expected.getClass());
            if (expected instanceof FetchedItem.Parsed(PostingDraft e) && actual instanceof FetchedItem.Parsed(PostingDraft a)) {
                assertThat(components(a)).as("draft %d", i).isEqualTo(components(e));
            } else if (expected instanceof FetchedItem.Rejected e && actual instanceof FetchedItem.Rejected a) {
                assertThat(a.sourceId()).as("rejected id %d", i).isEqualTo(e.sourceId());
                assertThat(a.reason()).as("reason %d", i).isEqualTo(e.reason());
                assertThat(a.rawPayload().get()).as("raw %d", i).isEqualTo(e.rawPayload().get());
            }
        }
    }

    private static final String GOOD = """
            {"source_id": "p1", "title": "Kotlin Developer", "company": "Fjord AS", "description_html": "<p>Kotlin &amp; Ktor \\u00e9 \\ud83d\\ude80</p>", "url": "https://fjord.example/jobs/p1", "apply_url": "https://fjord.example/jobs/p1/apply", "posted_at": "2026-01-02T10:00:00Z", "updated_at": null, "location_raw": "Oslo, Norway", "locations": [{"raw": "Oslo, Norway", "city": "Oslo", "region": null, "country": "NO", "remote": false}], "remote": false, "workplace_type": "onsite", "employment_type": "full_time", "department": "Engineering", "salary": {"min": 700000, "max": 900000, "currency": "NOK", "period": "year", "raw": "NOK 700–900k"}, "tags": ["kotlin"], "language": "en", "attributes": {"requisition_id": "R-1"}}""";

    /** Lines that differ from GOOD in one way each: types, repeats, nesting, malformed JSON. */
    private static final List<String> VARIANTS = List.of(
            "{\"source_id\": 123, \"title\": \"Numeric id\", \"description_text\": \"x\"}",
            "{\"id\": \"alt-id\", \"title\": \"Id field\", \"description_text\": \"x\"}",
            "{\"source_id\": \"  \", \"id\": 77, \"title\": \"Blank source id\", \"description_text\": \"x\"}",
            "{\"source_id\": {\"a\": 1}, \"title\": \"Object id\"}",
            "{\"title\": \"no id\", \"description_text\": \"x\"}",
            "{\"source_id\": \"bl\", \"title\": \"  \", \"company\": \"\", \"url\": \"\\t\", \"locations\": [{\"raw\": \" \", \"city\": \"\"}], \"salary\": {\"currency\": \" \"}}",
            "{\"source_id\": \"t1\", \"title\": null, \"company\": {\"name\": \"Obj\"}, \"department\": [\"a\"], \"description_text\": \"x\"}",
            "{\"source_id\": \"t2\", \"title\": 5, \"description_text\": \"x\"}",
            "{\"source_id\": \"t3\", \"title\": true, \"description_text\": \"x\"}",
            "{\"source_id\": \"t4\", \"title\": 1.5e3, \"description_text\": \"x\"}",
            "{\"source_id\": \"r1\", \"title\": \"t\", \"remote\": \"TRUE\"}",
            "{\"source_id\": \"r2\", \"title\": \"t\", \"remote\": \"yes\"}",
            "{\"source_id\": \"r3\", \"title\": \"t\", \"remote\": 1}",
            "{\"source_id\": \"r4\", \"title\": \"t\", \"remote\": {\"x\": true}}",
            "{\"source_id\": \"l1\", \"title\": \"t\", \"locations\": [\"Berlin\", \"Berlin\", \" \", {\"raw\": \"Paris\", \"remote\": \"false\", \"extra\": [1, {\"a\": null}]}]}",
            "{\"source_id\": \"l2\", \"title\": \"t\", \"locations\": [{\"raw\": \"A\", \"raw\": \"B\"}]}",
            "{\"source_id\": \"l3\", \"title\": \"t\", \"locations\": [null, 5, [\"x\"], {\"city\": \"NoRaw\"}]}",
            "{\"source_id\": \"l4\", \"title\": \"t\", \"locations\": \"Berlin\"}",
            "{\"source_id\": \"l5\", \"title\": \"t\", \"locations\": {\"raw\": \"Obj\"}}",
            "{\"source_id\": \"l6\", \"title\": \"t\", \"locations\": [{\"raw\": 12, \"city\": \"Num\"}]}",
            "{\"source_id\": \"s1\", \"title\": \"t\", \"salary\": {\"min\": \"70,000\", \"max\": 9e4, \"currency\": \"EUR\"}}",
            "{\"source_id\": \"s2\", \"title\": \"t\", \"salary\": {\"min\": \"abc\", \"max\": \"Infinity\", \"raw\": \"lots\"}}",
            "{\"source_id\": \"s3\", \"title\": \"t\", \"salary\": {\"min\": 1e400, \"max\": 123456789012345678901234567890}}",
            "{\"source_id\": \"s4\", \"title\": \"t\", \"salary\": \"100k\"}",
            "{\"source_id\": \"s5\", \"title\": \"t\", \"salary\": [1, 2]}",
            "{\"source_id\": \"s6\", \"title\": \"t\", \"salary\": {\"min\": 1, \"min\": 2}}",
            "{\"source_id\": \"s7\", \"title\": \"t\", \"salary\": {\"min\": true, \"max\": {\"v\": 1}, \"period\": 12}}",
            "{\"source_id\": \"g1\", \"title\": \"t\", \"tags\": [\"a\", \" \", \"a\", null, [\"x\"], {\"y\": 1}, \" b \"]}",
            "{\"source_id\": \"g2\", \"title\": \"t\", \"tags\": [\"a\", 5, true]}",
            "{\"source_id\": \"g3\", \"title\": \"t\", \"tags\": \"a;b\"}",
            "{\"source_id\": \"a1\", \"title\": \"t\", \"attributes\": {\"k\": \"v\", \"n\": null, \"o\": {\"a\": [1, 2.50, \"é\"]}, \"arr\": [1, \"x\"], \"blank\": \" \"}}",
            "{\"source_id\": \"a2\", \"title\": \"t\", \"attributes\": {\"num\": 5, \"b\": false}}",
            "{\"source_id\": \"a3\", \"title\": \"t\", \"attributes\": {\"dup\": \"1\", \"dup\": null}}",
            "{\"source_id\": \"a4\", \"title\": \"t\", \"attributes\": [\"x\"]}",
            "{\"source_id\": \"d1\", \"title\": \"first\", \"title\": \"second\"}",
            "{\"source_id\": \"u1\", \"title\": \"t\", \"unknown\": {\"deep\": [[{\"x\": \"y\"}]]}, \"n\": -0, \"f\": 1.0, \"z\": null}",
            "{\"source_id\": \"e1\", \"title\": \"t\"} trailing garbage",
            "{\"source_id\": \"e2\", \"title\": \"t\"}{\"source_id\": \"e3\"}",
            "[{\"source_id\": \"arr\"}]",
            "\"just a string\"",
            "42",
            "null",
            "{\"source_id\": \"m1\", \"title\": \"Broken",
            "{source_id: \"m2\"}",
            "{'source_id': 'm3'}",
            "{\"source_id\": \"m4\", \"title\": \"t\",}",
            "{\"source_id\": \"m5\", \"title\": \"tab\there\"}",
            "{\"source_id\": \"m6\", \"locations\": [{\"raw\": \"x\"}, }",
            "not json at all",
            "\f",
            "{}",
            "\uFEFF{\"source_id\": \"bom\", \"title\": \"t\"}");

    @Test
    void goodAndBadLinesGiveTheSameDraftsAndRejectionsAsTheTreePath() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes((GOOD + "\n").getBytes(StandardCharsets.UTF_8));
        for (String line : VARIANTS) {
            file.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        // invalid UTF-8: in a used field, in an unused one, in a field name, in a tag
        file.writeBytes("{\"source_id\":\"b1\",\"title\":\"Bad \u00ff bytes\",\"description_text\":\"x\"}\n".getBytes(StandardCharsets.ISO_8859_1));
        file.writeBytes("{\"source_id\":\"b2\",\"title\":\"t\",\"unused\":\"\u00e9\u00ff\"}\n".getBytes(StandardCharsets.ISO_8859_1));
        file.writeBytes("{\"source_id\":\"b3\",\"ti\u00fftle\":\"t\"}\n".getBytes(StandardCharsets.ISO_8859_1));
        file.writeBytes("{\"source_id\":\"b4\",\"title\":\"t\",\"tags\":[\"\u00ff\"]}\n".getBytes(StandardCharsets.ISO_8859_1));
        file.writeBytes(new byte[] {'{', '"', 's', 'o', 'u', 'r', 'c', 'e', '_', 'i', 'd', '"', ':', '"', (byte) 0xE2, (byte) 0x82, '"', '}', '\n'});
        // a 2 MB description
        file.writeBytes(("{\"source_id\":\"huge\",\"title\":\"t\",\"description_html\":\"<p>" + "x".repeat(2_000_000) + "</p>\"}\n")
                .getBytes(StandardCharsets.UTF_8));
        file.writeBytes(GOOD.getBytes(StandardCharsets.UTF_8)); // last line without '\n'

        List<FetchedItem> tree = read(file.toByteArray(), false);
        assertThat(tree).filteredOn(FetchedItem.Rejected.class::isInstance).hasSizeGreaterThan(15);
        assertThat(tree).filteredOn(FetchedItem.Parsed.class::isInstance).hasSizeGreaterThan(30);
        assertThat(linesStreamed(file.toByteArray())).as("lines mapped without the tree").isGreaterThan(25);
        assertSameItems(file.toByteArray());
    }

    @Test
    void benchmarkShapedLinesGiveTheSameDrafts() throws Exception {
        Random random = new Random(7);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        String[] cities = {"Berlin, Germany", "München, Deutschland", "東京", "Remote - EU"};
        for (int i = 0; i < 500; i++) {
            ObjectNode p = MAPPER.createObjectNode();
            p.put("source_id", "job-" + i);
            p.put("title", "Ingénieur logiciel Java " + i);
            p.put("company", "Lumière SAS");
            p.put("description_html", "<div><p>We are hiring &amp; growing – €" + random.nextInt(100) + "k</p></div>");
            p.put("url", "https://careers.example.org/jobs/" + i);
            p.put("posted_at", "2026-01-0" + (1 + random.nextInt(9)) + "T00:00:00Z");
            var locations = p.putArray("locations");
            for (int l = 0; l < 1 + random.nextInt(3); l++) {
                locations.addObject().put("raw", cities[random.nextInt(cities.length)]);
            }
            p.put("remote", random.nextBoolean());
            p.put("employment_type", random.nextInt(10) == 0 ? "Part-time" : "Full-time");
            var salary = p.putObject("salary");
            salary.put("min", 40_000 + random.nextInt(100) * 1000);
            salary.put("max", 140_000.5);
            salary.put("currency", "EUR");
            salary.put("period", "year");
            p.putArray("tags").add("Java").add("Kafka").add("Java");
            p.putObject("attributes").put("requisition_id", "REQ-" + i);
            file.writeBytes((MAPPER.writeValueAsString(p) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(read(file.toByteArray(), true)).hasSize(500).allMatch(FetchedItem.Parsed.class::isInstance);
        assertThat(linesStreamed(file.toByteArray())).isEqualTo(500);
        assertSameItems(file.toByteArray());
    }
}
