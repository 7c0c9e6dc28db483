package io.jobpulse.streams;

import io.jobpulse.contracts.avro.EnrichedPosting;

/**
 * What the lifecycle store keeps per posting id: the blocking key it was last compared under (so a change of
 * company, title or place can take it out of its old block) and its last enriched state, from which a CLOSED event
 * (identity only) is turned into a complete closed {@link EnrichedPosting}. First/last seen live in {@code last}.
 */
public record PostingState(String blockingKey, EnrichedPosting last) {
}
