package io.jobpulse.streams;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Versions for output rows: microseconds since the epoch, strictly increasing within the JVM even when the wall
 * clock does not move or steps back, so a reader that keeps the highest version per key keeps the latest row.
 */
public final class VersionClock {

    private static final AtomicLong LAST = new AtomicLong();

    private VersionClock() {
    }

    public static long next() {
        long now = System.currentTimeMillis() * 1000;
        return LAST.updateAndGet(prev -> Math.max(prev + 1, now));
    }
}
