package io.jobpulse.streams.dedupe;

import io.jobpulse.streams.aggregate.Contribution;

import java.util.List;

/**
 * Everything the dedupe store keeps for one blocking key: its duplicate groups, each with its members in the order
 * they joined. Held per blocking key (not per posting) because a new posting must be compared with every posting
 * that could be its duplicate, and those are exactly the ones sharing its key.
 */
public record BlockState(List<Group> groups) {

    public static final BlockState EMPTY = new BlockState(List.of());

    public BlockState {
        groups = List.copyOf(groups);
    }

    /** One job: a canonical id (the first member seen, stable even if that member leaves) and its postings. */
    public record Group(String canonicalId, List<Member> members) {
        public Group {
            members = List.copyOf(members);
        }

        /**
         * What the job adds to the aggregates: the contribution of its first active member, or nothing when every
         * member is closed. Counting one member only is what makes a job posted on two boards count once.
         */
        public Contribution contribution() {
            for (Member m : members) {
                if (m.active()) {
                    return m.contribution();
                }
            }
            return null;
        }
    }

    /**
     * One posting of a group.
     *
     * @param id           posting id
     * @param signature    MinHash of its description
     * @param day          epoch day it counts on (the dedupe window is measured on it)
     * @param active       false once closed
     * @param contribution its last contribution to the aggregates
     */
    public record Member(String id, MinHashSignature signature, int day, boolean active, Contribution contribution) {
    }
}
