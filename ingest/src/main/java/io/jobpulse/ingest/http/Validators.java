package io.jobpulse.ingest.http;

/**
 * Cache validators of one URL from its last successful response, sent back as {@code If-None-Match} and
 * {@code If-Modified-Since} so an unchanged source answers 304 with no body.
 */
public record Validators(String etag, String lastModified) {

    public static final Validators NONE = new Validators(null, null);

    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }
}
