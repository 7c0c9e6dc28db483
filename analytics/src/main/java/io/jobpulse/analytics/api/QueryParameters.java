package io.jobpulse.analytics.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A request's query string, and the validators every endpoint uses. Values that reach SQL are checked against a
 * closed set or a narrow pattern here, and are then bound as JDBC parameters, never written into SQL text.
 */
public final class QueryParameters {

    /** Technology names as the taxonomy spells them: letters, digits and {@code . + # / - _} and spaces. */
    private static final Pattern TECHNOLOGY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 .+#/_-]{0,49}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    public static final List<String> SENIORITY = List.of("intern", "junior", "mid", "senior", "staff", "principal",
            "lead", "manager", "director", "executive");

    private final Map<String, List<String>> values;

    private QueryParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    public static QueryParameters parse(String rawQuery) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            if (rawQuery.length() > 2_000) {
                throw new BadRequest("query", "query string too long");
            }
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                try {
                    String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                } catch (IllegalArgumentException e) {
                    throw new BadRequest("query", "malformed query string");
                }
            }
        }
        return new QueryParameters(values);
    }

    /** Rejects parameters the endpoint does not know, so a typo is an error rather than a silently ignored filter. */
    public QueryParameters allowOnly(Set<String> names) {
        for (String name : values.keySet()) {
            if (!names.contains(name)) {
                throw new BadRequest(name, "unknown parameter '" + printable(name) + "'; allowed: " + String.join(", ", names.stream().sorted().toList()));
            }
        }
        return this;
    }

    /** The single value of a parameter, or null. */
    public String single(String name) {
        List<String> v = values.get(name);
        if (v == null) {
            return null;
        }
        if (v.size() > 1) {
            throw new BadRequest(name, name + " given more than once");
        }
        return v.getFirst();
    }

    /** Every value of a repeatable parameter, also split at commas. */
    public List<String> all(String name) {
        List<String> out = new ArrayList<>();
        for (String v : values.getOrDefault(name, List.of())) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    public static String technology(String parameter, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!TECHNOLOGY.matcher(value).matches()) {
            throw new BadRequest(parameter, parameter + " must be a technology name (letters, digits, '.+#/-_ ', at most 50)");
        }
        return value;
    }

    public static String country(String parameter, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!COUNTRY.matcher(value).matches()) {
            throw new BadRequest(parameter, parameter + " must be an ISO 3166-1 alpha-2 code such as DE or US");
        }
        return value;
    }

    public static String seniority(String parameter, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!SENIORITY.contains(value)) {
            throw new BadRequest(parameter, parameter + " must be one of " + String.join(", ", SENIORITY));
        }
        return value;
    }

    public static Boolean bool(String parameter, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadRequest(parameter, parameter + " must be true or false");
        };
    }

    public static int integer(String parameter, String value, int fallback, int min, int max) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new BadRequest(parameter, parameter + " must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequest(parameter, parameter + " must be a whole number between " + min + " and " + max);
        }
    }

    /** A parameter name safe to echo back in a message. */
    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return cut.replaceAll("[^A-Za-z0-9_.-]", "?");
    }
}
