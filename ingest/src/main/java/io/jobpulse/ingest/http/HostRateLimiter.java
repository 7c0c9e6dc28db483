package io.jobpulse.ingest.http;

import java.util.HashMap;
import java.util.Map;

/**
 * Spaces requests to one host at least {@code 1 / requestsPerSecond} apart, across every source and thread of the
 * process, so two sources on the same board host share its budget.
 */
public final class HostRateLimiter {

    private final Map<String, Long> nextAllowedNanos = new HashMap<>();

    /** Blocks until a request to {@code host} may go out at the given rate. */
    public void acquire(String host, double requestsPerSecond) throws InterruptedException {
        long interval = (long) (1_000_000_000L / requestsPerSecond);
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long next = nextAllowedNanos.getOrDefault(host, now);
            long slot = Math.max(now, next);
            nextAllowedNanos.put(host, slot + interval);
            wait = slot - now;
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
        }
    }
}
