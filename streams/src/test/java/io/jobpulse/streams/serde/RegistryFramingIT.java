package io.jobpulse.streams.serde;

import io.jobpulse.contracts.AvroSerdes;
import io.jobpulse.contracts.FramedAvroSerializer;
import io.jobpulse.contracts.avro.AggregateRow;
import io.jobpulse.contracts.avro.EnrichedPosting;
import io.jobpulse.contracts.avro.PostingStatus;
import io.jobpulse.embedded.testing.SharedStack;
import io.jobpulse.enrichment.PostingEnricher;
import io.jobpulse.streams.PostingEnrichment;
import io.jobpulse.streams.TestPostings;
import io.jobpulse.streams.TopologySerdes;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topology's output serializers write exactly what the registry serializer writes (Confluent framing with the
 * registered schema's id, then the body), and after each topic's first record they encode directly.
 */
class RegistryFramingIT {

    private static final Instant SEEN = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void aggregateRowsAndEnrichedPostingsMatchTheRegistrySerializerByteForByte() {
        var stack = SharedStack.get();
        String prefix = "framing-" + UUID.randomUUID().toString().substring(0, 8);
        TopologySerdes serdes = TopologySerdes.registry(stack.registry());

        String rowsTopic = prefix + ".aggregates";
        Serializer<AggregateRow> rows = serdes.aggregates().serializer();
        Serializer<AggregateRow> registryRows = AvroSerdes.serializer(stack.registry(), AggregateRow.class, false);
        Deserializer<AggregateRow> readRows = AvroSerdes.deserializer(stack.registry(), AggregateRow.class, false);
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            AggregateRow row = row(random, i);
            byte[] ours = rows.serialize(rowsTopic, row);
            assertThat(ours).isEqualTo(registryRows.serialize(rowsTopic, row));
            assertThat(readRows.deserialize(rowsTopic, ours)).isEqualTo(row);
        }
        assertThat(((FramedAvroSerializer<AggregateRow>) rows).encodesDirectly(rowsTopic)).isTrue();

        String enrichedTopic = prefix + ".enriched";
        PostingEnrichment enrichment = PostingEnrichment.of(PostingEnricher.create());
        Serializer<EnrichedPosting> enriched = serdes.enriched().serializer();
        Serializer<EnrichedPosting> registryEnriched = AvroSerdes.serializer(stack.registry(), EnrichedPosting.class, false);
        EnrichedPosting plain = enrichment.enrich(TestPostings.posting("greenhouse", "1").build(), SEEN, SEEN, SEEN);
        EnrichedPosting munich = enrichment.enrich(TestPostings.posting("hn", "2").title("Senior Backend Engineer (Go)")
                .location("München, Deutschland", "München", "DE").salaryUsd(120_000, 150_000).build(), SEEN, SEEN, SEEN);
        EnrichedPosting closed = EnrichedPosting.newBuilder(munich).setStatus(PostingStatus.CLOSED)
                .setClosedAt(SEEN.plusSeconds(86_400)).setDuplicateOf("greenhouse:1").build();
        for (EnrichedPosting p : List.of(plain, munich, closed, plain)) {
            assertThat(enriched.serialize(enrichedTopic, p)).isEqualTo(registryEnriched.serialize(enrichedTopic, p));
        }
        assertThat(((FramedAvroSerializer<EnrichedPosting>) enriched).encodesDirectly(enrichedTopic)).isTrue();
    }

    private static AggregateRow row(Random random, int i) {
        boolean salary = random.nextBoolean();
        Double[] q = new Double[5];
        if (salary) {
            for (int k = 0; k < q.length; k++) {
                q[k] = random.nextInt(3) == 0 ? null : 40_000 + random.nextDouble() * 200_000;
            }
        }
        return new AggregateRow(salary ? "salary" : "technology_pair", i % 3 == 0 ? "*" : "backend",
                LocalDate.of(2026, 11, 1).plusDays(random.nextInt(60)), i % 5 == 0 ? "Zürich" : "Go",
                i % 2 == 0 ? "" : "日本語", (long) random.nextInt(1_000_000), salary ? (long) random.nextInt(1000) : 0L,
                q[0], q[1], q[2], q[3], q[4], System.currentTimeMillis() * 1000 + i, "2026.11." + (i % 4));
    }
}
