package io.jobpulse.streams;

import io.jobpulse.contracts.TopicSpec;
import io.jobpulse.contracts.Topics;

import java.util.List;

/**
 * The external topics one deployment of the topology uses: the {@link Topics} registry's names, optionally with a
 * suffix so that several isolated pipelines (integration tests, a staging copy) can share one cluster.
 */
public record TopicNames(String postings, String enrichedPostings, String aggregates, String deadLetters) {

    public static final TopicNames DEFAULT = suffixed("");

    public static TopicNames suffixed(String suffix) {
        return new TopicNames(Topics.POSTINGS.name() + suffix, Topics.ENRICHED_POSTINGS.name() + suffix,
                Topics.AGGREGATES.name() + suffix, Topics.STREAMS_DEAD_LETTERS.name() + suffix);
    }

    /** Specs to create them from: the registry's partitions and configs under these names. */
    public List<TopicSpec<?, ?>> specs() {
        return List.of(rename(Topics.POSTINGS, postings), rename(Topics.ENRICHED_POSTINGS, enrichedPostings),
                rename(Topics.AGGREGATES, aggregates), rename(Topics.STREAMS_DEAD_LETTERS, deadLetters));
    }

    private static <K, V> TopicSpec<K, V> rename(TopicSpec<K, V> spec, String name) {
        return new TopicSpec<>(name, spec.partitions(), spec.configs(), spec.keyType(), spec.valueType(), spec.description());
    }
}
