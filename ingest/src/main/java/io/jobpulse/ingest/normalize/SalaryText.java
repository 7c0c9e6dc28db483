package io.jobpulse.ingest.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a salary stated as text ("$120k - $150k", "€50.000–70.000 per year", "USD 40/hr", "£45,000") into min, max,
 * currency and period. Only unambiguous statements are read; anything else keeps just the raw text.
 */
public final class SalaryText {

    /** What could be read; fields are null when not stated. */
    public record Parsed(Double min, Double max, String currency, String period) {
    }

    private static final Pattern AMOUNT = Pattern.compile(
            "(?<cur>[$€£]|USD|EUR|GBP|CAD|AUD|CHF|SEK|NOK|DKK|PLN|INR)?\\s?(?<num>\\d{1,3}(?:[,.' ]\\d{3})+|\\d+(?:[.,]\\d+)?)\\s?(?<k>[kK](?![a-zA-Z]))?\\s?(?<cur2>USD|EUR|GBP|CAD|AUD|CHF|SEK|NOK|DKK|PLN|INR|€)?");

    /** "120,000", "1.200.000", "95 000": groups of three after the first one to three digits. */
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(?:[,.' ]\\d{3})+");
    private static final Pattern GROUP_SEPARATORS = Pattern.compile("[,.' ]");

    private SalaryText() {
    }

    public static Parsed parse(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 500) {
            return null;
        }
        Matcher m = AMOUNT.matcher(raw);
        List<Double> amounts = new ArrayList<>();
        List<Boolean> thousands = new ArrayList<>();
        String currency = null;
        while (m.find() && amounts.size() < 2) {
            String cur = m.group("cur") != null ? m.group("cur") : m.group("cur2");
            boolean k = m.group("k") != null;
            Double value = number(m.group("num"));
            if (value == null) {
                continue;
            }
            if (k) {
                value *= 1000;
            }
            if (cur == null && !k && value < 1000 && amounts.isEmpty()) {
                // "2-5 years", "401k"-like noise: a bare small number starts nothing
                continue;
            }
            if (cur != null && currency == null) {
                currency = currencyCode(cur);
            }
            amounts.add(value);
            thousands.add(k);
        }
        if (amounts.isEmpty() || currency == null && amounts.stream().allMatch(a -> a < 1000)) {
            return null;
        }
        double min = amounts.getFirst();
        double max = amounts.size() > 1 ? amounts.get(1) : min;
        if (amounts.size() > 1 && !thousands.get(0) && thousands.get(1) && min < 1000) {
            min *= 1000; // "$120-150k": the k on the upper bound applies to both
        }
        if (max < min) {
            double t = min;
            min = max;
            max = t;
        }
        return new Parsed(min, max, currency, PayPeriods.normalize(raw));
    }

    private static Double number(String s) {
        String digits;
        if (GROUPED.matcher(s).matches()) {
            digits = GROUP_SEPARATORS.matcher(s).replaceAll("");
        } else {
            digits = s.replace(',', '.');
        }
        try {
            return Double.parseDouble(digits);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String currencyCode(String s) {
        return switch (s.toUpperCase(Locale.ROOT)) {
            case "$" -> "USD";
            case "€" -> "EUR";
            case "£" -> "GBP";
            default -> s.toUpperCase(Locale.ROOT);
        };
    }
}
