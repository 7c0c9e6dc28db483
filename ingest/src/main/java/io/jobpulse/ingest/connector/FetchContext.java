package io.jobpulse.ingest.connector;

import io.jobpulse.ingest.http.FetchedResponse;
import io.jobpulse.ingest.http.HttpFetchException;
import io.jobpulse.ingest.http.HttpFetcher;
import io.jobpulse.ingest.http.Validators;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a connector gets for one fetch of one source instance: its options, HTTP at the source's rate, the cache
 * validators from the last complete run, and a progress callback.
 */
public final class FetchContext {

    /** Progress of one source's fetch, for the progress bar. */
    public interface Progress {
        /** A page or document was fetched; {@code totalPages} is -1 when unknown. */
        void page(int pagesSoFar, int totalPages);
    }

    private final String instanceId;
    private final SourceOptions options;
    private final HttpFetcher http;
    private final double requestsPerSecond;
    private final Map<String, Validators> previousValidators;
    private final Map<String, Validators> newValidators = new HashMap<>();
    private final Progress progress;
    private int pages;
    private Runnable beforeRequest = () -> { };

    public FetchContext(String instanceId, SourceOptions options, HttpFetcher http, double requestsPerSecond,
                        Map<String, Validators> previousValidators, Progress progress) {
        this.instanceId = Objects.requireNonNull(instanceId);
        this.options = Objects.requireNonNull(options);
        this.http = http;
        this.requestsPerSecond = requestsPerSecond;
        this.previousValidators = Map.copyOf(previousValidators);
        this.progress = progress == null ? (p, t) -> { } : progress;
    }

    /**
     * Called before every request: the run uses it to finish publishing what the connector has handed over so far,
     * so a slow or stuck next page does not hold back postings already fetched.
     */
    public void beforeRequest(Runnable hook) {
        this.beforeRequest = hook;
    }

    public String instanceId() {
        return instanceId;
    }

    public SourceOptions options() {
        return options;
    }

    public HttpFetcher http() {
        return http;
    }

    public double requestsPerSecond() {
        return requestsPerSecond;
    }

    /** Plain GET at this source's rate (retries included). */
    public FetchedResponse get(URI uri) throws HttpFetchException, InterruptedException {
        return get(uri, false, b -> { });
    }

    /**
     * GET, conditional on the validators the last complete run saw for this URL when {@code conditional} is set.
     * The response's validators are remembered and saved with the checkpoint if the run completes.
     */
    public FetchedResponse get(URI uri, boolean conditional, Consumer<HttpRequest.Builder> headers)
            throws HttpFetchException, InterruptedException {
        Validators previous = conditional ? previousValidators.getOrDefault(uri.toString(), Validators.NONE)
                : Validators.NONE;
        beforeRequest.run();
        FetchedResponse response = http.get(uri, previous, requestsPerSecond, headers);
        if (conditional && !response.validators().isEmpty()) {
            newValidators.put(uri.toString(), response.validators());
        }
        progress.page(++pages, -1);
        return response;
    }

    public void progress(int pagesSoFar, int totalPages) {
        progress.page(pagesSoFar, totalPages);
    }

    /** Validators of this fetch's conditional responses, keyed by URL. */
    public Map<String, Validators> newValidators() {
        return Map.copyOf(newValidators);
    }
}
