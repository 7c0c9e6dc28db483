package io.jobpulse.ingest.config;

/**
 * A sources.yaml problem, naming the file, line and field, e.g.
 * {@code sources.yaml:12: sources[2].board: required by connector greenhouse}. The CLI exits with code 2.
 */
public final class ConfigException extends Exception {

    private final int line;
    private final String field;

    public ConfigException(String file, int line, String field, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + (field == null || field.isEmpty() ? "" : field + ": ") + message);
        this.line = line;
        this.field = field;
    }

    /** 1-based line, or 0 when the problem is not at a line (e.g. the file cannot be read). */
    public int line() {
        return line;
    }

    public String field() {
        return field;
    }
}
