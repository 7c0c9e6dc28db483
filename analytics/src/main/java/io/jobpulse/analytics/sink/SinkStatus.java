package io.jobpulse.analytics.sink;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the sink reports about itself, read by {@code /health} and logs: its state, totals, and the last ClickHouse
 * failure while it backs off. Written by the sink thread only; read from any thread.
 */
public final class SinkStatus {

    /** RUNNING: writing normally. BACKING_OFF: ClickHouse failed, the batch is held and retried. */
    public enum State { STARTING, RUNNING, BACKING_OFF, STOPPED, FAILED }

    private volatile State state = State.STARTING;
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private volatile Instant lastBatchAt;
    private volatile int consecutiveFailures;
    private final AtomicLong rowsWritten = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong insertFailures = new AtomicLong();

    /** An immutable copy for reporting. */
    public record Snapshot(State state, long rowsWritten, long batches, long deadLettered, long insertFailures,
                           int consecutiveFailures, String lastError, Instant lastErrorAt, Instant lastBatchAt) {
    }

    public Snapshot snapshot() {
        return new Snapshot(state, rowsWritten.get(), batches.get(), deadLettered.get(), insertFailures.get(),
                consecutiveFailures, lastError, lastErrorAt, lastBatchAt);
    }

    public State state() {
        return state;
    }

    void state(State s) {
        state = s;
    }

    void batchWritten(long rows, long rejected) {
        rowsWritten.addAndGet(rows);
        deadLettered.addAndGet(rejected);
        batches.incrementAndGet();
        lastBatchAt = Instant.now();
        consecutiveFailures = 0;
        state = State.RUNNING;
    }

    void failed(String error) {
        insertFailures.incrementAndGet();
        consecutiveFailures++;
        lastError = error;
        lastErrorAt = Instant.now();
        state = State.BACKING_OFF;
    }

    void fatal(String error) {
        lastError = error;
        lastErrorAt = Instant.now();
        state = State.FAILED;
    }
}
