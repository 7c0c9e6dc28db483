package io.jobpulse.ingest.connector;

import java.util.Objects;

/**
 * One documented option a connector accepts in {@code sources.yaml}.
 *
 * @param name         the YAML key, kebab-case
 * @param type         how the value is parsed and checked
 * @param required     whether a source entry must give it
 * @param defaultValue the value when absent (already of the type's Java class), or null
 * @param description  one line for {@code ingest sources} and the README
 */
public record ConnectorOption(String name, Type type, boolean required, Object defaultValue, String description) {

    /** Option value types and the Java class each parses into. */
    public enum Type {
        /** {@link String}. */
        STRING,
        /** {@link Integer}. */
        INT,
        /** {@link Boolean}. */
        BOOLEAN,
        /** {@link java.time.Duration}, written as 30s, 15m, 6h, 1d or ISO-8601. */
        DURATION,
        /** {@code List<String>}; a single string is accepted as a one-element list. */
        STRING_LIST
    }

    public ConnectorOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
    }

    public static ConnectorOption required(String name, Type type, String description) {
        return new ConnectorOption(name, type, true, null, description);
    }

    public static ConnectorOption optional(String name, Type type, Object defaultValue, String description) {
        return new ConnectorOption(name, type, false, defaultValue, description);
    }
}
