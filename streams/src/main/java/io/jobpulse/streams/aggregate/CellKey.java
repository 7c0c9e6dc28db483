package io.jobpulse.streams.aggregate;

import java.time.LocalDate;

/**
 * One cell of a daily aggregate; its text form {@code <aggregate>|<role>|<day>|<dim1>|<dim2>} is the record key on
 * the aggregates topic (the contract of {@code AggregateRow}). '|' inside a value is replaced by '/' so the key
 * always splits back into exactly five parts.
 */
public record CellKey(String aggregate, String role, LocalDate day, String dim1, String dim2) {

    public static final String ALL_ROLES = "*";

    public static CellKey of(String aggregate, String role, int epochDay, String dim1, String dim2) {
        return new CellKey(aggregate, role, LocalDate.ofEpochDay(epochDay), clean(dim1), clean(dim2));
    }

    public String encode() {
        return aggregate + '|' + clean(role) + '|' + day + '|' + dim1 + '|' + dim2;
    }

    public static CellKey parse(String key) {
        String[] parts = key.split("\\|", -1);
        if (parts.length != 5) {
            throw new IllegalArgumentException("Not an aggregate cell key: " + key);
        }
        return new CellKey(parts[0], parts[1], LocalDate.parse(parts[2]), parts[3], parts[4]);
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace('|', '/');
    }
}
