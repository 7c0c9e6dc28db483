package io.jobpulse.enrichment;

import io.jobpulse.enrichment.text.Header;
import io.jobpulse.enrichment.text.PlainText;
import java.util.Locale;
import java.util.Set;

/**
 * Pay from structured source fields, else from text: "$170k — $230k", "150-230k+", "€60.000–75.000", "£45,000",
 * "$85/hr", "7560-11760 USD a month", "100k - 120k CA$", "OTE $200k". Funding, valuation, revenue and counts
 * ("raised $5M", "55K downloads") are not pay, and neither is equity alone. When several ranges are given, the
 * result spans the lowest minimum and the highest maximum of those in the first range's currency and period.
 * Without a currency sign the currency follows the posting's country (default USD). Thread-safe.
 */
public final class SalaryParser {

    private static final Set<String> EURO_COUNTRIES = Set.of("DE", "FR", "NL", "BE", "AT", "IE", "ES", "PT", "IT", "FI",
            "GR", "LU", "SK", "SI", "EE", "LV", "LT", "MT", "CY", "HR");

    private final CurrencyRates rates;

    public SalaryParser(CurrencyRates rates) {
        this.rates = rates;
    }

    /** One amount expression found in text. */
    private record Found(double min, Double max, String currency, SalaryPeriod period, int start, int end) {}

