package io.jobpulse.contracts;

import io.apicurio.registry.serde.avro.DefaultAvroDatumProvider;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * The registry serde's datum provider, minus a per-record cost: Apicurio's default looks its cached datum writer and
 * reader up by the schema's parsing fingerprint, which it recomputes (a full canonical-form rendering of the schema)
 * for every record; the streams stage measured about 15% of its stream threads' time there. Here the last writer and
 * reader are remembered per schema instance, which is the same object for every record of a generated class (and for
 * every record read with one registry schema); any other schema falls back to the default lookup, so the bytes
 * written and the records read are the default provider's. Selected by {@link AvroSerdes#config} through
 * {@code apicurio.registry.avro-datum-provider}.
 */
public final class SchemaCachingDatumProvider<T> extends DefaultAvroDatumProvider<T> {

    private record Cached<V>(Schema schema, boolean specific, V value) {
    }

    private volatile Cached<DatumWriter<T>> lastWriter;
    private volatile Cached<DatumReader<T>> lastReader;

    public SchemaCachingDatumProvider() {
    }

    @Override
    public DatumWriter<T> createDatumWriter(T data, Schema schema) {
        boolean specific = data instanceof SpecificRecord;
        Cached<DatumWriter<T>> last = lastWriter;
        if (last != null && last.schema() == schema && last.specific() == specific) {
            return last.value();
        }
        DatumWriter<T> writer = super.createDatumWriter(data, schema);
        lastWriter = new Cached<>(schema, specific, writer);
        return writer;
    }

    @Override
    public DatumReader<T> createDatumReader(Schema schema) {
        Cached<DatumReader<T>> last = lastReader;
        if (last != null && last.schema() == schema) {
            return last.value();
        }
        DatumReader<T> reader = super.createDatumReader(schema);
        lastReader = new Cached<>(schema, false, reader);
        return reader;
    }
}
