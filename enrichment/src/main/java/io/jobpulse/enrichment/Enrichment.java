package io.jobpulse.enrichment;

import java.util.List;

/** Everything extracted from one posting. Lists are in order of first mention and never null; salary may be null. */
public record Enrichment(List<TechnologyMention> technologies, List<Seniority> seniority, List<RoleFamily> roles,
                         List<WorkMode> workModes, List<Location> locations, List<String> remoteRegions, Salary salary,
                         String taxonomyVersion) {
    public Enrichment {
        technologies = List.copyOf(technologies);
        seniority = List.copyOf(seniority);
        roles = List.copyOf(roles);
        workModes = List.copyOf(workModes);
        locations = List.copyOf(locations);
        remoteRegions = List.copyOf(remoteRegions);
    }
}
