package io.jobpulse.ingest.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * GETs job-board resources politely and robustly, on {@link java.net.http.HttpClient}: connect and request timeouts;
 * a per-host request rate; retries with exponential backoff and jitter on 429, 5xx and connection errors, honouring
 * {@code Retry-After}; conditional requests ({@code If-None-Match} / {@code If-Modified-Since}); gzip; a descriptive
 * User-Agent; and a cap on body size.
 */
public final class HttpFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(HttpFetcher.class);

    /** Called once per attempt with host and status (0 for a connection error); feeds metrics. */
    public interface RequestListener {
        void onResponse(String host, int status);
    }

    /** Waits between retries; tests pass a recorder. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final HttpClient client;
    private final HttpSettings settings;
    private final HostRateLimiter limiter;
    private final Sleeper sleeper;
    private volatile RequestListener listener = (h, s) -> { };

    public HttpFetcher(HttpSettings settings) {
        this(settings, new HostRateLimiter(), d -> Thread.sleep(d.toMillis()));
    }

    public HttpFetcher(HttpSettings settings, HostRateLimiter limiter, Sleeper sleeper) {
        this.settings = settings;
        this.limiter = limiter;
        this.sleeper = sleeper;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public HttpSettings settings() {
        return settings;
    }

    public void listener(RequestListener listener) {
        this.listener = listener;
    }

    /** GET at the default per-host rate, unconditionally. */
    public FetchedResponse get(URI uri) throws HttpFetchException, InterruptedException {
        return get(uri, Validators.NONE, settings.defaultRequestsPerSecond(), b -> { });
    }

    /**
     * GET with retries.
     *
     * @param conditional       validators from the last response of this URL; {@link Validators#NONE} for none
     * @param requestsPerSecond the rate this source allows for the URL's host
     * @param headers           extra request headers (e.g. Accept)
     * @return a 2xx or (only when {@code conditional} is non-empty) 304 response
     * @throws HttpFetchException on a non-retryable status or when retries are exhausted
     */
    public FetchedResponse get(URI uri, Validators conditional, double requestsPerSecond,
                               Consumer<HttpRequest.Builder> headers) throws HttpFetchException, InterruptedException {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT) + ":" + uri.getPort();
        int lastStatus = 0;
        Exception lastError = null;
        for (int attempt = 0; attempt <= settings.maxRetries(); attempt++) {
            limiter.acquire(host, requestsPerSecond);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(settings.requestTimeout())
                    .header("User-Agent", settings.userAgent())
                    .header("Accept-Encoding", "gzip, deflate")
                    .GET();
            if (conditional.etag() != null) {
                request.header("If-None-Match", conditional.etag());
            }
            if (conditional.lastModified() != null) {
                request.header("If-Modified-Since", conditional.lastModified());
            }
            headers.accept(request);
            Duration retryAfter = null;
            try {
                HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                lastStatus = response.statusCode();
                listener.onResponse(uri.getHost(), lastStatus);
                if (lastStatus == 304 && !conditional.isEmpty()) {
                    response.body().close();
                    return new FetchedResponse(uri, 304, null, new byte[0], conditional);
                }
                if (lastStatus >= 200 && lastStatus < 300) {
                    byte[] body = readBody(uri, response);
                    return new FetchedResponse(uri, lastStatus,
                            response.headers().firstValue("Content-Type").orElse(null), body,
                            new Validators(response.headers().firstValue("ETag").orElse(null),
                                    response.headers().firstValue("Last-Modified").orElse(null)));
                }
                response.body().close();
                if (lastStatus != 429 && lastStatus < 500) {
                    throw new HttpFetchException(uri, lastStatus, "HTTP " + lastStatus, null);
                }
                retryAfter = response.headers().firstValue("Retry-After").map(HttpFetcher::parseRetryAfter).orElse(null);
                lastError = null;
            } catch (IOException e) {
                listener.onResponse(uri.getHost(), 0);
                lastStatus = 0;
                lastError = e;
            }
            if (attempt == settings.maxRetries()) {
                break;
            }
            Duration delay;
            if (retryAfter != null) {
                if (retryAfter.compareTo(settings.maxRetryAfter()) > 0) {
                    throw new HttpFetchException(uri, lastStatus, "HTTP " + lastStatus + " asking to retry after "
                            + retryAfter.toSeconds() + "s, longer than the " + settings.maxRetryAfter().toSeconds()
                            + "s we wait within a run", null);
                }
                delay = retryAfter;
            } else {
                delay = backoff(attempt);
            }
            LOG.debug("GET {} failed ({}), retry {} in {} ms", uri, lastError != null ? lastError.toString()
                    : "HTTP " + lastStatus, attempt + 1, delay.toMillis());
            sleeper.sleep(delay);
        }
        String what = lastError != null ? lastError.getClass().getSimpleName()
                + (lastError.getMessage() == null ? "" : ": " + lastError.getMessage()) : "HTTP " + lastStatus;
        throw new HttpFetchException(uri, lastStatus, what + " after " + (settings.maxRetries() + 1) + " attempts",
                lastError);
    }

    /** Exponential backoff with jitter: half the doubled delay fixed, half random, so retries spread out. */
    Duration backoff(int attempt) {
        long base = settings.initialBackoff().toMillis() << Math.min(attempt, 20);
        long capped = Math.min(base, settings.maxBackoff().toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    /** {@code Retry-After} is either delay-seconds or an HTTP-date. */
    static Duration parseRetryAfter(String value) {
        String v = value.strip();
        try {
            long seconds = Long.parseLong(v);
            return Duration.ofSeconds(Math.max(0, seconds));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(Instant.now(), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private byte[] readBody(URI uri, HttpResponse<InputStream> response) throws IOException, HttpFetchException {
        String encoding = response.headers().firstValue("Content-Encoding").orElse("").toLowerCase(Locale.ROOT);
        try (InputStream raw = response.body();
             InputStream in = switch (encoding) {
                 case "gzip", "x-gzip" -> new GZIPInputStream(raw, 16 * 1024);
                 case "deflate" -> new InflaterInputStream(raw);
                 default -> raw;
             }) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
            byte[] buf = new byte[16 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buf)) >= 0) {
                total += n;
                if (total > settings.maxBodyBytes()) {
                    throw new HttpFetchException(uri, response.statusCode(), "response larger than "
                            + settings.maxBodyBytes() + " bytes", null);
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }
}
