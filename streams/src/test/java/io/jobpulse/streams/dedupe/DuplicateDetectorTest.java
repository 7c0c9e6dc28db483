package io.jobpulse.streams.dedupe;

import io.jobpulse.streams.aggregate.Contribution;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DuplicateDetectorTest {

    private static final String TEXT = """
            We build warehouse robots. You will write Go services, store data in PostgreSQL and run them on Kubernetes.
            We value small pull requests, careful review and fair on-call. Five years of distributed systems experience.
            """;
    private final DuplicateDetector detector = new DuplicateDetector(DuplicateDetector.Settings.DEFAULTS);

    private static BlockState.Member member(String id, String text, int day, boolean active) {
        return new BlockState.Member(id, MinHashSignature.of(text), day, active,
                new Contribution(day, "v1", List.of("backend"), List.of("Go"), List.of(), List.of(), List.of(), null));
    }

    @Test
    void blockingKeyIgnoresWhatBoardsWriteDifferently() {
        assertThat(BlockingKey.of("Acme Robotics GmbH", "Senior Backend Engineer (m/w/d)", List.of("de"), false))
                .isEqualTo(BlockingKey.of("acme robotics", "Senior Backend Engineer", List.of("DE"), true))
                .isEqualTo("acme robotics|senior backend engineer|DE");
        assertThat(BlockingKey.of("Acme", "Engineer", List.of(), true)).endsWith("|remote");
        assertThat(BlockingKey.of("Acme", "Senior Engineer", List.of("DE"), false))
                .isNotEqualTo(BlockingKey.of("Acme", "Engineer", List.of("DE"), false));
    }

    @Test
    void minHashEstimatesSimilarity() {
        MinHashSignature a = MinHashSignature.of(TEXT);
        assertThat(a.jaccard(MinHashSignature.of(TEXT.toUpperCase()))).isEqualTo(1.0);
        assertThat(a.jaccard(MinHashSignature.of(TEXT + " Apply by email and mention HN."))).isGreaterThan(0.7);
        assertThat(a.jaccard(MinHashSignature.of("Our data team runs Spark jobs on AWS and writes Scala every day."))).isLessThan(0.1);
        MinHashSignature shortCopy = MinHashSignature.of(TEXT.substring(0, TEXT.indexOf("We value")));
        assertThat(shortCopy.containment(a)).isGreaterThan(0.7);
    }

    @Test
    void similarPostingsWithinTheWindowJoinTheFirstGroup() {
        var first = detector.upsert(BlockState.EMPTY, member("gh:1", TEXT, 100, true));
        assertThat(first.canonicalId()).isEqualTo("gh:1");
        assertThat(first.before()).isNull();
        assertThat(first.after()).isNotNull();

        var second = detector.upsert(first.block(), member("hn:1", TEXT + " Mention HN.", 102, true));
        assertThat(second.canonicalId()).isEqualTo("gh:1");
        assertThat(second.before()).isEqualTo(second.after()); // counted once: nothing changes in the aggregates
        assertThat(second.block().groups()).hasSize(1);

        var late = detector.upsert(second.block(), member("gh:2", TEXT, 102 + 31, true));
        assertThat(late.canonicalId()).as("outside the window").isEqualTo("gh:2");

        var other = detector.upsert(late.block(), member("gh:3", "Our data team runs Spark jobs on AWS and writes Scala.", 100, true));
        assertThat(other.canonicalId()).isEqualTo("gh:3");
        assertThat(other.block().groups()).hasSize(3);
    }

    @Test
    void aGroupCountsWhileAnyMemberIsOpenAndLeavingRetracts() {
        var s = detector.upsert(BlockState.EMPTY, member("gh:1", TEXT, 100, true)).block();
        s = detector.upsert(s, member("hn:1", TEXT, 100, true)).block();

        var ghClosed = detector.upsert(s, member("gh:1", TEXT, 100, false));
        assertThat(ghClosed.before()).isNotNull();
        assertThat(ghClosed.after()).as("hn:1 still open").isNotNull();
        assertThat(ghClosed.canonicalId()).isEqualTo("gh:1");

        var hnLeaves = detector.leave(ghClosed.block(), "hn:1");
        assertThat(hnLeaves.before()).isNotNull();
        assertThat(hnLeaves.after()).isNull();
        assertThat(hnLeaves.block().groups()).singleElement().satisfies(g -> assertThat(g.members()).hasSize(1));

        var ghLeaves = detector.leave(hnLeaves.block(), "gh:1");
        assertThat(ghLeaves.block().groups()).isEmpty();
        assertThat(detector.leave(ghLeaves.block(), "unknown").before()).isNull();
    }

    @Test
    void closedMembersOlderThanTheWindowAreDroppedOpenOnesStay() {
        var s = detector.upsert(BlockState.EMPTY, member("gh:old-closed", TEXT, 100, true)).block();
        s = detector.upsert(s, member("gh:old-closed", TEXT, 100, false)).block();
        s = detector.upsert(s, member("gh:old-open", "Our data team runs Spark jobs on AWS and writes Scala.", 100, true)).block();
        s = detector.upsert(s, member("gh:recent-closed", "Frontend work in TypeScript and React for our shop.", 125, false)).block();
        assertThat(s.groups()).hasSize(3);

        // A posting 31 days after the old ones: the closed one is outside the 30-day window and can go.
        var later = detector.upsert(s, member("gh:new", "Rust services for embedded controllers on the robots.", 131, true));
        assertThat(later.block().groups()).extracting(BlockState.Group::canonicalId)
                .containsExactly("gh:old-open", "gh:recent-closed", "gh:new");

        // Nothing expired: the very same block instance comes back.
        assertThat(detector.prune(later.block(), 131)).isSameAs(later.block());
        // Sweeping later on: the recently closed one expires too; the open one never does.
        assertThat(detector.prune(later.block(), 200).groups()).extracting(BlockState.Group::canonicalId)
                .containsExactly("gh:old-open", "gh:new");
    }

    @Test
    void aGroupKeepsItsCanonicalIdWhenItsFirstMemberExpires() {
        var s = detector.upsert(BlockState.EMPTY, member("gh:1", TEXT, 100, true)).block();
        s = detector.upsert(s, member("hn:1", TEXT, 125, true)).block();
        s = detector.upsert(s, member("gh:1", TEXT, 100, false)).block();

        BlockState pruned = detector.prune(s, 140);
        assertThat(pruned.groups()).singleElement().satisfies(g -> {
            assertThat(g.canonicalId()).isEqualTo("gh:1");
            assertThat(g.members()).extracting(BlockState.Member::id).containsExactly("hn:1");
        });
    }
}
