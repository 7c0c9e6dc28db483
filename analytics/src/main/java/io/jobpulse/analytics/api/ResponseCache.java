package io.jobpulse.analytics.api;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps answers per validated request: the role pages are a small set of (role, window) pairs that every viewer asks
 * for, their data moves only with the sink's batches, and computing one scans the postings table. Concurrent requests
 * for the same key wait for one computation. An answer older than the TTL is still served while one background
 * refresh replaces it (stale-while-revalidate), so after the first computation no request waits for ClickHouse.
 * Failures are not kept. A TTL of zero disables the cache.
 */
final class ResponseCache {

    private static final Logger log = LoggerFactory.getLogger(ResponseCache.class);

    /** A computation that may fail with a ClickHouse error. */
    @FunctionalInterface
    interface Query<T> {
        T run() throws SQLException;
    }

    private record Entry(CompletableFuture<Object> value, long computedAtNanos, AtomicBoolean refreshing) {
    }

    private final long ttlNanos;
    private final ConcurrentHashMap<Object, Entry> entries = new ConcurrentHashMap<>();

    ResponseCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    boolean enabled() {
        return ttlNanos > 0;
    }

    @SuppressWarnings("unchecked")
    <T> T get(Object key, Query<T> query) throws SQLException {
        if (ttlNanos <= 0) {
            return query.run();
        }
        Entry mine = new Entry(new CompletableFuture<>(), System.nanoTime(), new AtomicBoolean());
        Entry entry = entries.putIfAbsent(key, mine);
        if (entry == null) {
            entry = mine;
            compute(key, mine, query);
        } else if (entry.value().isDone() && !entry.value().isCompletedExceptionally()
                && System.nanoTime() - entry.computedAtNanos() > ttlNanos
                && entry.refreshing().compareAndSet(false, true)) {
            Entry stale = entry;
            Thread.ofVirtual().name("answer-refresh").start(() -> refresh(key, stale, query));
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

    private <T> void compute(Object key, Entry entry, Query<T> query) {
        try {
            entry.value().complete(query.run());
        } catch (SQLException | RuntimeException e) {
            entries.remove(key, entry);
            entry.value().completeExceptionally(e);
        }
    }

    private <T> void refresh(Object key, Entry stale, Query<T> query) {
        try {
            T fresh = query.run();
            entries.replace(key, stale, new Entry(CompletableFuture.completedFuture(fresh), System.nanoTime(), new AtomicBoolean()));
        } catch (SQLException | RuntimeException e) {
            log.debug("refreshing {} failed; the previous answer stays until the next try", key, e);
            stale.refreshing().set(false);
        }
    }
}
