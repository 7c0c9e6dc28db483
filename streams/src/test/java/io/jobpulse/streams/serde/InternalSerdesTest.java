package io.jobpulse.streams.serde;

import io.jobpulse.contracts.avro.EnrichedPosting;
import io.jobpulse.enrichment.PostingEnricher;
import io.jobpulse.streams.BlockCommand;
import io.jobpulse.streams.PostingEnrichment;
import io.jobpulse.streams.PostingState;
import io.jobpulse.streams.TestPostings;
import io.jobpulse.streams.aggregate.Contribution;
import io.jobpulse.streams.dedupe.BlockState;
import io.jobpulse.streams.dedupe.MinHashSignature;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The internal values survive their serdes, which reuse one output buffer per thread. */
class InternalSerdesTest {

    private static final Instant SEEN = Instant.parse("2026-11-20T10:00:00Z");
    private static EnrichedPosting posting;

    @BeforeAll
    static void enrich() {
        posting = PostingEnrichment.of(PostingEnricher.create())
                .enrich(TestPostings.posting("greenhouse", "acme:1").salaryUsd(100_000, 120_000).build(), SEEN, SEEN, SEEN);
    }

    @Test
    void postingStateRoundTripsWhetherOrNotItsPostingWasEncodedAlready() {
        Serde<PostingState> serde = InternalSerdes.postingState();
        PostingState plain = new PostingState("acme|backend engineer|DE|", posting);
        PostingState preEncoded = new PostingState("acme|backend engineer|DE|", posting, InternalSerdes.encodeEnriched(posting));
        byte[] a = serde.serializer().serialize("t", plain);
        byte[] b = serde.serializer().serialize("t", preEncoded);
        assertThat(b).isEqualTo(a);
        assertThat(serde.deserializer().deserialize("t", a)).isEqualTo(plain);
    }

    @Test
    void blockCommandsRoundTrip() {
        Serde<BlockCommand> serde = InternalSerdes.blockCommand();
        BlockCommand upsert = new BlockCommand.Upsert(posting, InternalSerdes.encodeEnriched(posting));
        BlockCommand leave = new BlockCommand.Leave("greenhouse:acme:1");
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", upsert))).isEqualTo(upsert);
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", leave))).isEqualTo(leave);
        assertThat(serde.serializer().serialize("t", upsert))
                .isEqualTo(serde.serializer().serialize("t", new BlockCommand.Upsert(posting)));
    }

    @Test
    void anEarlierResultIsNotOverwrittenByTheNextValueOnTheSameThread() {
        Serde<BlockState> serde = InternalSerdes.blockState();
        BlockState first = block("greenhouse:acme:1", "Go and Kafka in Berlin");
        BlockState second = block("hn:2", "Python, Django and PostgreSQL for a small team in Munich");
        byte[] firstBytes = serde.serializer().serialize("t", first);
        byte[] copy = firstBytes.clone();
        serde.serializer().serialize("t", second);
        assertThat(firstBytes).isEqualTo(copy);
        assertThat(serde.deserializer().deserialize("t", firstBytes)).isEqualTo(first);
    }

    @Test
    void aValueLargerThanTheKeptBufferRoundTripsAndSoDoesTheNextSmallOne() {
        Serde<PostingState> serde = InternalSerdes.postingState();
        String huge = "Kubernetes operators wanted. ".repeat(ThreadOutputBuffers.KEPT_BYTES / 20);
        EnrichedPosting big = EnrichedPosting.newBuilder(posting).setDescriptionText(huge).build();
        PostingState large = new PostingState("k", big);
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", large))).isEqualTo(large);
        PostingState small = new PostingState("k", posting);
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", small))).isEqualTo(small);
    }

    private static BlockState block(String id, String text) {
        Contribution c = new Contribution(20_412, "v1", List.of("backend"), List.of("Go", "Kafka"), List.of("senior"),
                List.of("DE|Berlin"), List.of("hybrid"), 110_000.0);
        return new BlockState(List.of(new BlockState.Group(id,
                List.of(new BlockState.Member(id, MinHashSignature.of(text), 20_412, true, c)))));
    }
}
