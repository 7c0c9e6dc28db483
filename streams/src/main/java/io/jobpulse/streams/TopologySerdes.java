package io.jobpulse.streams;

import io.jobpulse.contracts.RegistrySettings;
import io.jobpulse.contracts.avro.AggregateRow;
import io.jobpulse.contracts.avro.EnrichedPosting;
import io.jobpulse.contracts.avro.JobPosting;
import io.jobpulse.streams.serde.AvroBinarySerde;
import io.jobpulse.streams.serde.RegistrySerdes;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;

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
     * contracts' serde configuration, with writers and readers cached per schema: {@link RegistrySerdes}).
     */
    public static TopologySerdes registry(RegistrySettings registry) {
        return new TopologySerdes(
                RegistrySerdes.deserializer(registry, JobPosting.class),
                RegistrySerdes.serde(registry, EnrichedPosting.class),
                RegistrySerdes.serde(registry, AggregateRow.class));
    }

    /** Plain Avro binary, no registry: for tests of the topology's logic. */
    public static TopologySerdes plainAvro() {
        return new TopologySerdes(new AvroBinarySerde<>(JobPosting.class).deserializer(),
                new AvroBinarySerde<>(EnrichedPosting.class), new AvroBinarySerde<>(AggregateRow.class));
    }
}
