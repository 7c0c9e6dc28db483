package io.jobpulse.streams.dedupe;

import io.jobpulse.streams.aggregate.Contribution;
import io.jobpulse.streams.dedupe.BlockState.Group;
import io.jobpulse.streams.dedupe.BlockState.Member;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides which postings of one blocking key are the same job, and how the block's groups change when a posting
 * arrives, changes, closes or leaves the block. Pure: the processor stores what it returns.
 *
 * <p>Rule: a posting joins an existing group when, for some member of that group, the two days are at most
 * {@link Settings#windowDays()} apart and their descriptions are similar: estimated Jaccard similarity of word
 * 3-shingles at least {@link Settings#jaccard()}, or estimated containment of the shorter in the longer at least
 * {@link Settings#containment()}. An empty description is compatible with anything (company, title and place already
 * match). Among several candidate groups the most similar one wins. A posting already in a group stays there when
 * it changes, so canonical ids are stable for the analytics sink.
 */
public final class DuplicateDetector {

    /**
     * @param windowDays  postings further apart than this many days are different jobs (a repost months later counts again)
     * @param jaccard     minimum estimated Jaccard similarity of descriptions
     * @param containment minimum estimated containment of the shorter description in the longer
     */
    public record Settings(int windowDays, double jaccard, double containment) {
        public static final Settings DEFAULTS = new Settings(30, 0.5, 0.7);
    }

    /**
     * @param block       the block after the change
     * @param canonicalId the group the posting is in now (null after a leave)
     * @param group       canonical id of the group whose contribution may have changed (null: none)
     * @param before      the affected group's contribution before (null: counted nothing)
     * @param after       and after
     */
    public record Outcome(BlockState block, String canonicalId, String group, Contribution before, Contribution after) {
    }

    private final Settings settings;

    public DuplicateDetector(Settings settings) {
        this.settings = settings;
    }

    /**
     * The posting is new, changed or closed. Closed postings that can no longer be anyone's duplicate (their day is
     * more than the window before the newest day in the block) are dropped from the block on the way, so a block's
     * state stays bounded by the postings of one window plus the open ones.
     */
    public Outcome upsert(BlockState block, Member member) {
        List<Group> groups = new ArrayList<>(prune(block, member.day()).groups());
        for (int gi = 0; gi < groups.size(); gi++) {
            Group g = groups.get(gi);
            List<Member> members = new ArrayList<>(g.members());
            for (int mi = 0; mi < members.size(); mi++) {
                if (members.get(mi).id().equals(member.id())) {
                    members.set(mi, member);
                    Group changed = new Group(g.canonicalId(), members);
                    groups.set(gi, changed);
                    return new Outcome(new BlockState(groups), g.canonicalId(), g.canonicalId(), g.contribution(),
                            changed.contribution());
                }
            }
        }
        int best = -1;
        double bestScore = -1;
        for (int gi = 0; gi < groups.size(); gi++) {
            for (Member m : groups.get(gi).members()) {
                if (Math.abs(m.day() - member.day()) > settings.windowDays()) {
                    continue;
                }
                double score = similarity(m.signature(), member.signature());
                if (score >= 0 && score > bestScore) {
                    best = gi;
                    bestScore = score;
                }
            }
        }
        if (best < 0) {
            Group fresh = new Group(member.id(), List.of(member));
            groups.add(fresh);
            return new Outcome(new BlockState(groups), member.id(), member.id(), null, fresh.contribution());
        }
        Group g = groups.get(best);
        List<Member> members = new ArrayList<>(g.members());
        members.add(member);
        Group changed = new Group(g.canonicalId(), members);
        groups.set(best, changed);
        return new Outcome(new BlockState(groups), g.canonicalId(), g.canonicalId(), g.contribution(), changed.contribution());
    }

    /** The posting moved to another block (its company, title or place changed). */
    public Outcome leave(BlockState block, String postingId) {
        List<Group> groups = new ArrayList<>(block.groups());
        for (int gi = 0; gi < groups.size(); gi++) {
            Group g = groups.get(gi);
            List<Member> members = new ArrayList<>(g.members());
            if (members.removeIf(m -> m.id().equals(postingId))) {
                Group changed = new Group(g.canonicalId(), members);
                if (members.isEmpty()) {
                    groups.remove(gi);
                } else {
                    groups.set(gi, changed);
                }
                return new Outcome(new BlockState(groups), null, g.canonicalId(), g.contribution(), changed.contribution());
            }
        }
        return new Outcome(block, null, null, null, null);
    }

    /**
     * Retention: drops closed members whose day is more than {@link Settings#windowDays()} before {@code newestDay}
     * (or before the newest day in the block, if later), and groups left without members. A closed member adds
     * nothing to the aggregates and, that old, can match no posting of the window any more. Open members always
     * stay: they count, and their closure must find them.
     *
     * @return the same instance when nothing was dropped
     */
    public BlockState prune(BlockState block, int newestDay) {
        int newest = newestDay;
        for (Group g : block.groups()) {
            for (Member m : g.members()) {
                newest = Math.max(newest, m.day());
            }
        }
        int oldestKept = newest - settings.windowDays();
        boolean any = false;
        for (Group g : block.groups()) {
            for (Member m : g.members()) {
                any |= !m.active() && m.day() < oldestKept;
            }
        }
        if (!any) {
            return block;
        }
        List<Group> kept = new ArrayList<>();
        for (Group g : block.groups()) {
            List<Member> members = g.members().stream().filter(m -> m.active() || m.day() >= oldestKept).toList();
            if (!members.isEmpty()) {
                kept.add(new Group(g.canonicalId(), members));
            }
        }
        return new BlockState(kept);
    }

    /** A similarity score when the two descriptions pass the rule, else -1. */
    double similarity(MinHashSignature a, MinHashSignature b) {
        if (a.shingles() == 0 || b.shingles() == 0) {
            return 0;
        }
        double j = a.jaccard(b);
        if (j >= settings.jaccard() || a.containment(b) >= settings.containment()) {
            return j;
        }
        return -1;
    }
}
