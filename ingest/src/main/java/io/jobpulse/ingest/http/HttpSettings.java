package io.jobpulse.ingest.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How ingest talks HTTP to job boards. Parsed once from the {@code http:} section of {@code sources.yaml}.
 *
 * @param connectTimeout         TCP/TLS connect timeout
 * @param requestTimeout         whole-response timeout of one attempt
 * @param maxRetries             retries after the first attempt, on 429, 5xx and connection errors
 * @param initialBackoff         first retry delay; doubles per retry, with jitter
 * @param maxBackoff             cap of one retry delay
 * @param maxRetryAfter          longest {@code Retry-After} we wait; a source asking for more fails this run instead
 * @param maxBodyBytes           larger (decompressed) responses are refused
 * @param userAgent              sent on every request
 * @param defaultRequestsPerSecond per-host request rate when the source does not set one
 */
public record HttpSettings(
        Duration connectTimeout,
        Duration requestTimeout,
        int maxRetries,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration maxRetryAfter,
        long maxBodyBytes,
        String userAgent,
        double defaultRequestsPerSecond) {

    public static final String PRODUCT = "jobpulse-ingest/0.1";

    public HttpSettings {
        Objects.requireNonNull(userAgent, "userAgent");
        if (maxRetries < 0 || defaultRequestsPerSecond <= 0 || maxBodyBytes <= 0) {
            throw new IllegalArgumentException("invalid HTTP settings");
        }
    }

    /** A descriptive User-Agent: product, project page and the operator's contact, as polite crawlers do. */
    public static String userAgent(String contact) {
        String c = contact == null || contact.isBlank() ? "" : "; contact: " + contact.strip();
        return PRODUCT + " (+https://github.com/jobpulse/jobpulse" + c + ")";
    }

    public static HttpSettings defaults(String contact) {
        return new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(60), 4, Duration.ofSeconds(1),
                Duration.ofSeconds(30), Duration.ofMinutes(2), 64L * 1024 * 1024, userAgent(contact), 2.0);
    }

    public HttpSettings withBackoff(Duration initial, Duration max) {
        return new HttpSettings(connectTimeout, requestTimeout, maxRetries, initial, max, maxRetryAfter, maxBodyBytes,
                userAgent, defaultRequestsPerSecond);
    }
}
