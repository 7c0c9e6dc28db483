package io.jobpulse.streams;

import io.jobpulse.contracts.AvroSerdes;
import io.jobpulse.contracts.RegistrySettings;
import io.jobpulse.contracts.avro.AggregateRow;
import io.jobpulse.contracts.avro.EnrichedPosting;
import io.jobpulse.contracts.avro.JobPosting;
import io.jobpulse.contracts.FramedAvroSerializer;
import io.jobpulse.streams.serde.AggregateRowBody;
import io.jobpulse.streams.serde.AvroBinarySerde;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The serdes of the topology's external topics, passed in so the same topology runs on the registry-backed serdes
 * in production and on plain Avro binary in {@code TopologyTestDriver} tests.
 *
 * @param postings   reads the postings topic (failures become dead letters, so it may throw)
 * @param enriched   writes enriched postings
 * @param aggregates writes aggregate rows
 */
public record TopologySerdes(Deserializer<JobPosting> postings, Serde<EnrichedPosting> enriched,
                             Serde<AggregateRow> aggregates) {

    /**
     * Registry-backed Avro in the Confluent wire format: what ingest writes and the analytics sink reads (the
     * contracts' {@link AvroSerdes}, which cache writers and readers per schema).
     */
    public static TopologySerdes registry(RegistrySettings registry) {
        // Written through FramedAvroSerializer: the same bytes as the registry serializer's, encoded directly once
        // each topic's first record has shown they match (rows are written by the million).
        return new TopologySerdes(
                AvroSerdes.deserializer(registry, JobPosting.class, false),
                Serdes.serdeFrom(FramedAvroSerializer.of(AvroSerdes.serializer(registry, EnrichedPosting.class, false),
                                EnrichedPosting.getClassSchema()),
                        AvroSerdes.deserializer(registry, EnrichedPosting.class, false)),
                Serdes.serdeFrom(FramedAvroSerializer.of(AvroSerdes.serializer(registry, AggregateRow.class, false),
                                AggregateRowBody::write),
                        AvroSerdes.deserializer(registry, AggregateRow.class, false)));
    }

    /** Plain Avro binary, no registry: for tests of the topology's logic. */
    public static TopologySerdes plainAvro() {
        return new TopologySerdes(new AvroBinarySerde<>(JobPosting.class).deserializer(),
                new AvroBinarySerde<>(EnrichedPosting.class), new AvroBinarySerde<>(AggregateRow.class));
    }
}
