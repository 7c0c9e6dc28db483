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
     * @param before      the affected group's contribution before (null: counted nothing)
     * @param after       and after
     */
    public record Outcome(BlockState block, String canonicalId, Contribution before, Contribution after) {
    }

    private final Settings settings;

    public DuplicateDetector(Settings settings) {
        this.settings = settings;
    }

    public Outcome upsert(BlockState block, Member member) {
        List<Group> groups = new ArrayList<>(block.groups());
        for (int gi = 0; gi < groups.size(); gi++) {
            Group g = groups.get(gi);
            List<Member> members = new ArrayList<>(g.members());
            for (int mi = 0; mi < members.size(); mi++) {
                if (members.get(mi).id().equals(member.id())) {
                    members.set(mi, member);
                    Group changed = new Group(g.canonicalId(), members);
                    groups.set(gi, changed);
                    return new Outcome(new BlockState(groups), g.canonicalId(), g.contribution(), changed.contribution());
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
            return new Outcome(new BlockState(groups), member.id(), null, fresh.contribution());
        }
        Group g = groups.get(best);
        List<Member> members = new ArrayList<>(g.members());
        members.add(member);
        Group changed = new Group(g.canonicalId(), members);
        groups.set(best, changed);
        return new Outcome(new BlockState(groups), g.canonicalId(), g.contribution(), changed.contribution());
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
                return new Outcome(new BlockState(groups), null, g.contribution(), changed.contribution());
            }
        }
        return new Outcome(block, null, null, null);
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
