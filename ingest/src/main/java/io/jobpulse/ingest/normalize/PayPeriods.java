package io.jobpulse.ingest.normalize;

import java.util.Locale;

/** Maps salary period wording ("per-year-salary", "1 YEAR", "HOUR", "annually", "/hr", "monthly") to year, month, week, day, hour. */
public final class PayPeriods {

    private PayPeriods() {
    }

    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.toLowerCase(Locale.ROOT);
        if (s.contains("year") || s.contains("annual") || s.contains("/yr") || s.contains("jahr") || s.equals("yr")
                || s.contains("p.a")) {
            return "year";
        }
        if (s.contains("month") || s.contains("/mo") || s.contains("monat")) {
            return "month";
        }
        if (s.contains("week") || s.contains("/wk")) {
            return "week";
        }
        if (s.contains("day") || s.contains("daily") || s.contains("tag")) {
            return "day";
        }
        if (s.contains("hour") || s.contains("/hr") || s.contains("/h") || s.equals("hr") || s.contains("stunde")) {
            return "hour";
        }
        return null;
    }
}
