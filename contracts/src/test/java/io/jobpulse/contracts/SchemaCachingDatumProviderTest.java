package io.jobpulse.contracts;

import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.avro.DefaultAvroDatumProvider;
import io.jobpulse.contracts.avro.Salary;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaCachingDatumProviderTest {

    private static final Salary SALARY = Salary.newBuilder().setMin(70_000d).setMax(90_000d).setCurrency("EUR")
            .setPeriod("year").setRaw("70–90 k€ brutto").build();

    private static <T> byte[] write(DatumWriter<T> writer, T datum) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        writer.write(datum, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    @Test
    void writesTheDefaultProvidersBytesWithOneWriterPerSchema() throws IOException {
        SchemaCachingDatumProvider<Salary> cached = new SchemaCachingDatumProvider<>();
        cached.setUseSpecificAvroReader(true);
        DefaultAvroDatumProvider<Salary> plain = new DefaultAvroDatumProvider<>(true);
        Schema schema = Salary.getClassSchema();

        DatumWriter<Salary> first = cached.createDatumWriter(SALARY, schema);
        assertThat(cached.createDatumWriter(SALARY, schema)).isSameAs(first);
        assertThat(write(first, SALARY)).isEqualTo(write(plain.createDatumWriter(SALARY, schema), SALARY));

        // An equal schema parsed separately is another instance: it goes through the default lookup, same bytes.
        Schema parsedAgain = new Schema.Parser().parse(schema.toString());
        assertThat(write(cached.createDatumWriter(SALARY, parsedAgain), SALARY)).isEqualTo(write(first, SALARY));
        // ... and the generated class's schema is remembered again afterwards.
        DatumWriter<Salary> again = cached.createDatumWriter(SALARY, schema);
        assertThat(cached.createDatumWriter(SALARY, schema)).isSameAs(again);
    }

    @Test
    void readsBackSpecificRecordsWithOneReaderPerSchema() throws IOException {
        SchemaCachingDatumProvider<Salary> cached = new SchemaCachingDatumProvider<>();
        cached.setUseSpecificAvroReader(true);
        Schema schema = Salary.getClassSchema();
        byte[] bytes = write(cached.createDatumWriter(SALARY, schema), SALARY);

        DatumReader<Salary> reader = cached.createDatumReader(schema);
        assertThat(cached.createDatumReader(schema)).isSameAs(reader);
        Salary read = reader.read(null, DecoderFactory.get().binaryDecoder(bytes, null));
        assertThat(read).isInstanceOf(Salary.class).isEqualTo(SALARY);
    }

    @Test
    void contractsSerdesSelectTheCachingProvider() {
        assertThat(AvroSerdes.config(RegistrySettings.of("http://127.0.0.1:8081"), Salary.class, true))
                .containsEntry(AvroSerdeConfig.AVRO_DATUM_PROVIDER, SchemaCachingDatumProvider.class.getName());
    }
}
