package io.jobpulse.analytics.testing;

import io.jobpulse.analytics.api.QueryParameters;
import io.jobpulse.contracts.avro.EnrichedPosting;
import io.jobpulse.contracts.avro.EnrichedSalary;
import io.jobpulse.contracts.avro.PostingStatus;
import io.jobpulse.contracts.avro.ResolvedLocation;
import io.jobpulse.contracts.avro.TechnologyMatch;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The role page's numbers computed straight from the postings' current state, with none of the production code:
 * the expected answers of the API in end-to-end tests. Same limits and tie-breaks as the API documents (count
 * descending, then name).
 */
public final class Truth {

    private Truth() {
    }

    public record Expected(long postings, List<Map.Entry<String, Long>> technologies, List<Map.Entry<String, Long>> seniority,
                           List<Map.Entry<String, Long>> countries, List<Map.Entry<String, Long>> cities, long remote,
                           List<Map.Entry<String, Long>> pairs, List<Map.Entry<String, Long>> relatedRoles,
                           List<String> latestIds, Map<String, double[]> salary) {
    }

    /**
     * One posting per job: the canonical posting while it is active, else the group's first active member (first
     * seen, then id); nothing when every member is closed.
     */
    public static List<EnrichedPosting> representatives(Collection<EnrichedPosting> current) {
        Map<String, List<EnrichedPosting>> groups = new TreeMap<>();
        current.forEach(p -> groups.computeIfAbsent(p.getCanonicalId(), k -> new ArrayList<>()).add(p));
        List<EnrichedPosting> out = new ArrayList<>();
        for (List<EnrichedPosting> members : groups.values()) {
            members.stream().filter(p -> p.getStatus() == PostingStatus.ACTIVE)
                    .min(Comparator.comparing((EnrichedPosting p) -> !p.getId().equals(p.getCanonicalId()))
                            .thenComparing(EnrichedPosting::getFirstSeenAt).thenComparing(EnrichedPosting::getId))
                    .ifPresent(out::add);
        }
        return out;
    }

    public static List<EnrichedPosting> counted(Collection<EnrichedPosting> current, String role, LocalDate from, LocalDate to) {
        return representatives(current).stream()
                .filter(p -> role.equals("*") || p.getRoles().contains(role))
                .filter(p -> !p.getDay().isBefore(from) && !p.getDay().isAfter(to))
                .toList();
    }

    public static Expected roleSummary(Collection<EnrichedPosting> current, String role, LocalDate from, LocalDate to) {
        List<EnrichedPosting> postings = counted(current, role, from, to);
        Map<String, Long> technologies = new TreeMap<>();
        Map<String, Long> seniority = new TreeMap<>();
        Map<String, Long> countries = new TreeMap<>();
        Map<String, Long> cities = new TreeMap<>();
        Map<String, Long> pairs = new TreeMap<>();
        Map<String, Long> related = new TreeMap<>();
        Map<String, List<Double>> salaries = new TreeMap<>();
        long remote = 0;
        for (EnrichedPosting p : postings) {
            List<String> techs = p.getTechnologies().stream().map(TechnologyMatch::getName).distinct().sorted().toList();
            techs.forEach(t -> technologies.merge(t, 1L, Long::sum));
            for (int i = 0; i < techs.size(); i++) {
                for (int j = i + 1; j < techs.size(); j++) {
                    pairs.merge(techs.get(i) + " + " + techs.get(j), 1L, Long::sum);
                }
            }
            new LinkedHashSet<>(p.getSeniority()).forEach(s -> seniority.merge(s, 1L, Long::sum));
            Set<String> cs = new LinkedHashSet<>();
            Set<String> cis = new LinkedHashSet<>();
            for (ResolvedLocation l : p.getLocations()) {
                if (l.getCountry() != null) {
                    cs.add(l.getCountry());
                    if (l.getCity() != null) {
                        cis.add(l.getCountry() + "|" + l.getCity());
                    }
                }
            }
            cs.forEach(c -> countries.merge(c, 1L, Long::sum));
            cis.forEach(c -> cities.merge(c, 1L, Long::sum));
            if (p.getWorkModes().contains("remote")) {
                remote++;
            }
            new LinkedHashSet<>(p.getRoles()).stream().filter(r -> !r.equals(role)).forEach(r -> related.merge(r, 1L, Long::sum));
            Double figure = salaryFigure(p);
            if (figure != null) {
                new LinkedHashSet<>(p.getSeniority()).forEach(s -> salaries.computeIfAbsent(s, k -> new ArrayList<>()).add(figure));
            }
        }
        Map<String, double[]> salary = new LinkedHashMap<>();
        salaries.entrySet().stream()
                .sorted(Comparator.comparingInt(e -> QueryParameters.SENIORITY.indexOf(e.getKey())))
                .forEach(e -> {
                    List<Double> sorted = e.getValue().stream().sorted().toList();
                    salary.put(e.getKey(), new double[] {sorted.size(), sorted.getFirst(), quantile(sorted, 0.25),
                            quantile(sorted, 0.5), quantile(sorted, 0.75), sorted.getLast()});
                });
        List<String> latest = postings.stream()
                .sorted(Comparator.comparing((EnrichedPosting p) -> postedOrSeen(p)).reversed().thenComparing(EnrichedPosting::getId))
                .limit(10).map(EnrichedPosting::getId).toList();
        return new Expected(postings.size(), top(technologies, 15), top(seniority, 50), top(countries, 10),
                top(cities, 10), remote, top(pairs, 10), top(related, 8), latest, salary);
    }

    private static Instant postedOrSeen(EnrichedPosting p) {
        return p.getPostedAt() != null ? p.getPostedAt() : p.getFirstSeenAt();
    }

    /** Highest counts first, ties by key; keys compared as ClickHouse compares strings (bytes, here ASCII). */
    static List<Map.Entry<String, Long>> top(Map<String, Long> counts, int limit) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .limit(limit).map(e -> Map.entry(e.getKey(), e.getValue())).toList();
    }

    /** A posting's one annual USD figure: the middle of its range, or the end it states. */
    public static Double salaryFigure(EnrichedPosting p) {
        EnrichedSalary s = p.getSalary();
        if (s == null) {
            return null;
        }
        if (s.getUsdAnnualMin() != null && s.getUsdAnnualMax() != null) {
            return (s.getUsdAnnualMin() + s.getUsdAnnualMax()) / 2;
        }
        return s.getUsdAnnualMin() != null ? s.getUsdAnnualMin() : s.getUsdAnnualMax();
    }

    /** Linear interpolation between closest ranks (the "inclusive" definition). */
    public static double quantile(List<Double> sorted, double level) {
        double h = level * (sorted.size() - 1);
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.size() - 1);
        return sorted.get(lo) + (h - lo) * (sorted.get(hi) - sorted.get(lo));
    }
}
