package io.jobpulse.ingest.connector;

import java.util.function.Supplier;

/** What a connector hands over for each item of its source: a mapped posting, or an item it could not map. */
public sealed interface FetchedItem {

    /** A posting mapped into a draft, still to be normalized. */
    record Parsed(PostingDraft draft) implements FetchedItem {
    }

    /**
     * An item (or a whole response) the connector could not map.
     *
     * @param sourceId   the item's id when it could be read, else null; an unidentified rejection makes the fetch
     *                   partial, so nothing is closed on its account
     * @param reason     why, for operators
     * @param rawPayload the item as the source sent it (capped before it is published)
     */
    record Rejected(String sourceId, String reason, Supplier<String> rawPayload) implements FetchedItem {
        public static Rejected of(String sourceId, String reason, String raw) {
            return new Rejected(sourceId, reason, () -> raw);
        }
    }
}
