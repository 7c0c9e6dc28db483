package io.jobpulse.contracts;

import io.jobpulse.contracts.avro.Salary;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The direct-encoding decision, against a framing serializer written here (magic byte, fixed id, Avro body): the
 * byte-for-byte agreement with the real registry serializer is {@code RegistryFramingIT} in the streams module.
 */
class FramedAvroSerializerTest {

    private static final Salary SALARY = Salary.newBuilder().setMin(70_000d).setMax(90_000d).setCurrency("EUR")
            .setPeriod("year").setRaw("70–90 k€ brutto").build();

    /** Confluent framing with schema id 42, counting its calls. */
    private static final class Framing implements Serializer<Salary> {
        final AtomicInteger calls = new AtomicInteger();
        final byte magic;

        Framing(byte magic) {
            this.magic = magic;
        }

        @Override
        public byte[] serialize(String topic, Salary data) {
            calls.incrementAndGet();
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(new byte[]{magic, 0, 0, 0, 42});
                BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
                new SpecificDatumWriter<>(Salary.getClassSchema()).write(data, encoder);
                encoder.flush();
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void encodesDirectlyAfterTheFirstRecordMatched() {
        Framing registry = new Framing((byte) 0);
        FramedAvroSerializer<Salary> serializer = FramedAvroSerializer.of(registry, Salary.getClassSchema());
        byte[] first = serializer.serialize("t", SALARY);
        assertThat(serializer.encodesDirectly("t")).isTrue();
        Salary other = Salary.newBuilder(SALARY).setMin(null).setRaw("bis 90.000 €").build();
        for (int i = 0; i < 10; i++) {
            assertThat(serializer.serialize("t", other)).isEqualTo(new Framing((byte) 0).serialize("t", other));
        }
        assertThat(serializer.serialize("t", SALARY)).isEqualTo(first);
        assertThat(registry.calls).hasValue(1);
        assertThat(serializer.encodesDirectly("other-topic")).isFalse();
    }

    @Test
    void aBodyWriterThatDisagreesLeavesEveryRecordToTheRegistrySerializer() {
        Framing registry = new Framing((byte) 0);
        FramedAvroSerializer<Salary> serializer = FramedAvroSerializer.of(registry,
                (value, out) -> out.writeString("not a salary"));
        for (int i = 0; i < 5; i++) {
            assertThat(serializer.serialize("t", SALARY)).isEqualTo(new Framing((byte) 0).serialize("t", SALARY));
        }
        assertThat(serializer.encodesDirectly("t")).isFalse();
        assertThat(registry.calls).hasValue(5);
    }

    @Test
    void anotherFramingIsNeverImitated() {
        Framing registry = new Framing((byte) 7);
        FramedAvroSerializer<Salary> serializer = FramedAvroSerializer.of(registry, Salary.getClassSchema());
        serializer.serialize("t", SALARY);
        serializer.serialize("t", SALARY);
        assertThat(serializer.encodesDirectly("t")).isFalse();
        assertThat(registry.calls).hasValue(2);
    }
}
