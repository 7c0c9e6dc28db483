package io.jobpulse.streams.serde;

import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;

/**
 * Plain Avro binary (no magic byte, no schema id) for one generated class. Used where no registry is involved:
 * inside internal repartition topics and state stores, where writer and reader are always the same build, and in
 * {@code TopologyTestDriver} tests, which exercise the topology's logic rather than the registry (the registry-backed
 * serdes are covered by the real-broker integration tests).
 */
public final class AvroBinarySerde<T extends SpecificRecord> implements Serde<T> {

    private final SpecificDatumWriter<T> writer;
    private final SpecificDatumReader<T> reader;
    /** Its own buffers: an internal serde may encode a posting while it writes its own value. */
    private final ThreadOutputBuffers buffers = new ThreadOutputBuffers();

    public AvroBinarySerde(Class<T> type) {
        var schema = SpecificData.get().getSchema(type);
        this.writer = new SpecificDatumWriter<>(schema);
        this.reader = new SpecificDatumReader<>(schema);
    }

    public byte[] toBytes(T value) {
        try {
            return buffers.write(out -> {
                out.encoder = EncoderFactory.get().directBinaryEncoder(out, out.encoder);
                writer.write(value, out.encoder);
                out.encoder.flush();
            });
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot write " + value.getSchema().getName() + ": " + e.getMessage(), e);
        }
    }

    public T fromBytes(byte[] data) {
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, null);
            T value = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new IOException("trailing bytes after the record");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Not a valid Avro binary record: " + e.getMessage(), e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : toBytes(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, data) -> data == null ? null : fromBytes(data);
    }
}
