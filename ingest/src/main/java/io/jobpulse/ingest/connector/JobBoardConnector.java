package io.jobpulse.ingest.connector;

import java.time.Duration;
import java.util.List;

/**
 * One kind of job source (a board API, a feed, a file). A connector maps its source's documented format into
 * {@link PostingDraft}s and hands them to an {@link ItemSink} as it reads; it never talks to Kafka, never decides
 * what is new, and never normalizes text: the run does that, the same way for every source.
 *
 * <p>To add a board: a package under {@code connector}, a class implementing this, and one line in
 * {@link ConnectorRegistry#builtIn()}.
 */
public interface JobBoardConnector {

    /** Short name used in {@code sources.yaml} ({@code connector: greenhouse}) and as the posting's source. */
    String name();

    /** One line on what it reads. */
    String description();

    /** The source's terms that matter to users (link-back, credit, rate guidance) and how defaults honour them. */
    String terms();

    /** Options a source entry of this connector accepts. */
    List<ConnectorOption> options();

    /** Default per-host request rate; sources may lower it (or raise it where their terms allow). */
    default double defaultRequestsPerSecond() {
        return 1.0;
    }

    /**
     * Least time between two fetches of one source instance; the scheduler skips the source until it has passed,
     * for sources that ask to be polled rarely.
     */
    default Duration defaultMinInterval() {
        return Duration.ZERO;
    }

    /** Instance id when the source entry gives none, e.g. {@code greenhouse:gitlab}. */
    String defaultInstanceId(SourceOptions options);

    /**
     * Reads the source, handing every item to {@code sink} in the source's order.
     *
     * @return how complete the fetch was
     * @throws Exception when the source could not be read at all (after the HTTP client's retries); the run
     *                   records the error and treats the fetch as partial
     */
    FetchOutcome fetch(FetchContext context, ItemSink sink) throws Exception;
}
