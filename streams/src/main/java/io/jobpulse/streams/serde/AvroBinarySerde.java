package io.jobpulse.streams.serde;

import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
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

import java.io.ByteArrayOutputStream;
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
    private final ThreadLocal<Buffer> buffers = ThreadLocal.withInitial(Buffer::new);

    public AvroBinarySerde(Class<T> type) {
        var schema = SpecificData.get().getSchema(type);
        this.writer = new SpecificDatumWriter<>(schema);
        this.reader = new SpecificDatumReader<>(schema);
    }

    public byte[] toBytes(T value) {
        Buffer buffer = buffers.get();
        try {
            buffer.reset();
            buffer.encoder = EncoderFactory.get().directBinaryEncoder(buffer, buffer.encoder);
            writer.write(value, buffer.encoder);
            buffer.encoder.flush();
            byte[] bytes = buffer.toByteArray();
            if (bytes.length > BinaryCodec.KEPT_BUFFER_BYTES) {
                buffers.remove(); // an outlier (a huge description): do not keep its buffer per thread
            }
            return bytes;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot write " + value.getSchema().getName() + ": " + e.getMessage(), e);
        }
    }

    /** Per-thread output buffer and encoder: enriched postings are a few kilobytes each, written by the thousand. */
    private static final class Buffer extends ByteArrayOutputStream {
        BinaryEncoder encoder;

        Buffer() {
            super(8192);
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
