package io.jobpulse.enrichment;

/** Pay period of a stated salary, with the factor that turns it into a yearly figure (full-time assumptions). */
public enum SalaryPeriod {
    YEAR(1), MONTH(12), WEEK(52), DAY(260), HOUR(2080);

    private final int perYear;

    SalaryPeriod(int perYear) {
        this.perYear = perYear;
    }

    public int perYear() {
        return perYear;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static SalaryPeriod parse(String s) {
        if (s == null) {
            return YEAR;
        }
        return switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "month", "monthly", "mo" -> MONTH;
            case "week", "weekly", "wk" -> WEEK;
            case "day", "daily" -> DAY;
            case "hour", "hourly", "hr", "h" -> HOUR;
            default -> YEAR;
        };
    }
}