    public Salary parse(PlainText plain, Header header, StructuredHints hints, String countryHint) {
        if (hints.salaryMin() != null || hints.salaryMax() != null) {
            String cur = hints.salaryCurrency() == null ? defaultCurrency(countryHint) : hints.salaryCurrency().toUpperCase(Locale.ROOT);
            SalaryPeriod p = SalaryPeriod.parse(hints.salaryPeriod());
            return build(hints.salaryMin(), hints.salaryMax(), cur, p, Salary.Source.STRUCTURED, null);
        }
        String text = plain.text();
        int n = text.length();
        String curFirst = null;
        SalaryPeriod perFirst = null;
        Double lo = null;
        Double hi = null;
        boolean open = false;
        int evStart = -1;
        int evEnd = -1;
        char[] chars = plain.chars();
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            if (c < '0' || c > '9') {
                continue;
            }
            if (i > 0) {
                char p = text.charAt(i - 1);
                if (Character.isLetterOrDigit(p) || p == '.' || p == ',' || p == '#') {
                    continue;
                }
            }
            if (!maybePay(text, i)) {
                i = skipNumber(text, i);
                continue;
            }
            Found f = expression(text, i, header, plain);
            if (f == null) {
                i = skipNumber(text, i);
                continue;
            }
            if (f.min() < 0) {
                i = Math.max(i, f.end() - 1); // a rejected range: do not read its upper bound alone
                continue;
            }
            String cur = f.currency() == null ? defaultCurrency(countryHint) : f.currency();
            if (curFirst == null) {
                curFirst = cur;
                perFirst = f.period();
                lo = f.min();
                hi = f.max();
                open = f.max() == null;
                evStart = f.start();
                evEnd = f.end();
            } else if (curFirst.equals(cur) && perFirst == f.period()) {
                lo = Math.min(lo, f.min());
                if (f.max() != null) {
                    hi = hi == null ? (open ? Double.valueOf(f.max()) : Math.max(lo, f.max())) : Math.max(hi, f.max());
                }
                evEnd = Math.max(evEnd, f.end());
            }
            i = Math.max(i, f.end() - 1);
        }
        if (curFirst == null) {
            return null;
        }
        Span ev = new Span(evStart, evEnd, text.substring(evStart, Math.min(evEnd, evStart + 200)));
        return build(lo, hi, curFirst, perFirst, Salary.Source.TEXT, ev);
    }

    private Salary build(Double min, Double max, String currency, SalaryPeriod period, Salary.Source source, Span ev) {
        Double aMin = min == null ? null : min * period.perYear();
        Double aMax = max == null ? null : max * period.perYear();
        return new Salary(min, max, currency, period, aMin, aMax, rates.toUsd(aMin, currency), rates.toUsd(aMax, currency), source, ev);
    }

    static String defaultCurrency(String country) {
        if (country == null) {
            return "USD";
        }
        if (EURO_COUNTRIES.contains(country)) {
            return "EUR";
        }
        return switch (country) {
            case "GB" -> "GBP";
            case "CA" -> "CAD";
            case "CH" -> "CHF";
            case "AU" -> "AUD";
            case "IN" -> "INR";
            case "SE" -> "SEK";
            case "NO" -> "NOK";
            case "DK" -> "DKK";
            case "PL" -> "PLN";
            case "SG" -> "SGD";
            case "JP" -> "JPY";
            default -> "USD";
        };
    }

    /**
     * Cheap filter before parsing: pay has a currency sign or code near it, a "k", or thousands separators. Most
     * numbers in postings (years, counts, versions) have none of these.
     */
    private static boolean maybePay(String text, int i) {
        int n = text.length();
        // a currency sign or code just before: "$120k", "£ 45,000", "USD 90,000", "CA$100k"
        for (int j = Math.max(0, i - 4); j < i; j++) {
            char c = text.charAt(j);
            if (c == '$' || c > 127 && (c == '\u00A3' || c == '\u20AC' || c == '\u20B9' || c == '\u00A5')) {
                return true;
            }
        }
        if (i >= 4 && text.charAt(i - 1) == ' ' && Character.isUpperCase(text.charAt(i - 2)) && Character.isUpperCase(text.charAt(i - 3))
                && Character.isUpperCase(text.charAt(i - 4))) {
            return true;
        }
        int j = i;
        while (j < n && (Character.isDigit(text.charAt(j)) || text.charAt(j) == ',' || text.charAt(j) == '.')) {
            j++;
        }
        if (j - i >= 5) {
            return true; // 45,000 / 60.000 / 120000
        }
        // "150-230k", "100k", "45-70 USD per hour", "85/hr", "100-200k CHF", "65-85k Euro", "7560-11760 USD a month"
        int limit = Math.min(n, j + 14);
        for (int k = j; k < limit; k++) {
            char c = text.charAt(k);
            if (c == 'k' || c == 'K') {
                return k + 1 >= n || !Character.isLowerCase(text.charAt(k + 1)) || k == j;
            }
            if (c == '$' || c == '/' || c == '\u00A3' || c == '\u20AC') {
                return true;
            }
            if (c >= 'A' && c <= 'Z' && k + 2 < n && Character.isUpperCase(text.charAt(k + 1)) && Character.isUpperCase(text.charAt(k + 2))) {
                return true; // USD, EUR, CHF
            }
            if ((c == 'E' || c == 'e') && text.regionMatches(true, k, "euro", 0, 4)) {
                return true;
            }
            if (c == 'p' && text.startsWith("per ", k)) {
                return true;
            }
            if (Character.isLetter(c) && !(k > j && (text.charAt(k - 1) == ' ' || Character.isDigit(text.charAt(k - 1))))) {
                continue;
            }
        }
        return false;
    }

    private static int skipNumber(String text, int i) {
        int j = i;
        while (j < text.length() && (Character.isDigit(text.charAt(j)) || text.charAt(j) == ',' || text.charAt(j) == '.')) {
            j++;
        }
        return j - 1;
    }

    /** Amount parsed at a position: value, end offset, multiplier flags. */
    private record Amount(double value, int end, boolean k, boolean big, boolean plus, boolean percent, boolean hasSeparators) {}

    private static Amount amount(String text, int i) {
        int n = text.length();
        int j = i;
        StringBuilder digits = new StringBuilder(12);
        boolean separators = false;
        String decimals = null;
        while (j < n) {
            char c = text.charAt(j);
            if (Character.isDigit(c)) {
                digits.append(c);
                j++;
            } else if ((c == ',' || c == '.' || c == ' ' && false) && j + 3 < n + 1 && j + 3 <= n
                    && allDigits(text, j + 1, j + 4) && (j + 4 >= n || !Character.isDigit(text.charAt(j + 4)))) {
                separators = true;
                j++;
            } else if (c == '.' && j + 1 < n && Character.isDigit(text.charAt(j + 1)) && decimals == null) {
                int s = j + 1;
                int e = s;
                while (e < n && Character.isDigit(text.charAt(e))) {
                    e++;
                }
                decimals = text.substring(s, e);
                j = e;
            } else {
                break;
            }
        }
        if (digits.isEmpty() || digits.length() > 9) {
            return null;
        }
        double v = Double.parseDouble(digits + (decimals == null ? "" : "." + decimals));
        int k = j;
        while (k < n && text.charAt(k) == ' ' && k - j < 1) {
            k++;
        }
        boolean isK = false;
        boolean big = false;
        if (k < n) {
            char s = text.charAt(k);
            char s2 = k + 1 < n ? text.charAt(k + 1) : ' ';
            if ((s == 'k' || s == 'K') && !Character.isLowerCase(s2)) {
                isK = true;
                j = k + 1;
            } else if ((s == 'k' || s == 'K') && (s2 == '+' || Character.isUpperCase(s2))) {
                isK = true;
                j = k + 1;
            } else if (s == 'm' || s == 'M' || s == 'b' || s == 'B') {
                String rest = text.substring(k, Math.min(n, k + 8)).toLowerCase(Locale.ROOT);
                if (rest.startsWith("m ") || rest.startsWith("mm") || rest.startsWith("mil") || rest.startsWith("b ") || rest.startsWith("bn")
                        || rest.startsWith("billion") || rest.length() == 1 || !Character.isLetter(rest.charAt(1))
                        || Character.isUpperCase(text.charAt(Math.min(n - 1, k + 1))) && Character.isUpperCase(s)) {
                    big = true;
                }
            }
        }
        boolean plus = j < n && text.charAt(j) == '+';
        boolean percent = j < n && text.charAt(j) == '%';
        return new Amount(isK ? v * 1000 : v, j, isK, big, plus, percent, separators);
    }

    private static boolean allDigits(String s, int from, int to) {
        if (to > s.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static final String[] NOT_PAY_BEFORE = {"raised", "raise", "raising", "valuation", "valued", "funding", "revenue",
            "arr", "series", "seed", "invest", "round", "grew", "processing", "processed", "volume", "spent", "spend", "worth",
            "acquired", "acquisition", "gmv", "saved", "market", "billion", "million", "fund", "capital", "budget"};
    private static final String[] NOT_PAY_AFTER = {"in funding", "arr", "revenue", "users", "customers", "downloads", "valuation",
            "in sales", "in volume", "weekly", "lines", "qps", "transactions", "stars", "members", "patients", "people",
            "requests", "companies", "employees", "round", "series", "raised", "in annual", "annual revenue", "of revenue",
            "investment", "seed", "funding", "devices", "events", "records", "rows", "tokens", "businesses", "developers",
            "engineers", "restaurants", "hours of", "active", "monthly active", "daily active", "sq", "miles", "per second",
            "/s", "rps", "ops"};
    private static final String[] PAY_CUES = {"salary", "compensation", "comp", "pay", "base", "ote", "range", "per year", "/year",
            "/yr", "a year", "equity", "bonus", "usd", "eur", "gbp", "annual", "k/y", "k/yr", "tc", "total comp", "package", "rate"};

    private Found expression(String text, int i, Header header, PlainText plain) {
        if (plain.inLink(i, i + 1)) {
            return null;
        }
        Amount a = amount(text, i);
        if (a == null || a.big() || a.percent()) {
            return null;
        }
        int n = text.length();
        int start = i;
        String cur = currencyBefore(text, i);
        if (cur != null) {
            start = currencyStart(text, i);
        }
        Amount b = null;
        int j = a.end();
        if (a.plus()) {
            j++;
        }
        int r = j;
        while (r < n && text.charAt(r) == ' ') {
            r++;
        }
        int sep = -1;
        if (r < n && (text.charAt(r) == '-' || text.charAt(r) == '\u2013' || text.charAt(r) == '\u2014' || text.charAt(r) == '~')) {
            sep = r + 1;
        } else if (text.startsWith("to ", r) || text.startsWith("and ", r) && false) {
            sep = r + 3;
        }
        if (sep > 0) {
            int s = sep;
            while (s < n && text.charAt(s) == ' ') {
                s++;
            }
            String cur2 = null;
            int s2 = currencyAfterSymbol(text, s);
            if (s2 > s) {
                cur2 = symbolCurrency(text, s, s2);
                s = s2;
                while (s < n && text.charAt(s) == ' ') {
                    s++;
                }
            }
            if (s < n && Character.isDigit(text.charAt(s))) {
                b = amount(text, s);
                if (b != null && (b.big() || b.percent())) {
                    return null;
                }
                if (b != null && cur == null && cur2 != null) {
                    cur = cur2;
                }
            }
        }
        double min = a.value();
        Double max = null;
        int end = a.end();
        boolean kAny = a.k();
        boolean open = a.plus();
        if (b != null) {
            double bv = b.value();
            if (!a.k() && b.k() && min < 1000) {
                min = min * 1000;
            }
            if (a.k() && !b.k() && bv < 1000) {
                bv = bv * 1000;
            }
            max = bv;
            end = b.end();
            kAny = kAny || b.k();
            open = false;
            if (b.plus()) {
                end++;
            }
            if (max < min) {
                return null;
            }
        } else if (a.plus()) {
            end = a.end() + 1;
        }
        if (cur == null) {
            int e2 = end;
            while (e2 < n && text.charAt(e2) == ' ') {
                e2++;
            }
            String suffix = currencyCodeAt(text, e2);
            if (suffix != null) {
                cur = suffix;
                end = e2 + suffixLength(text, e2);
            }
        }
        String after = text.substring(end, Math.min(n, end + 30)).toLowerCase(Locale.ROOT);
        String before = text.substring(Math.max(0, start - 45), start).toLowerCase(Locale.ROOT);
        SalaryPeriod period = periodAfter(after);
        boolean inHeader = header.contains(i);
        int a0 = 0;
        while (a0 < after.length() && (after.charAt(a0) == ' ' || after.charAt(a0) == '+')) {
            a0++;
        }
        for (String w : NOT_PAY_AFTER) {
            if (after.startsWith(w, a0)) {
                return new Found(-1, null, null, null, start, end);
            }
        }
        int sentence = Math.max(before.lastIndexOf(". "), before.lastIndexOf('\n'));
        if (sentence >= 0) {
            before = before.substring(sentence + 1); // "We raised $100M. Compensation $250k": a new sentence
        }
        String lead = before.stripTrailing();
        boolean payCue = lead.endsWith("salary") || lead.endsWith("salary:") || lead.endsWith("compensation")
                || lead.endsWith("compensation:") || lead.endsWith("pay") || lead.endsWith("pay:") || lead.endsWith("base")
                || lead.endsWith("ote") || lead.endsWith("range") || lead.endsWith("range:") || lead.endsWith("is");
        if (period == null && !payCue) {
            for (String w : NOT_PAY_BEFORE) {
                int at = before.lastIndexOf(w);
                if (at >= 0 && (at == 0 || !Character.isLetter(before.charAt(at - 1)))
                        && (at + w.length() >= before.length() || !Character.isLetter(before.charAt(at + w.length())))) {
                    return new Found(-1, null, null, null, start, end);
                }
            }
        }
        if (cur == null && !kAny) {
            return null;
        }
        boolean cue = inHeader || period != null;
        if (!cue) {
            String wide = text.substring(Math.max(0, start - 60), Math.min(n, end + 40)).toLowerCase(Locale.ROOT);
            for (String w : PAY_CUES) {
                if (wide.contains(w)) {
                    cue = true;
                    break;
                }
            }
        }
        if (cur == null && !cue) {
            return null;
        }
        if (period == null) {
            period = SalaryPeriod.YEAR;
        }
        double top = max == null ? min : max;
        boolean plausible = switch (period) {
            case YEAR -> min >= 10_000 && top <= 3_000_000 && (kAny || a.hasSeparators() || min >= 10_000);
            case MONTH -> min >= 300 && top <= 200_000;
            case WEEK -> min >= 100 && top <= 50_000;
            case DAY -> min >= 50 && top <= 10_000;
            case HOUR -> min >= 7 && top <= 2_000;
        };
        if (!plausible) {
            return null;
        }
        if (!cue && !kAny && !a.hasSeparators()) {
            return null;
        }
        if (b == null) {
            lead = before.stripTrailing();
            if (lead.endsWith(">=") || lead.endsWith(">") || lead.endsWith("from") || lead.endsWith("starting at")
                    || lead.endsWith("at least") || lead.endsWith("minimum") || lead.endsWith("min")) {
                open = true;
            }
            if (lead.endsWith("up to")) {
                return new Found(min, min, cur, period, start, end);
            }
        }
        return new Found(min, open ? null : (max == null ? min : max), cur, period, start, end);
    }

    private static SalaryPeriod periodAfter(String after) {
        String a = after.stripLeading();
        if (a.startsWith("/yr") || a.startsWith("/year") || a.startsWith("per year") || a.startsWith("a year") || a.startsWith("per annum")
                || a.startsWith("p.a") || a.startsWith("annually") || a.startsWith("/y ") || a.startsWith("yearly") || a.startsWith("/annum")
                || a.startsWith("usd per year") || a.startsWith("annual")) {
            return SalaryPeriod.YEAR;
        }
        if (a.startsWith("/hr") || a.startsWith("/hour") || a.startsWith("per hour") || a.startsWith("an hour") || a.startsWith("/h ")
                || a.startsWith("/h)") || a.startsWith("hourly") || a.startsWith("usd per hour") || a.startsWith("usd/hr")
                || a.startsWith("usd/hour") || a.startsWith("per hr") || a.startsWith("p/h") || a.startsWith("ph ")) {
            return SalaryPeriod.HOUR;
        }
        if (a.startsWith("/mo") || a.startsWith("/month") || a.startsWith("per month") || a.startsWith("a month") || a.startsWith("monthly")
                || a.startsWith("usd a month") || a.startsWith("usd per month") || a.startsWith("pcm")) {
            return SalaryPeriod.MONTH;
        }
        if (a.startsWith("/day") || a.startsWith("per day") || a.startsWith("a day") || a.startsWith("daily") || a.startsWith("/d ")) {
            return SalaryPeriod.DAY;
        }
        if (a.startsWith("/week") || a.startsWith("per week") || a.startsWith("a week") || a.startsWith("/wk") || a.startsWith("weekly")) {
            return SalaryPeriod.WEEK;
        }
        return null;
    }

    /** Currency written just before the number ("$", "US$", "CA$", "£", "€", "USD ", "EUR "). */
    private static String currencyBefore(String text, int i) {
        int j = i - 1;
        while (j >= 0 && text.charAt(j) == ' ' && i - j <= 2) {
            j--;
        }
        if (j < 0) {
            return null;
        }
        char c = text.charAt(j);
        switch (c) {
            case '$' -> {
                String pre = text.substring(Math.max(0, j - 3), j);
                if (pre.endsWith("CA") || pre.endsWith("C") && (pre.length() < 2 || !Character.isLetter(pre.charAt(pre.length() - 2)))) {
                    return "CAD";
                }
                if (pre.endsWith("AU") || pre.endsWith("A") && (pre.length() < 2 || !Character.isLetter(pre.charAt(pre.length() - 2)))) {
                    return "AUD";
                }
                if (pre.endsWith("NZ")) {
                    return "NZD";
                }
                if (pre.endsWith("SG") || pre.endsWith("S") && (pre.length() < 2 || !Character.isLetter(pre.charAt(pre.length() - 2)))) {
                    return "SGD";
                }
                return "USD";
            }
            case '\u00A3' -> {
                return "GBP";
            }
            case '\u20AC' -> {
                return "EUR";
            }
            case '\u20B9' -> {
                return "INR";
            }
            case '\u00A5' -> {
                return "JPY";
            }
            default -> { }
        }
        if (Character.isLetter(c) && j >= 2) {
            String code = text.substring(j - 2, j + 1);
            if (isCode(code) && (j < 3 || !Character.isLetter(text.charAt(j - 3)))) {
                return code;
            }
        }
        return null;
    }

    private static int currencyStart(String text, int i) {
        int j = i - 1;
        while (j >= 0 && text.charAt(j) == ' ') {
            j--;
        }
        while (j > 0 && (Character.isLetter(text.charAt(j - 1)) && Character.isUpperCase(text.charAt(j - 1))) && i - j < 5) {
            j--;
        }
        return Math.max(0, j);
    }

    private static boolean isCode(String code) {
        return switch (code) {
            case "USD", "EUR", "GBP", "CAD", "CHF", "AUD", "NZD", "SEK", "NOK", "DKK", "PLN", "INR", "SGD", "JPY", "CZK", "ILS", "BRL", "MXN" -> true;
            default -> false;
        };
    }

    /** Length of a currency symbol or code at s ("$", "£", "€", "US$", "USD "), or 0. */
    private static int currencyAfterSymbol(String text, int s) {
        if (s >= text.length()) {
            return s;
        }
        char c = text.charAt(s);
        if (c == '$' || c == '\u00A3' || c == '\u20AC' || c == '\u20B9' || c == '\u00A5') {
            return s + 1;
        }
        if (text.startsWith("US$", s) || text.startsWith("CA$", s)) {
            return s + 3;
        }
        if (s + 3 <= text.length() && isCode(text.substring(s, s + 3))) {
            return s + 3;
        }
        return s;
    }

    private static String symbolCurrency(String text, int s, int e) {
        String sym = text.substring(s, e).strip();
        return switch (sym) {
            case "$", "US$" -> "USD";
            case "\u00A3" -> "GBP";
            case "\u20AC" -> "EUR";
            case "CA$" -> "CAD";
            case "\u20B9" -> "INR";
            case "\u00A5" -> "JPY";
            default -> isCode(sym) ? sym : null;
        };
    }

    /** Currency written after the amount ("USD", "CA$", "Euro", "€", "CHF"). */
    private static String currencyCodeAt(String text, int s) {
        if (s >= text.length()) {
            return null;
        }
        if (text.startsWith("CA$", s) || text.startsWith("CAD", s)) {
            return "CAD";
        }
        if (text.startsWith("\u20AC", s) || text.regionMatches(true, s, "euro", 0, 4)) {
            return "EUR";
        }
        if (text.startsWith("\u00A3", s)) {
            return "GBP";
        }
        if (s + 3 <= text.length() && isCode(text.substring(s, s + 3)) && (s + 3 == text.length() || !Character.isLowerCase(text.charAt(s + 3)))) {
            return text.substring(s, s + 3);
        }
        return null;
    }

    private static int suffixLength(String text, int s) {
        if (text.startsWith("\u20AC", s) || text.startsWith("\u00A3", s)) {
            return 1;
        }
        if (text.regionMatches(true, s, "euros", 0, 5)) {
            return 5;
        }
        if (text.regionMatches(true, s, "euro", 0, 4)) {
            return 4;
        }
        return 3;
    }
}
