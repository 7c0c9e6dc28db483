package io.jobpulse.contracts;

import io.apicurio.registry.resolver.config.SchemaResolverConfig;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.config.SerdeConfig;
import io.apicurio.registry.serde.kafka.config.KafkaSerdeConfig;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

import java.util.HashMap;
import java.util.Map;

/**
 * Avro serdes backed by the schema registry, writing the Confluent wire format: magic byte 0, a 4-byte schema id,
 * then the Avro binary body, with no Kafka headers. Subjects follow the topic-name strategy ({@code <topic>-value}).
 */
public final class AvroSerdes {

    private AvroSerdes() {
    }

    /** Serializer/deserializer configs for a registry-backed Avro value (or key) serde. */
    public static Map<String, Object> config(RegistrySettings registry, Class<?> specificType, boolean autoRegister) {
        Map<String, Object> config = new HashMap<>();
        config.put(SerdeConfig.REGISTRY_URL, registry.nativeApiUrl());
        config.put(SerdeConfig.AUTO_REGISTER_ARTIFACT, autoRegister);
        // Confluent-compatible framing: 4-byte content id right after the magic byte, nothing in headers.
        config.put(KafkaSerdeConfig.ENABLE_HEADERS, false);
        config.put(SerdeConfig.USE_ID, "contentId");
        // Register each schema whole: by default the serde splits nested records and enums into separately registered
        // references, which a plain Confluent consumer fetching /schemas/ids/{id} cannot parse on its own.
        config.put(SchemaResolverConfig.DEREFERENCE_SCHEMA, true);
        config.put(AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true);
        config.put(SerdeConfig.DESERIALIZER_SPECIFIC_VALUE_RETURN_CLASS, specificType.getName());
        // Same bytes as Apicurio's default datum provider, without re-fingerprinting the schema for every record.
        config.put(AvroSerdeConfig.AVRO_DATUM_PROVIDER, SchemaCachingDatumProvider.class.getName());
        return config;
    }

    public static <T extends SpecificRecord> Serializer<T> serializer(RegistrySettings registry, Class<T> type, boolean isKey) {
        AvroKafkaSerializer<T> serializer = new AvroKafkaSerializer<>();
        serializer.configure(config(registry, type, true), isKey);
        return serializer;
    }

    public static <T extends SpecificRecord> Deserializer<T> deserializer(RegistrySettings registry, Class<T> type, boolean isKey) {
        AvroKafkaDeserializer<T> deserializer = new AvroKafkaDeserializer<>();
        deserializer.configure(config(registry, type, false), isKey);
        return deserializer;
    }

    public static <T extends SpecificRecord> Serde<T> serde(RegistrySettings registry, Class<T> type, boolean isKey) {
        return Serdes.serdeFrom(serializer(registry, type, isKey), deserializer(registry, type, isKey));
    }
}
