package io.jobpulse.streams.aggregate;

import io.jobpulse.contracts.avro.EnrichedPosting;
import io.jobpulse.contracts.avro.EnrichedSalary;
import io.jobpulse.contracts.avro.ResolvedLocation;
import io.jobpulse.contracts.avro.TechnologyMatch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one counted job adds to the daily aggregates: only the fields the cells are made of. It is kept for every
 * duplicate-group member in the dedupe store, so that when the job changes or closes its old cells can be retracted
 * exactly (the old contribution is the one stored, not a re-computation under a newer taxonomy).
 *
 * @param day             epoch day the job counts on
 * @param taxonomyVersion enrichment taxonomy that produced the fields
 * @param roles           role families (may be empty: the job then counts only under role '*')
 * @param technologies    canonical technology names, distinct
 * @param seniority       seniority levels, distinct
 * @param places          "CC" or "CC|City" entries, distinct, from resolved locations
 * @param workModes       remote, hybrid, onsite
 * @param salaryUsd       yearly USD figure (midpoint of the range) or null
 */
public record Contribution(int day, String taxonomyVersion, List<String> roles, List<String> technologies,
                           List<String> seniority, List<String> places, List<String> workModes, Double salaryUsd) {

    public Contribution {
        roles = List.copyOf(roles);
        technologies = List.copyOf(technologies);
        seniority = List.copyOf(seniority);
        places = List.copyOf(places);
        workModes = List.copyOf(workModes);
    }

    public static Contribution of(EnrichedPosting p) {
        List<String> techs = distinct(p.getTechnologies().stream().map(TechnologyMatch::getName).toList());
        List<String> places = new ArrayList<>();
        for (ResolvedLocation l : p.getLocations()) {
            if (l.getCountry() == null || l.getCountry().isBlank()) {
                continue;
            }
            places.add(l.getCountry() + (l.getCity() == null || l.getCity().isBlank() ? "" : "|" + l.getCity()));
        }
        return new Contribution((int) p.getDay().toEpochDay(), p.getTaxonomyVersion(), distinct(p.getRoles()), techs,
                distinct(p.getSeniority()), distinct(places), distinct(p.getWorkModes()), salaryUsd(p.getSalary()));
    }

    /** One figure per posting: the midpoint of its USD yearly range, or the bound it states. */
    static Double salaryUsd(EnrichedSalary s) {
        if (s == null) {
            return null;
        }
        Double lo = s.getUsdAnnualMin();
        Double hi = s.getUsdAnnualMax();
        if (lo != null && hi != null) {
            return Math.round((lo + hi) / 2 * 100) / 100.0;
        }
        return lo != null ? lo : hi;
    }

    private static List<String> distinct(List<String> values) {
        Set<String> set = new LinkedHashSet<>(values);
        return List.copyOf(set);
    }
}
