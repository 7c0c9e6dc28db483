package io.jobpulse.ingest.run;

/**
 * What one source's run did.
 *
 * @param fetched   items the connector handed over (postings and rejected items)
 * @param created   postings published as new
 * @param changed   postings re-published because their content hash changed
 * @param unchanged postings seen with the same hash (not re-published)
 * @param closed    postings published as CLOSED (only after a complete fetch)
 * @param rejected  items sent to the dead-letter topic
 * @param errors    fetch or publish failures (0 or more)
 * @param message   why the status is what it is, for humans
 */
public record SourceSummary(String source, String connector, Status status, int fetched, int created, int changed,
                            int unchanged, int closed, int rejected, int errors, long durationMs, String message) {

    /** How a source's run ended. */
    public enum Status {
        /** Fetched completely; closures applied. */
        COMPLETE,
        /** The source said nothing changed since the last complete fetch (HTTP 304). */
        NOT_MODIFIED,
        /** Some postings may be missing; what was fetched is published, nothing closed. */
        PARTIAL,
        /** The source could not be read or publishing failed; nothing closed. */
        FAILED,
        /** Not due yet (its min-interval since the last complete fetch has not passed). */
        SKIPPED,
        /** {@code enabled: false} in the config. */
        DISABLED
    }

    public boolean failed() {
        return status == Status.FAILED;
    }
}
