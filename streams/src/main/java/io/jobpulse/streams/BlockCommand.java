package io.jobpulse.streams;

import io.jobpulse.contracts.avro.EnrichedPosting;

/** What the lifecycle step tells the dedupe step, keyed by blocking key on the internal repartition topic. */
public sealed interface BlockCommand {

    String postingId();

    /** The posting is new, changed, re-published or closed (status inside); it belongs to this block. */
    record Upsert(EnrichedPosting posting) implements BlockCommand {
        @Override
        public String postingId() {
            return posting.getId();
        }
    }

    /** The posting now belongs to another block: take it out of its group here. */
    record Leave(String postingId) implements BlockCommand {
    }
}
