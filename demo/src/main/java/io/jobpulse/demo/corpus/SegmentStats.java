package io.jobpulse.demo.corpus;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What the API should show for one role (or {@code *}, all roles) over one time window on one simulated day, counted
 * over active jobs, each job once however many boards list it.
 *
 * @param activeJobs    active jobs in the segment
 * @param technologies  jobs naming each technology (canonical name)
 * @param seniority     jobs per level label
 * @param countries     jobs per ISO-2 country (jobs in a city)
 * @param cities        jobs per "City, CC"
 * @param workModes     jobs per remote / hybrid / onsite
 * @param remoteRegions remote jobs per region (US, GB, EU, WORLD)
 * @param salaries      yearly USD midpoints of the jobs stating pay, ascending
 * @param salaryBySeniority the same midpoints per level label
 */
public record SegmentStats(int activeJobs, SortedMap<String, Integer> technologies, SortedMap<String, Integer> seniority,
                           SortedMap<String, Integer> countries, SortedMap<String, Integer> cities,
                           SortedMap<String, Integer> workModes, SortedMap<String, Integer> remoteRegions,
                           List<Double> salaries, SortedMap<String, List<Double>> salaryBySeniority) {

    /** Median of the salary midpoints (mean of the middle two for an even count), or null without salaries. */
    public Double medianSalary() {
        return median(salaries);
    }

    static Double median(List<Double> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("active_jobs", activeJobs);
        m.put("technologies", technologies);
        m.put("seniority", seniority);
        m.put("countries", countries);
        m.put("cities", cities);
        m.put("work_modes", workModes);
        m.put("remote_regions", remoteRegions);
        Map<String, Object> s = new java.util.LinkedHashMap<>();
        s.put("count", salaries.size());
        s.put("min_usd", salaries.isEmpty() ? null : salaries.getFirst());
        s.put("median_usd", medianSalary());
        s.put("max_usd", salaries.isEmpty() ? null : salaries.getLast());
        s.put("usd_annual_midpoints", salaries);
        s.put("by_seniority", salaryBySeniority);
        m.put("salary", s);
        return m;
    }
}
