package io.jobpulse.streams.aggregate;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One cell of a daily aggregate; its text form {@code <aggregate>|<role>|<day>|<dim1>|<dim2>} is the record key on
 * the aggregates topic (the contract of {@code AggregateRow}). '|' inside a value is replaced by '/' so the key
 * always splits back into exactly five parts.
 */
public record CellKey(String aggregate, String role, LocalDate day, String dim1, String dim2) {

    public static final String ALL_ROLES = "*";

    /** Aggregate rows are written by the ten thousand and name a few hundred distinct days: parse each once. */
    private static final Map<String, LocalDate> DAYS = new ConcurrentHashMap<>();

    public static CellKey of(String aggregate, String role, int epochDay, String dim1, String dim2) {
        return new CellKey(aggregate, role, LocalDate.ofEpochDay(epochDay), clean(dim1), clean(dim2));
    }

    public String encode() {
        return aggregate + '|' + clean(role) + '|' + day + '|' + dim1 + '|' + dim2;
    }

    public static CellKey parse(String key) {
        int a = key.indexOf('|');
        int b = a < 0 ? -1 : key.indexOf('|', a + 1);
        int c = b < 0 ? -1 : key.indexOf('|', b + 1);
        int d = c < 0 ? -1 : key.indexOf('|', c + 1);
        if (d < 0 || key.indexOf('|', d + 1) >= 0) {
            throw new IllegalArgumentException("Not an aggregate cell key: " + key);
        }
        return new CellKey(key.substring(0, a), key.substring(a + 1, b), day(key.substring(b + 1, c)),
                key.substring(c + 1, d), key.substring(d + 1));
    }

    private static LocalDate day(String text) {
        LocalDate day = DAYS.get(text);
        if (day == null) {
            day = LocalDate.parse(text);
            if (DAYS.size() < 100_000) {
                DAYS.put(text, day);
            }
        }
        return day;
    }

    static String clean(String s) {
        return s == null ? "" : s.indexOf('|') < 0 ? s : s.replace('|', '/');
    }
}
