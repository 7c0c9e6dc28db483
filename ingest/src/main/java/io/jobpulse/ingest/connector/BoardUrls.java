package io.jobpulse.ingest.connector;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds request URLs from a base URL option and path segments, encoding what the operator typed. */
public final class BoardUrls {

    private BoardUrls() {
    }

    /** {@code base} without trailing slash + {@code path}, where {@code %s} placeholders get encoded segments. */
    public static URI of(String base, String pathFormat, Object... segments) {
        Object[] encoded = new Object[segments.length];
        for (int i = 0; i < segments.length; i++) {
            encoded[i] = encode(String.valueOf(segments[i]));
        }
        String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return URI.create(b + String.format(pathFormat, encoded));
    }

    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The id of a JSON item as text, or null; numeric ids keep no decimals. */
    public static String id(com.fasterxml.jackson.databind.JsonNode item, String field) {
        com.fasterxml.jackson.databind.JsonNode v = item.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.isNumber() ? v.asText().replaceAll("\\.0+$", "") : v.asText().strip();
        return s.isEmpty() ? null : s;
    }
}
