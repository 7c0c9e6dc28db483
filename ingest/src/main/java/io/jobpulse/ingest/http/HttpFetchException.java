package io.jobpulse.ingest.http;

import java.net.URI;

/** A request that failed for good: a non-retryable status, or retries exhausted. */
public final class HttpFetchException extends Exception {

    private final URI uri;
    private final int status;

    public HttpFetchException(URI uri, int status, String message, Throwable cause) {
        super(uri + ": " + message, cause);
        this.uri = uri;
        this.status = status;
    }

    public URI uri() {
        return uri;
    }

    /** The last HTTP status, or 0 when no response came (connection error, timeout). */
    public int status() {
        return status;
    }
}
