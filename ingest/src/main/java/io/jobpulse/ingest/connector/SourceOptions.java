package io.jobpulse.ingest.connector;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A source entry's connector options, already parsed and checked against the connector's {@link ConnectorOption}s
 * (defaults filled in), so connectors read typed values and never see raw YAML.
 */
public record SourceOptions(Map<String, Object> values) {

    public SourceOptions {
        values = Map.copyOf(values);
    }

    public static SourceOptions of(Map<String, Object> values) {
        return new SourceOptions(values);
    }

    public String string(String name) {
        return (String) values.get(name);
    }

    public int integer(String name) {
        Object v = values.get(name);
        return v == null ? 0 : (Integer) v;
    }

    public boolean bool(String name) {
        Object v = values.get(name);
        return v != null && (Boolean) v;
    }

    public Duration duration(String name) {
        return (Duration) values.get(name);
    }

    @SuppressWarnings("unchecked")
    public List<String> strings(String name) {
        Object v = values.get(name);
        return v == null ? List.of() : (List<String>) v;
    }

    public boolean has(String name) {
        return values.get(name) != null;
    }
}
