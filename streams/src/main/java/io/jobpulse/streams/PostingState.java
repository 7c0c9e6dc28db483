package io.jobpulse.streams;

import io.jobpulse.contracts.avro.EnrichedPosting;

import java.util.Objects;

/**
 * What the lifecycle store keeps per posting id: the blocking key it was last compared under (so a change of
 * company, title or place can take it out of its old block) and its last enriched state, from which a CLOSED event
 * (identity only) is turned into a complete closed {@link EnrichedPosting}. First/last seen live in {@code last}.
 *
 * @param encodedLast {@code last} already in the internal Avro binary form, or null: the lifecycle step encodes a
 *                    posting once for both the store and the repartition record (see {@link BlockCommand.Upsert}).
 *                    Not part of equality.
 */
public record PostingState(String blockingKey, EnrichedPosting last, byte[] encodedLast) {

    public PostingState(String blockingKey, EnrichedPosting last) {
        this(blockingKey, last, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PostingState s && blockingKey.equals(s.blockingKey) && last.equals(s.last);
    }

    @Override
    public int hashCode() {
        return Objects.hash(blockingKey, last);
    }

    @Override
    public String toString() {
        return "PostingState[blockingKey=" + blockingKey + ", last=" + last.getId() + "]";
    }
}
