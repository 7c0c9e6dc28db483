package io.jobpulse.embedded;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.jobpulse.contracts.AvroSerdes;
import io.jobpulse.contracts.RegistrySettings;
import io.jobpulse.contracts.avro.JobPosting;
import io.jobpulse.embedded.testing.SamplePostings;
import io.jobpulse.embedded.testing.SharedStack;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subjects evolve under BACKWARD compatibility: a schema that old data cannot be read with is refused, and a new
 * optional field is accepted and its data still read by a reader on the old schema.
 */
class SchemaCompatibilityIT {

    private final EmbeddedStack stack = SharedStack.get();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void incompatibleChangeIsRefusedAndNewOptionalFieldIsReadByAnOldReader() throws Exception {
        String topic = "it.compat";
        String subject = topic + "-value";
        RegistrySettings registry = stack.registry();
        Schema v1 = JobPosting.getClassSchema();

        assertThat(register(registry, subject, v1).statusCode()).isEqualTo(200);
        assertThat(get(registry.confluentCompatUrl() + "/config/" + subject + "?defaultToGlobal=true").body())
                .contains("BACKWARD");

        // A new required field: old records have no value for it, so a reader on the new schema cannot read them.
        Schema incompatible = withExtraField(v1, "{\"name\":\"visa_sponsorship\",\"type\":\"boolean\"}");
        HttpResponse<String> refused = register(registry, subject, incompatible);
        assertThat(refused.statusCode()).isEqualTo(409);

        // A new optional field with a default is fine.
        Schema v2 = withExtraField(v1, "{\"name\":\"visa_sponsorship\",\"type\":[\"null\",\"boolean\"],\"default\":null}");
        assertThat(register(registry, subject, v2).statusCode()).isEqualTo(200);

        // A producer on v2 writes a record; a consumer compiled against v1 (the JobPosting class) reads it.
        GenericRecord written = toGeneric(SamplePostings.greenhouse("77", "Data Engineer"), v2);
        written.put("visa_sponsorship", true);
        byte[] bytes;
        try (AvroKafkaSerializer<GenericRecord> serializer = new AvroKafkaSerializer<>()) {
            serializer.configure(AvroSerdes.config(registry, GenericRecord.class, true), false);
            bytes = serializer.serialize(topic, written);
        }
        try (Deserializer<JobPosting> oldReader = AvroSerdes.deserializer(registry, JobPosting.class, false)) {
            JobPosting read = oldReader.deserialize(topic, bytes);
            assertThat(read.getTitle()).isEqualTo("Data Engineer");
            assertThat(read.getSalary().getMax()).isEqualTo(90000.0);
        }
    }

    private static Schema withExtraField(Schema base, String fieldJson) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(base.toString());
        ((com.fasterxml.jackson.databind.node.ArrayNode) tree.get("fields")).add(mapper.readTree(fieldJson));
        return new Schema.Parser().parse(tree.toString());
    }

    private static GenericRecord toGeneric(JobPosting posting, Schema schema) {
        GenericRecord record = new GenericData.Record(schema);
        for (Schema.Field field : JobPosting.getClassSchema().getFields()) {
            Object value = posting.get(field.pos());
            // Timestamps are java.time.Instant in the generated class and epoch millis in the generic model.
            if (value instanceof java.time.Instant instant) {
                value = instant.toEpochMilli();
            }
            // Nested records and enums go through Avro's own deep copy into the generic model.
            record.put(field.name(), GenericData.get().deepCopy(field.schema(), value));
        }
        return record;
    }

    private HttpResponse<String> register(RegistrySettings registry, String subject, Schema schema) throws Exception {
        String body = json.writeValueAsString(Map.of("schema", schema.toString()));
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(registry.confluentCompatUrl() + "/subjects/" + subject + "/versions"))
                    .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
