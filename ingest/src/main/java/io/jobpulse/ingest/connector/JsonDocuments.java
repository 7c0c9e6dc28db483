package io.jobpulse.ingest.connector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jobpulse.ingest.http.FetchedResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lenient reading of board JSON: a field of the wrong type reads as absent instead of failing the item, numbers and
 * strings are interchangeable where a source is inconsistent, and a malformed document becomes one rejection.
 */
public final class JsonDocuments {

    public static final ObjectMapper MAPPER = JsonMapper.builder().build();

    static {
        // Descriptions can be large; the normalizer caps them with a clear reason, the parser should not fail first.
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(256 * 1024 * 1024).build());
    }

    private JsonDocuments() {
    }

    /** Parses a response body; on malformed JSON hands the body to the sink as a rejection and returns empty. */
    public static Optional<JsonNode> parse(FetchedResponse response, ItemSink sink) {
        String body = response.text();
        try {
            return Optional.of(MAPPER.readTree(body));
        } catch (JsonProcessingException e) {
            sink.rejected(null, "malformed JSON from " + response.uri() + ": " + e.getOriginalMessage(), body);
            return Optional.empty();
        }
    }

    /** A text or number field as text; null when missing, null, blank, or not a scalar. */
    public static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText();
        return s.isBlank() ? null : s;
    }

    public static String text(JsonNode node, String... path) {
        JsonNode cur = node;
        for (int i = 0; i < path.length - 1 && cur != null; i++) {
            cur = cur.get(path[i]);
        }
        return text(cur, path[path.length - 1]);
    }

    /** A number field (or a numeric string) as a double; null when absent or not numeric. */
    public static Double number(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            try {
                double d = Double.parseDouble(v.asText().strip().replace(",", ""));
                return Double.isFinite(d) ? d : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A boolean field, accepting true/false strings; null when absent or of another type. */
    public static Boolean bool(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual() && (v.asText().equalsIgnoreCase("true") || v.asText().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(v.asText());
        }
        return null;
    }

    /** Array elements of a field; empty when absent or not an array. */
    public static List<JsonNode> array(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || !v.isArray()) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>(v.size());
        v.forEach(out::add);
        return out;
    }

    /** Texts of an array field: string elements, or a named field of object elements. */
    public static List<String> texts(JsonNode node, String field, String objectField) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : array(node, field)) {
            if (e.isValueNode() && !e.isNull() && !e.asText().isBlank()) {
                out.add(e.asText());
            } else if (objectField != null && e.isObject()) {
                String t = text(e, objectField);
                if (t != null) {
                    out.add(t);
                }
            }
        }
        return out;
    }
}
