package io.jobpulse.streams.aggregate;

import java.util.Objects;

/**
 * What the aggregate step stores per duplicate group and day: the group's current contribution, from which the
 * in-memory cells are rebuilt, and the one the aggregates topic last reflected. While they differ the group's cells
 * may not have been emitted yet; after a crash exactly those cells are emitted again (including cells that dropped to
 * zero, which no current contribution names any more).
 *
 * @param current what the group adds now (null: nothing; the entry is kept only until that has been emitted)
 * @param emitted what it added when its cells were last emitted (null: never emitted)
 */
public record GroupContribution(Contribution current, Contribution emitted) {

    public boolean emittedCurrent() {
        return Objects.equals(current, emitted);
    }
}
