package io.jobpulse.streams;

import io.jobpulse.contracts.avro.EnrichedPosting;

/** What the lifecycle step tells the dedupe step, keyed by blocking key on the internal repartition topic. */
public sealed interface BlockCommand {

    String postingId();

    /**
     * The posting is new, changed, re-published or closed (status inside); it belongs to this block.
     *
     * @param encoded the posting already in the internal Avro binary form, or null (then the serde encodes it); not
     *                part of equality
     */
    record Upsert(EnrichedPosting posting, byte[] encoded) implements BlockCommand {

        public Upsert(EnrichedPosting posting) {
            this(posting, null);
        }

        @Override
        public String postingId() {
            return posting.getId();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Upsert u && posting.equals(u.posting);
        }

        @Override
        public int hashCode() {
            return posting.hashCode();
        }

        @Override
        public String toString() {
            return "Upsert[" + posting.getId() + "]";
        }
    }

    /** The posting now belongs to another block: take it out of its group here. */
    record Leave(String postingId) implements BlockCommand {
    }
}
