package io.jobpulse.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobpulse.contracts.AvroSerdes;
import io.jobpulse.contracts.RegistrySettings;
import io.jobpulse.contracts.avro.JobPosting;
import io.jobpulse.embedded.testing.SamplePostings;
import io.jobpulse.embedded.testing.SharedStack;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JobPosting goes through Kafka with the registry-backed serde, and a consumer that knows nothing of Apicurio (as a
 * Confluent-ecosystem consumer) can still read it: magic byte 0, a 4-byte id that resolves through the
 * Confluent-compatible API, then plain Avro.
 */
class AvroThroughRegistryIT {

    private final EmbeddedStack stack = SharedStack.get();

    @Test
    void postingRoundTripsAndItsSchemaIdResolvesThroughTheConfluentCompatibleApi() throws Exception {
        String topic = "it.avro-roundtrip";
        RegistrySettings registry = stack.registry();
        JobPosting sent = SamplePostings.greenhouse("4012345", "Senior Backend Engineer (Go)");

        try (KafkaProducer<String, JobPosting> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()),
                new StringSerializer(), AvroSerdes.serializer(registry, JobPosting.class, false))) {
            producer.send(new ProducerRecord<>(topic, sent.getId(), sent)).get();
        }

        // Read back with the serde: every field survives.
        List<ConsumerRecord<String, JobPosting>> typed = consume(topic, AvroSerdes.deserializer(registry, JobPosting.class, false));
        assertThat(typed).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("greenhouse:4012345");
            assertThat(r.value()).isEqualTo(sent);
        });

        // Read the raw bytes as a Confluent consumer would.
        byte[] payload = consume(topic, new ByteArrayDeserializer()).getFirst().value();
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        assertThat(buffer.get()).as("magic byte").isZero();
        int schemaId = buffer.getInt();

        HttpResponse<String> response;
        try (HttpClient http = HttpClient.newHttpClient()) {
            response = http.send(HttpRequest.newBuilder(URI.create(registry.confluentCompatUrl() + "/schemas/ids/" + schemaId)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(response.body());
        Schema writerSchema = new Schema.Parser().parse(body.get("schema").asText());
        assertThat(writerSchema.getFullName()).isEqualTo(JobPosting.getClassSchema().getFullName());

        GenericRecord decoded = new GenericDatumReader<GenericRecord>(writerSchema).read(null,
                DecoderFactory.get().binaryDecoder(payload, 5, payload.length - 5, null));
        assertThat(decoded.get("id").toString()).isEqualTo("greenhouse:4012345");
        assertThat(decoded.get("title").toString()).isEqualTo("Senior Backend Engineer (Go)");
        assertThat(((GenericRecord) decoded.get("salary")).get("currency").toString()).isEqualTo("EUR");
    }

    private <V> List<ConsumerRecord<String, V>> consume(String topic, org.apache.kafka.common.serialization.Deserializer<V> values) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
