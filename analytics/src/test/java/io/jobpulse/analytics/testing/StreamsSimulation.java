package io.jobpulse.analytics.testing;

import io.jobpulse.contracts.avro.AggregateRow;
import io.jobpulse.contracts.avro.EnrichedPosting;
import io.jobpulse.contracts.avro.ResolvedLocation;
import io.jobpulse.contracts.avro.TechnologyMatch;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the streams stage emits on the aggregates topic, computed naively from the current state of every posting:
 * absolute daily cells over one active posting per job ({@link Truth#representatives}), keyed as in {@code AggregateRow}. Used to feed the
 * sink in tests; {@link #changedCells} gives the cells a change touches, as the streams stage re-emits them.
 *
 * <p>Location cells: one {@code (country, '')} cell per distinct country of a posting and one {@code (country, city)}
 * per distinct city.
 */
public final class StreamsSimulation {

    private final Map<String, EnrichedPosting> current = new HashMap<>();
    private Map<String, AggregateRow> cells = new TreeMap<>();
    private long version = 5_000_000L;

    /** Applies postings (latest version wins) and returns the aggregate rows whose value changed, with new versions. */
    public List<AggregateRow> apply(Collection<EnrichedPosting> postings) {
        for (EnrichedPosting p : postings) {
            EnrichedPosting old = current.get(p.getId());
            if (old == null || old.getVersion() <= p.getVersion()) {
                current.put(p.getId(), p);
            }
        }
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, List<Double>> salaries = new TreeMap<>();
        for (EnrichedPosting p : Truth.representatives(current.values())) {
            List<String> roles = new ArrayList<>(p.getRoles());
            roles.add("*");
            for (String role : roles) {
                String prefix = role + "|" + p.getDay() + "|";
                inc(counts, "postings|" + prefix + "|");
                List<String> techs = p.getTechnologies().stream().map(TechnologyMatch::getName).distinct().sorted().toList();
                for (String t : techs) {
                    inc(counts, "technology|" + prefix + t + "|");
                }
                for (int i = 0; i < techs.size(); i++) {
                    for (int j = i + 1; j < techs.size(); j++) {
                        inc(counts, "technology_pair|" + prefix + techs.get(i) + "|" + techs.get(j));
                    }
                }
                for (String s : new LinkedHashSet<>(p.getSeniority())) {
                    inc(counts, "seniority|" + prefix + s + "|");
                }
                for (String m : new LinkedHashSet<>(p.getWorkModes())) {
                    inc(counts, "work_mode|" + prefix + m + "|");
                }
                Set<String> countries = new LinkedHashSet<>();
                Set<String> cities = new LinkedHashSet<>();
                for (ResolvedLocation l : p.getLocations()) {
                    if (l.getCountry() != null) {
                        countries.add(l.getCountry());
                        if (l.getCity() != null) {
                            cities.add(l.getCountry() + "|" + l.getCity());
                        }
                    }
                }
                countries.forEach(c -> inc(counts, "location|" + prefix + c + "|"));
                cities.forEach(c -> inc(counts, "location|" + prefix + c));
                Double mid = Truth.salaryFigure(p);
                if (mid != null) {
                    for (String s : p.getSeniority().isEmpty() ? List.of("unknown") : p.getSeniority()) {
                        salaries.computeIfAbsent("salary|" + prefix + s + "|", k -> new ArrayList<>()).add(mid);
                    }
                }
            }
        }
        Map<String, AggregateRow> next = new TreeMap<>();
        counts.forEach((key, n) -> next.put(key, row(key, n[0], null)));
        salaries.forEach((key, values) -> next.put(key, row(key, values.size(), values)));
        List<AggregateRow> changed = new ArrayList<>();
        for (var e : next.entrySet()) {
            AggregateRow old = cells.get(e.getKey());
            if (old == null || !sameValue(old, e.getValue())) {
                changed.add(e.getValue());
            }
        }
        for (var e : cells.entrySet()) {
            if (!next.containsKey(e.getKey())) {
                // The cell emptied: emit a zero so readers overwrite the old count.
                AggregateRow zero = row(e.getKey(), 0, null);
                changed.add(zero);
                next.put(e.getKey(), zero);
            }
        }
        cells = next;
        return changed;
    }

    /** The latest value of every cell emitted so far, by key. */
    public Map<String, AggregateRow> cells() {
        return cells;
    }

    public Map<String, EnrichedPosting> current() {
        return current;
    }

    private static boolean sameValue(AggregateRow a, AggregateRow b) {
        return a.getCount() == b.getCount() && java.util.Objects.equals(a.getSalaryMedianUsd(), b.getSalaryMedianUsd())
                && java.util.Objects.equals(a.getSalaryMinUsd(), b.getSalaryMinUsd())
                && java.util.Objects.equals(a.getSalaryMaxUsd(), b.getSalaryMaxUsd());
    }

    private AggregateRow row(String key, long count, List<Double> salaries) {
        String[] parts = key.split("\\|", -1);
        AggregateRow.Builder b = AggregateRow.newBuilder().setAggregate(parts[0]).setRole(parts[1])
                .setDay(LocalDate.parse(parts[2])).setDim1(parts[3]).setDim2(parts[4]).setCount(count)
                .setVersion(++version).setTaxonomyVersion("test-1");
        if (salaries != null) {
            List<Double> sorted = salaries.stream().sorted().toList();
            b.setSalaryCount(sorted.size()).setSalaryMinUsd(sorted.getFirst()).setSalaryMaxUsd(sorted.getLast())
                    .setSalaryP25Usd(Truth.quantile(sorted, 0.25)).setSalaryMedianUsd(Truth.quantile(sorted, 0.5))
                    .setSalaryP75Usd(Truth.quantile(sorted, 0.75));
        }
        return b.build();
    }

    private static void inc(Map<String, long[]> counts, String key) {
        counts.computeIfAbsent(key, k -> new long[1])[0]++;
    }
}
