package io.jobpulse.embedded.clickhouse;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one request to the ClickHouse HTTP interface asks for, read from its URL parameters and headers the way a
 * ClickHouse server reads them: {@code query}, {@code database} / {@code X-ClickHouse-Database}, {@code default_format}
 * / {@code X-ClickHouse-Format}, {@code query_id}, {@code session_id}, {@code session_timeout}, {@code compress},
 * {@code decompress}, {@code param_<name>} (bound to {@code {name:Type}}), and every other parameter as a setting.
 */
record HttpQueryRequest(
        String query,
        String database,
        String format,
        String queryId,
        String sessionId,
        Duration sessionTimeout,
        boolean sessionCheck,
        boolean compressResponse,
        boolean compressedBody,
        Map<String, String> parameters,
        Map<String, String> settings,
        String user,
        String password) {

    static final String DEFAULT_FORMAT = "TabSeparated";
    static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(60);
    /** ClickHouse's {@code max_session_timeout} default. */
    static final Duration MAX_SESSION_TIMEOUT = Duration.ofSeconds(3600);

    /**
     * Parameters a client sends that are not settings: handled here, only meaningful to the client, or about transport
     * features this endpoint provides anyway (it always buffers the whole result, so waiting for the end is moot).
     */
    private static final Set<String> NOT_SETTINGS = Set.of(
            "query", "database", "default_format", "query_id", "session_id", "session_timeout", "session_check",
            "compress", "decompress", "user", "password", "quota_key", "buffer_size", "wait_end_of_query",
            "http_wait_end_of_query", "http_response_buffer_size", "enable_http_compression",
            "http_zlib_compression_level", "send_progress_in_http_headers", "http_headers_progress_interval_ms",
            "cancel_http_readonly_queries_on_client_close", "add_http_cors_header", "client_protocol_version",
            "role", "http_native_compression_disable_checksumming_on_decompress");

    private static final Pattern SETTING_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern FORMAT_NAME = Pattern.compile("[A-Za-z0-9_]+");

    /** A request this endpoint cannot take, answered with an HTTP status and ClickHouse's code for the same fault. */
    static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final int status;
        final int code;

        Rejected(int status, int code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    static HttpQueryRequest parse(String rawQueryString, HeaderSource headers) {
        Map<String, String> url = decode(rawQueryString);
        Map<String, String> parameters = new LinkedHashMap<>();
        Map<String, String> settings = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : url.entrySet()) {
            String name = entry.getKey();
            if (name.startsWith("param_")) {
                String parameter = name.substring("param_".length());
                if (!SETTING_NAME.matcher(parameter).matches()) {
                    throw new Rejected(400, 36, "Invalid query parameter name '" + parameter + "'");
                }
                parameters.put(parameter, entry.getValue());
            } else if (!NOT_SETTINGS.contains(name) && !name.contains(".")) {
                // Dotted names are client-side driver properties (e.g. beta.row_binary_for_simple_insert), never settings.
                if (!SETTING_NAME.matcher(name).matches()) {
                    throw new Rejected(400, 115, "Unknown setting '" + name + "': not a valid setting name");
                }
                settings.put(name, entry.getValue());
            }
        }
        String database = firstNonBlank(headers.get("X-ClickHouse-Database"), url.get("database"));
        String format = firstNonBlank(headers.get("X-ClickHouse-Format"), url.get("default_format"));
        if (format != null && !FORMAT_NAME.matcher(format).matches()) {
            throw new Rejected(400, 73, "Unknown format '" + format + "'");
        }
        String queryId = firstNonBlank(url.get("query_id"), headers.get("X-ClickHouse-Query-Id"));
        String sessionId = blankToNull(url.get("session_id"));
        Duration sessionTimeout = DEFAULT_SESSION_TIMEOUT;
        String timeout = blankToNull(url.get("session_timeout"));
        if (timeout != null) {
            try {
                sessionTimeout = Duration.ofSeconds(Long.parseLong(timeout));
            } catch (NumberFormatException e) {
                throw new Rejected(400, 36, "Invalid session timeout: '" + timeout + "' is not a number of seconds");
            }
            if (sessionTimeout.isNegative() || sessionTimeout.compareTo(MAX_SESSION_TIMEOUT) > 0) {
                throw new Rejected(400, 36, "Session timeout must be between 0 and " + MAX_SESSION_TIMEOUT.toSeconds()
                        + " seconds, was " + timeout);
            }
        }
        return new HttpQueryRequest(
                url.get("query"),
                database,
                format == null ? DEFAULT_FORMAT : format,
                queryId,
                sessionId,
                sessionTimeout,
                flag(url, "session_check"),
                flag(url, "compress"),
                flag(url, "decompress"),
                Map.copyOf(parameters),
                Map.copyOf(settings),
                firstNonBlank(headers.get("X-ClickHouse-User"), url.get("user")),
                firstNonBlank(headers.get("X-ClickHouse-Key"), url.get("password")));
    }

    @FunctionalInterface
    interface HeaderSource {
        String get(String name);
    }

    private static boolean flag(Map<String, String> url, String name) {
        String value = url.get(name);
        if (value == null) {
            return false;
        }
        return switch (value.strip().toLowerCase()) {
            case "1", "true" -> true;
            case "0", "false", "" -> false;
            default -> throw new Rejected(400, 36, "Invalid value '" + value + "' for " + name + ": expected 0 or 1");
        };
    }

    /** Decodes {@code a=1&b=x%20y}; the last of repeated names wins, as in ClickHouse. */
    static Map<String, String> decode(String rawQueryString) {
        Map<String, String> decoded = new LinkedHashMap<>();
        if (rawQueryString == null || rawQueryString.isEmpty()) {
            return decoded;
        }
        for (String pair : rawQueryString.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                decoded.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new Rejected(400, 36, "Cannot decode URL parameter '" + abbreviate(pair) + "': " + e.getMessage());
            }
        }
        return decoded;
    }

    private static String abbreviate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "...";
    }

    private static String firstNonBlank(String first, String second) {
        return first != null && !first.isBlank() ? first : blankToNull(second);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
