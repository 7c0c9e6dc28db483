package io.jobpulse.ingest.run;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RunSchedulerTest {

    /** A clock the test moves: sleeping jumps to the wake-up time, a run takes a set time. */
    private static final class FakeTime extends Clock {
        Instant now = Instant.parse("2026-01-15T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void runsOnAFixedCadenceSkipsMissedSlotsAndSurvivesFailures() throws Exception {
        FakeTime time = new FakeTime();
        List<Instant> starts = new ArrayList<>();
        List<Duration> runTimes = List.of(Duration.ofMinutes(10), Duration.ofMinutes(130), Duration.ofMinutes(5), Duration.ofMinutes(1));
        RunScheduler scheduler = new RunScheduler(Duration.ofHours(1), time, when -> {
            if (when.isAfter(time.now)) {
                time.now = when;
            }
        });
        scheduler.loop(() -> {
            int n = starts.size();
            starts.add(time.now);
            time.now = time.now.plus(runTimes.get(n));
            if (n == 2) {
                throw new IllegalStateException("boom");
            }
        }, 4);
        assertThat(starts).containsExactly(
                Instant.parse("2026-01-15T10:00:00Z"),
                Instant.parse("2026-01-15T11:00:00Z"),
                // the 11:00 run took 130 minutes: 12:00 and 13:00 are skipped, never overlapped
                Instant.parse("2026-01-15T14:00:00Z"),
                // the 14:00 run failed; the schedule goes on
                Instant.parse("2026-01-15T15:00:00Z"));
    }
}
