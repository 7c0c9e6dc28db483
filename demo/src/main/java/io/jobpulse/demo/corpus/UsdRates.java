package io.jobpulse.demo.corpus;

import java.util.Map;

/**
 * USD per unit of the currencies the corpus pays in: the reference rates of jobpulse's taxonomy (as of 2026-11-01),
 * so the ground truth's USD salary figures are the ones a correct pipeline computes. A test keeps them equal to the
 * enrichment's table.
 */
public final class UsdRates {

    public static final Map<String, Double> USD_PER_UNIT = Map.of("USD", 1.0, "EUR", 1.08, "GBP", 1.27, "CAD", 0.72);

    private UsdRates() {
    }

    static double toUsd(double amount, String currency) {
        Double rate = USD_PER_UNIT.get(currency);
        if (rate == null) {
            throw new IllegalArgumentException("no rate for " + currency);
        }
        return Math.round(amount * rate * 100.0) / 100.0;
    }
}
