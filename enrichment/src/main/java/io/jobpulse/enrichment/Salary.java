package io.jobpulse.enrichment;

/**
 * A salary as stated (min/max in the stated currency and period; max null for "80k+"), plus the same figures
 * annualized and converted to USD with the dated rate table ({@link CurrencyRates#asOf()}).
 */
public record Salary(Double min, Double max, String currency, SalaryPeriod period, Double annualMin, Double annualMax,
                     Double usdAnnualMin, Double usdAnnualMax, Source source, Span evidence) {

    /** Where the figure came from. */
    public enum Source { STRUCTURED, TEXT }
}
