package io.jobpulse.ingest.connector;

/** Receives a connector's items as they are mapped, so large sources stream instead of piling up in memory. */
@FunctionalInterface
public interface ItemSink {

    void accept(FetchedItem item);

    default void parsed(PostingDraft draft) {
        accept(new FetchedItem.Parsed(draft));
    }

    default void rejected(String sourceId, String reason, String raw) {
        accept(FetchedItem.Rejected.of(sourceId, reason, raw));
    }
}
