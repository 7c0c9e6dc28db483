package io.jobpulse.ingest.connector;

/**
 * How a connector's fetch ended. Only a {@link Complete} fetch lets the run close postings the source no longer
 * lists; anything else keeps every previously seen posting open.
 */
public sealed interface FetchOutcome {

    /** Every posting the source lists was handed over. */
    record Complete() implements FetchOutcome {
    }

    /** The source answered "not modified" to a conditional request: everything is as last time. */
    record NotModified() implements FetchOutcome {
    }

    /** Some postings may be missing (a page failed, paging looped, a cap was hit). */
    record Partial(String reason) implements FetchOutcome {
    }

    static FetchOutcome complete() {
        return new Complete();
    }

    static FetchOutcome partial(String reason) {
        return new Partial(reason);
    }
}
