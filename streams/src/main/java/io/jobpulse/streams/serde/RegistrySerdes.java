package io.jobpulse.streams.serde;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.jobpulse.contracts.AvroSerdes;
import io.jobpulse.contracts.RegistrySettings;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

import java.util.Map;

/**
 * The registry-backed Avro serdes of {@link AvroSerdes} (same wire format, same registry settings) with the
 * {@link SchemaCachingDatumProvider}, for the streams stage's external topics.
 */
public final class RegistrySerdes {

    private RegistrySerdes() {
    }

    private static Map<String, Object> config(RegistrySettings registry, Class<?> type, boolean autoRegister) {
        Map<String, Object> config = AvroSerdes.config(registry, type, autoRegister);
        config.put(AvroSerdeConfig.AVRO_DATUM_PROVIDER, SchemaCachingDatumProvider.class.getName());
        return config;
    }

    public static <T extends SpecificRecord> Serializer<T> serializer(RegistrySettings registry, Class<T> type) {
        AvroKafkaSerializer<T> serializer = new AvroKafkaSerializer<>();
        serializer.configure(config(registry, type, true), false);
        return serializer;
    }

    public static <T extends SpecificRecord> Deserializer<T> deserializer(RegistrySettings registry, Class<T> type) {
        AvroKafkaDeserializer<T> deserializer = new AvroKafkaDeserializer<>();
        deserializer.configure(config(registry, type, false), false);
        return deserializer;
    }

    public static <T extends SpecificRecord> Serde<T> serde(RegistrySettings registry, Class<T> type) {
        return Serdes.serdeFrom(serializer(registry, type), deserializer(registry, type));
    }
}
