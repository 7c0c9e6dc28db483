package io.jobpulse.enrichment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The dated USD rate table shipped as {@code currency-rates.tsv} (approximate reference rates; see the file). */
public final class CurrencyRates {

    private final String asOf;
    private final Map<String, Double> usdPerUnit;

    private CurrencyRates(String asOf, Map<String, Double> usdPerUnit) {
        this.asOf = asOf;
        this.usdPerUnit = Map.copyOf(usdPerUnit);
    }

    public static CurrencyRates load() {
        Map<String, Double> m = new HashMap<>();
        String asOf = "unknown";
        try (InputStream in = CurrencyRates.class.getResourceAsStream("currency-rates.tsv")) {
            if (in == null) {
                throw new IllegalStateException("missing currency-rates.tsv");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#as-of\t")) {
                    asOf = line.substring(7).strip();
                } else if (!line.isBlank() && !line.startsWith("#")) {
                    String[] f = line.split("\t");
                    m.put(f[0], Double.parseDouble(f[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CurrencyRates(asOf, m);
    }

    /** The date the rates were taken. */
    public String asOf() {
        return asOf;
    }

    /** Amount in USD, or null when the currency is unknown or the amount is null. */
    public Double toUsd(Double amount, String currency) {
        if (amount == null || currency == null) {
            return null;
        }
        Double rate = usdPerUnit.get(currency);
        return rate == null ? null : Math.round(amount * rate * 100.0) / 100.0;
    }
}
