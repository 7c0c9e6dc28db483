package io.jobpulse.streams.aggregate;

/**
 * What a duplicate group now adds to one day's aggregates, sent from the dedupe step to the aggregate step keyed by
 * that day: one record per change of a group's contribution, however many cells it touches. The aggregate step keeps
 * the group's previous contribution itself, so the record needs only the new one and replaying it changes nothing.
 *
 * @param day          epoch day whose cells this is about
 * @param group        the duplicate group: blocking key and canonical id, unique across blocks
 * @param contribution what the group adds on {@code day} now; null when it adds nothing there any more (closed, or
 *                     moved to another day)
 */
public record ContributionChange(int day, String group, Contribution contribution) {

    public ContributionChange {
        if (contribution != null && contribution.day() != day) {
            throw new IllegalArgumentException("contribution of day " + contribution.day() + " sent for day " + day);
        }
    }
}
