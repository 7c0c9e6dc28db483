package io.jobpulse.analytics.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobpulse.contracts.RegistrySettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads Avro values in the Confluent wire format (magic byte 0, 4-byte schema id, Avro binary) into a specific
 * class, resolving the writer's schema through the registry's Confluent-compatible API once per id. Keeps one datum
 * reader per writer schema and reuses its decoder, which the generic registry deserializer does not (it builds a
 * reader per record); the sink reads every record of its topics through this. Not thread-safe: one per consumer.
 */
final class ConfluentAvroReader<T extends SpecificRecord> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistrySettings registry;
    private final Schema readerSchema;
    private final Map<Integer, SpecificDatumReader<T>> readers = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private BinaryDecoder decoder;

    ConfluentAvroReader(RegistrySettings registry, Class<T> type) {
        this.registry = registry;
        this.readerSchema = SpecificData.get().getSchema(type);
    }

    T read(byte[] payload) {
        if (payload.length < 5 || payload[0] != 0) {
            throw new IllegalArgumentException("not in the Confluent wire format (magic byte 0 and a schema id)");
        }
        int id = ((payload[1] & 0xff) << 24) | ((payload[2] & 0xff) << 16) | ((payload[3] & 0xff) << 8) | (payload[4] & 0xff);
        SpecificDatumReader<T> reader = readers.get(id);
        if (reader == null) {
            reader = new SpecificDatumReader<>(writerSchema(id), readerSchema);
            readers.put(id, reader);
        }
        decoder = DecoderFactory.get().binaryDecoder(payload, 5, payload.length - 5, decoder);
        try {
            return reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Avro payload does not match schema " + id + ": " + e, e);
        }
    }

    private Schema writerSchema(int id) {
        URI uri = URI.create(registry.confluentCompatUrl() + "/schemas/ids/" + id);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                throw new IllegalArgumentException("schema id " + id + " unknown to the registry");
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("registry answered " + response.statusCode() + " for " + uri);
            }
            return new Schema.Parser().parse(JSON.readTree(response.body()).get("schema").asText());
        } catch (IOException e) {
            throw new IllegalStateException("registry unreachable at " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
