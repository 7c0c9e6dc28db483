package io.jobpulse.analytics.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A time window of whole UTC days ending today: {@code 7d}, {@code 30d}, {@code 90d} or {@code 365d}.
 *
 * @param label as in the request, e.g. {@code 30d}
 * @param days  its length in days
 */
public record TimeWindow(String label, int days) {

    public static final List<TimeWindow> ALL = List.of(new TimeWindow("7d", 7), new TimeWindow("30d", 30),
            new TimeWindow("90d", 90), new TimeWindow("365d", 365));

    /** Parses a window parameter; null or empty gives {@code fallback}. */
    public static TimeWindow parse(String value, String fallback) {
        String v = value == null || value.isEmpty() ? fallback : value;
        for (TimeWindow w : ALL) {
            if (w.label.equals(v)) {
                return w;
            }
        }
        throw new BadRequest("window", "window must be one of 7d, 30d, 90d, 365d");
    }

    /** First day inside the window when it ends on {@code today}. */
    public LocalDate from(LocalDate today) {
        return today.minusDays(days - 1L);
    }
}
