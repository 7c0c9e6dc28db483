package io.jobpulse.benchmarks.e2e;

import io.jobpulse.analytics.ClickHouseSettings;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Watches the bulk load arrive in ClickHouse: once a second, the number of distinct bulk postings (not probes) in the
 * {@code postings} table, which is what the API queries. Complete when it reaches the number the sample market
 * publishes; prints a progress line every ten seconds.
 */
final class QueryableCounter implements AutoCloseable {

    /** {@code postings} distinct bulk postings were queryable {@code seconds} after the clock started. */
    record Point(double seconds, long postings) {
    }

    private static final String COUNT = "SELECT uniqExact(id) FROM postings WHERE source != ?";

    private final ClickHouseSettings clickHouse;
    private final long expected;
    private final long clockStart;
    private final PrintStream progress;
    private final Supplier<String> status;
    private final List<Point> points = new ArrayList<>();
    private final Thread thread;
    private volatile boolean stopped;
    private volatile double completedAt = Double.NaN;
    private volatile long latest;

    private QueryableCounter(ClickHouseSettings clickHouse, long expected, long clockStartNanos, PrintStream progress,
                             Supplier<String> status) {
        this.clickHouse = clickHouse;
        this.expected = expected;
        this.clockStart = clockStartNanos;
        this.progress = progress;
        this.status = status;
        this.thread = Thread.ofPlatform().daemon().name("bench-queryable-counter").start(this::watch);
    }

    /** Starts watching; {@code status} adds a note to each progress line (the probes' state). */
    static QueryableCounter start(ClickHouseSettings clickHouse, long expected, long clockStartNanos, PrintStream progress,
                                  Supplier<String> status) {
        return new QueryableCounter(clickHouse, expected, clockStartNanos, progress, status);
    }

    private void watch() {
        long lastLine = System.nanoTime();
        int unanswered = 0;
        try {
            while (!stopped) {
                long postings;
                try {
                    postings = count();
                } catch (SQLException e) {
                    // The sink creates the database and tables when it starts, which can be after the first look.
                    if (++unanswered == 30) {
                        say("  counting queryable postings has failed for 30 s: %s", e.getMessage());
                    }
                    Thread.sleep(1_000);
                    continue;
                }
                long now = System.nanoTime();
                double seconds = (now - clockStart) / 1e9;
                synchronized (points) {
                    points.add(new Point(seconds, postings));
                }
                latest = postings;
                if (postings >= expected) {
                    completedAt = seconds;
                    say("  %,d / %,d postings queryable in ClickHouse after %.1f s: all of the bulk load", postings, expected, seconds);
                    return;
                }
                if (now - lastLine >= 10_000_000_000L) {
                    lastLine = now;
                    say("  %,d / %,d postings queryable in ClickHouse after %.0f s (%,.0f/s so far); %s", postings, expected,
                            seconds, postings / seconds, status.get());
                }
                Thread.sleep(1_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long count() throws SQLException {
        try (Connection c = clickHouse.connect(Map.of()); PreparedStatement count = c.prepareStatement(COUNT)) {
            count.setString(1, LatencyProbe.SOURCE);
            try (ResultSet r = count.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Waits until every bulk posting is queryable; false when {@code timeout} passed first. */
    boolean awaitComplete(Duration timeout) throws InterruptedException {
        thread.join(Math.max(1, timeout.toMillis()));
        return !Double.isNaN(completedAt);
    }

    boolean complete() {
        return !Double.isNaN(completedAt);
    }

    /** Seconds from the clock's start until all bulk postings were queryable; NaN when not (yet). */
    double completedAtSeconds() {
        return completedAt;
    }

    long latest() {
        return latest;
    }

    List<Point> points() {
        synchronized (points) {
            return List.copyOf(points);
        }
    }

    private void say(String format, Object... args) {
        progress.println(String.format(java.util.Locale.ROOT, format, args));
        progress.flush();
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.interrupt();
        thread.join(5_000);
    }
}
