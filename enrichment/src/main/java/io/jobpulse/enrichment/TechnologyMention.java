package io.jobpulse.enrichment;

import java.util.List;

/** A technology found in a posting, with every place that made it count. */
public record TechnologyMention(String name, String category, List<Span> evidence) {
    public TechnologyMention {
        evidence = List.copyOf(evidence);
    }
}
