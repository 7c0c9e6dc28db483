package io.jobpulse.demo.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobpulse.demo.corpus.SegmentStats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Compares one {@code GET /api/roles/{role}/summary} answer with the ground truth of that role and window, the way
 * the API presents it: top lists ordered by count then name, salary quantiles interpolated (ClickHouse's
 * {@code quantileExactInclusive}). Returns the differences, empty when the API shows exactly the truth.
 */
final class SummaryComparison {

    private SummaryComparison() {
    }

    static List<String> differences(String label, JsonNode api, SegmentStats truth) {
        List<String> out = new ArrayList<>();
        check(out, label + " postings", api.path("postings").asLong(), (long) truth.activeJobs());
        check(out, label + " technologies (top 15)", counts(api.path("technologies"), "name"), top(truth.technologies(), 15));
        check(out, label + " seniority", counts(api.path("seniority"), "name"), top(truth.seniority(), 100));
        check(out, label + " countries (top 10)", counts(api.path("locations").path("countries"), "name"), top(truth.countries(), 10));
        List<String> cities = new ArrayList<>();
        for (JsonNode c : api.path("locations").path("cities")) {
            cities.add(c.path("city").asText() + ", " + c.path("country").asText() + "=" + c.path("count").asLong());
        }
        List<Map.Entry<String, Integer>> truthCities = new ArrayList<>(truth.cities().entrySet());
        // The API orders cities by count, then country, then city.
        truthCities.sort(Comparator.<Map.Entry<String, Integer>>comparingInt(e -> -e.getValue())
                .thenComparing(e -> e.getKey().substring(e.getKey().lastIndexOf(", ") + 2))
                .thenComparing(e -> e.getKey().substring(0, e.getKey().lastIndexOf(", "))));
        check(out, label + " cities (top 10)", cities, truthCities.stream().limit(10).map(e -> e.getKey() + "=" + e.getValue()).toList());
        check(out, label + " remote", api.path("locations").path("remote").asLong(), (long) truth.workModes().getOrDefault("remote", 0));
        List<String> salaries = new ArrayList<>();
        for (JsonNode s : api.path("salaryBySeniority")) {
            salaries.add(String.format("%s n=%d min=%.2f p25=%.2f median=%.2f p75=%.2f max=%.2f", s.path("seniority").asText(),
                    s.path("postings").asLong(), s.path("minUsd").asDouble(), s.path("p25Usd").asDouble(),
                    s.path("medianUsd").asDouble(), s.path("p75Usd").asDouble(), s.path("maxUsd").asDouble()));
        }
        List<String> truthSalaries = new ArrayList<>();
        truth.salaryBySeniority().forEach((level, v) -> truthSalaries.add(String.format(
                "%s n=%d min=%.2f p25=%.2f median=%.2f p75=%.2f max=%.2f", level, v.size(), v.getFirst(), quantile(v, 0.25),
                quantile(v, 0.5), quantile(v, 0.75), v.getLast())));
        check(out, label + " salary by seniority", salaries.stream().sorted().toList(), truthSalaries.stream().sorted().toList());
        return out;
    }

    /** Linear interpolation between closest ranks (type 7), as ClickHouse's quantileExactInclusive. */
    static double quantile(List<Double> sorted, double q) {
        double pos = (sorted.size() - 1) * q;
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.size() - 1, lo + 1);
        return sorted.get(lo) + (sorted.get(hi) - sorted.get(lo)) * (pos - lo);
    }

    private static List<String> counts(JsonNode list, String nameField) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : list) {
            out.add(n.path(nameField).asText() + "=" + n.path("count").asLong());
        }
        return out;
    }

    private static List<String> top(Map<String, Integer> counts, int limit) {
        return counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(e -> -e.getValue()).thenComparing(Map.Entry::getKey))
                .limit(limit).map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    private static void check(List<String> out, String what, Object api, Object truth) {
        if (!api.equals(truth)) {
            out.add(what + ": API " + api + " != truth " + truth);
        }
    }
}
