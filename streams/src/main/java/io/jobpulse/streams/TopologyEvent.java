package io.jobpulse.streams;

import io.jobpulse.contracts.avro.EnrichedPosting;
import io.jobpulse.streams.aggregate.ContributionChange;

/**
 * What a processing step hands to the next, as a closed set so every branch of the topology is handled (the
 * {@code split()} after each step routes on the case). These values flow between nodes of one sub-topology only and
 * are never serialized as such.
 */
public sealed interface TopologyEvent {

    /** To the dedupe step, keyed by blocking key. */
    record ToBlock(BlockCommand command) implements TopologyEvent {
    }

    /** A posting's new enriched state, keyed by posting id, for the enriched-postings topic. */
    record Published(EnrichedPosting posting) implements TopologyEvent {
    }

    /** A duplicate group's new contribution to one day's aggregates, keyed by that day. */
    record ContributionChanged(ContributionChange change) implements TopologyEvent {
    }

    /** A record that could not be processed, for the dead-letter topic. */
    record Dead(DeadLetter letter) implements TopologyEvent {
    }
}
