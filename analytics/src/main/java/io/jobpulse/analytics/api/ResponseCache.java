package io.jobpulse.analytics.api;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Keeps answers for a short time, per validated request: the role pages are a small set of (role, window) pairs that
 * every viewer asks for, and their data moves only with the sink's batches. Concurrent requests for the same key wait
 * for one computation rather than each sending its own queries. Failures are not kept. A TTL of zero disables it.
 */
final class ResponseCache {

    /** A computation that may fail with a ClickHouse error. */
    @FunctionalInterface
    interface Query<T> {
        T run() throws SQLException;
    }

    private record Entry(CompletableFuture<Object> value, long expiresAtNanos) {
    }

    private final long ttlNanos;
    private final ConcurrentHashMap<Object, Entry> entries = new ConcurrentHashMap<>();

    ResponseCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    @SuppressWarnings("unchecked")
    <T> T get(Object key, Query<T> query) throws SQLException {
        if (ttlNanos <= 0) {
            return query.run();
        }
        long now = System.nanoTime();
        Entry mine = new Entry(new CompletableFuture<>(), now + ttlNanos);
        Entry entry = entries.compute(key, (k, old) -> old == null || old.expiresAtNanos() - now <= 0 ? mine : old);
        if (entry == mine) {
            try {
                mine.value().complete(query.run());
            } catch (SQLException | RuntimeException e) {
                entries.remove(key, mine);
                mine.value().completeExceptionally(e);
                throw e;
            }
            if (entries.size() > 10_000) {
                entries.entrySet().removeIf(e -> e.getValue().expiresAtNanos() - System.nanoTime() <= 0);
            }
        }
        try {
            return (T) entry.value().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
