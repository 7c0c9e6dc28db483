package io.jobpulse.ingest.run;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Runs a job on a fixed cadence: starts at t0, t0+every, t0+2·every, ... A run that overruns its slot is never
 * overlapped: the next run starts at the first slot after it ends (missed slots are skipped, not caught up).
 * A failing run is logged and the schedule goes on.
 */
public final class RunScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(RunScheduler.class);

    /** One scheduled run. */
    @FunctionalInterface
    public interface Job {
        void run() throws Exception;
    }

    /** Waits until an instant; tests pass a fake. */
    @FunctionalInterface
    public interface Sleeper {
        void sleepUntil(Instant when) throws InterruptedException;
    }

    private final Duration every;
    private final Clock clock;
    private final Sleeper sleeper;

    public RunScheduler(Duration every, Clock clock, Sleeper sleeper) {
        if (every.isZero() || every.isNegative()) {
            throw new IllegalArgumentException("cadence must be positive");
        }
        this.every = every;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public static RunScheduler systemClock(Duration every) {
        Clock clock = Clock.systemUTC();
        return new RunScheduler(every, clock, when -> {
            long ms = Duration.between(clock.instant(), when).toMillis();
            if (ms > 0) {
                Thread.sleep(ms);
            }
        });
    }

    /** Runs {@code job} until {@code maxRuns} runs have started (or forever for a negative value) or interrupted. */
    public void loop(Job job, long maxRuns) throws InterruptedException {
        Instant origin = clock.instant();
        long runs = 0;
        Instant slot = origin;
        while (maxRuns < 0 || runs < maxRuns) {
            sleeper.sleepUntil(slot);
            runs++;
            try {
                job.run();
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception | Error e) {
                if (e instanceof VirtualMachineError vme) {
                    throw vme;
                }
                LOG.error("ingest run failed; next run on schedule", e);
            }
            slot = nextSlot(origin, clock.instant());
        }
    }

    /** The first slot origin + k·every strictly after {@code now}. */
    Instant nextSlot(Instant origin, Instant now) {
        long elapsed = Duration.between(origin, now).toMillis();
        long k = elapsed / every.toMillis() + 1;
        return origin.plusMillis(k * every.toMillis());
    }
}
