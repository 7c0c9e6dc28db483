package io.jobpulse.enrichment;

/** One enricher per test JVM: loading the data takes about a second. */
final class Enrichers {
    static final PostingEnricher SHARED = PostingEnricher.create();

    private Enrichers() {}

    static Enrichment enrich(String description) {
        return SHARED.enrich(PostingText.of(null, description));
    }

    static java.util.List<String> tech(String description) {
        return enrich(description).technologies().stream().map(TechnologyMention::name).toList();
    }
}
