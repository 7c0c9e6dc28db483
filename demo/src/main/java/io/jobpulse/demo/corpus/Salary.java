package io.jobpulse.demo.corpus;

import java.util.Locale;

/**
 * Pay as a posting states it.
 *
 * @param min      lower bound in {@code currency} per {@code period}
 * @param max      upper bound
 * @param currency USD, EUR, GBP or CAD
 * @param period   year or hour
 */
public record Salary(long min, long max, String currency, String period) {

    /** Hours in a full-time year: the factor jobpulse uses to annualize hourly pay. */
    public static final int HOURS_PER_YEAR = 2080;

    public boolean hourly() {
        return period.equals("hour");
    }

    /** Midpoint of the range per year in USD, rounded to cents: the figure salary statistics are made of. */
    public double usdAnnualMidpoint() {
        double factor = hourly() ? HOURS_PER_YEAR : 1;
        double usdMin = UsdRates.toUsd(min * factor, currency);
        double usdMax = UsdRates.toUsd(max * factor, currency);
        return Math.round((usdMin + usdMax) / 2 * 100.0) / 100.0;
    }

    /** Unambiguous text, e.g. "$150,000 - $190,000 per year", "CAD 120,000 - 150,000 per year", "€60 - €75 per hour". */
    public String text() {
        String per = hourly() ? " per hour" : " per year";
        return switch (currency) {
            case "USD" -> "$" + amount(min) + " - $" + amount(max) + per;
            case "EUR" -> "€" + amount(min) + " - €" + amount(max) + per;
            case "GBP" -> "£" + amount(min) + " - £" + amount(max) + per;
            default -> currency + " " + amount(min) + " - " + amount(max) + per;
        };
    }

    private static String amount(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }
}
