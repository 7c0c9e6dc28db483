package io.jobpulse.ingest.normalize;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Reads the date formats job sources use into UTC instants: ISO-8601 with or without offset (no offset means UTC),
 * offsets without a colon, "2024-01-02 10:00:00 UTC", date only, RFC 1123, and epoch seconds or milliseconds.
 * Dates outside a plausible window (before 1995 or more than two days ahead) are treated as unreadable, and so are
 * impossible ones (2025-02-29, 24:00, minute 60) in every form: the formatters built here resolve strictly, like the
 * ISO ones, instead of moving such a date to a neighbouring day.
 */
public final class Timestamps {

    private static final Instant EARLIEST = Instant.parse("1995-01-01T00:00:00Z");

    private static final DateTimeFormatter OFFSET_NO_COLON = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T')
            .appendPattern("HH:mm[:ss]").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .appendOffset("+HHMM", "Z").toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private static final DateTimeFormatter SPACE_ZONE = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ')
            .appendPattern("HH:mm[:ss]").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendLiteral(' ').appendZoneText(java.time.format.TextStyle.SHORT).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendLiteral(' ').appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private static final List<DateTimeFormatter> RFC = List.of(DateTimeFormatter.RFC_1123_DATE_TIME);

    private Timestamps() {
    }

    /** Parses, or returns null when unreadable or implausible. */
    public static Instant parse(String raw, Instant now) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (s.isEmpty()) {
            return null;
        }
        Instant parsed = parseAny(s);
        if (parsed == null || parsed.isBefore(EARLIEST) || parsed.isAfter(now.plus(2, ChronoUnit.DAYS))) {
            return null;
        }
        return parsed.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * The form almost every source uses, "2026-01-31T09:30:00Z", read without a formatter; the same instant
     * {@link Instant#parse} gives. Anything else (fractions, offsets, leap or out-of-range fields) returns null and
     * takes the general path.
     */
    private static Instant plainUtc(String s) {
        if (s.length() != 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(13) != ':' || s.charAt(16) != ':'
                || s.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if ((year | month | day | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1
                || day > java.time.YearMonth.of(year, month).lengthOfMonth() || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
    }

    /** The decimal number in s[from, to), or -1 when a character is not an ASCII digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static Instant parseAny(String s) {
        if (s.chars().allMatch(Character::isDigit)) {
            if (s.length() > 14) {
                return null;
            }
            long v = Long.parseLong(s);
            return s.length() >= 12 ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
        }
        try {
            if (s.length() == 10 && s.charAt(4) == '-') {
                return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (s.length() > 10 && s.charAt(10) == 'T') {
                Instant utc = plainUtc(s);
                if (utc != null) {
                    return utc;
                }
                // Not Instant.parse for the other "Z" forms: it reads T24:00 as the next midnight and accepts second
                // 60; the ISO offset parser reads "Z" strictly.
                try {
                    return OffsetDateTime.parse(s).toInstant();
                } catch (DateTimeException e) {
                    try {
                        return ZonedDateTime.parse(s).toInstant();
                    } catch (DateTimeException e2) {
                        try {
                            return OffsetDateTime.parse(s, OFFSET_NO_COLON).toInstant();
                        } catch (DateTimeException e3) {
                            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
                        }
                    }
                }
            }
            if (s.length() > 10 && s.charAt(10) == ' ') {
                var parsed = SPACE_ZONE.parseBest(s, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from);
                return switch (parsed) {
                    case ZonedDateTime z -> z.toInstant();
                    case OffsetDateTime o -> o.toInstant();
                    case LocalDateTime l -> l.toInstant(ZoneOffset.UTC);
                    default -> null;
                };
            }
            for (DateTimeFormatter f : RFC) {
                try {
                    return ZonedDateTime.parse(s, f).toInstant();
                } catch (DateTimeException ignored) {
                    // try the next
                }
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }
}
