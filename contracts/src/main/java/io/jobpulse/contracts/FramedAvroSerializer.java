package io.jobpulse.contracts;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry serializer's bytes (magic byte, 4-byte schema id, Avro binary body) without the registry serializer's
 * work for every record. The first record of each topic goes through the registry serializer, which registers or
 * looks up the schema; its 5-byte header is kept, and only if encoding that same record here gives byte for byte the
 * same output are the topic's later records encoded here (header + body). Otherwise every record of the topic keeps
 * going through the registry serializer, so a body writer that disagrees with the schema costs speed, never data.
 *
 * <p>Thread-safe: Kafka Streams shares one serializer between its stream threads; buffers are per thread.
 */
public final class FramedAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    /** Writes a record's Avro binary body; must produce exactly what the schema's datum writer would. */
    @FunctionalInterface
    public interface BodyWriter<T> {
        void write(T value, BinaryEncoder out) throws IOException;
    }

    private static final int HEADER = 5;
    /** Marks a topic whose records all go through the registry serializer. */
    private static final byte[] DELEGATE = new byte[0];

    private final Serializer<T> registry;
    private final BodyWriter<T> body;
    private final Map<String, byte[]> headers = new ConcurrentHashMap<>();
    private final ThreadLocal<Buffers> buffers = ThreadLocal.withInitial(Buffers::new);

    private static final class Buffers {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        BinaryEncoder encoder;
    }

    private FramedAvroSerializer(Serializer<T> registry, BodyWriter<T> body) {
        this.registry = registry;
        this.body = body;
    }

    /** Bodies written by the generated class's {@link SpecificDatumWriter}. */
    public static <T extends SpecificRecord> FramedAvroSerializer<T> of(Serializer<T> registry, Schema schema) {
        SpecificDatumWriter<T> writer = new SpecificDatumWriter<>(schema);
        return new FramedAvroSerializer<>(registry, writer::write);
    }

    /** Bodies written by a hand-written writer (for records written by the million, where the datum writer shows). */
    public static <T extends SpecificRecord> FramedAvroSerializer<T> of(Serializer<T> registry, BodyWriter<T> body) {
        return new FramedAvroSerializer<>(registry, body);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        registry.configure(configs, isKey);
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return registry.serialize(topic, null);
        }
        byte[] header = headers.get(topic);
        if (header == DELEGATE) {
            return registry.serialize(topic, data);
        }
        if (header != null) {
            return encode(header, data);
        }
        byte[] full = registry.serialize(topic, data);
        if (full != null && full.length > HEADER && full[0] == 0) {
            byte[] candidate = Arrays.copyOf(full, HEADER);
            headers.put(topic, Arrays.equals(encode(candidate, data), full) ? candidate : DELEGATE);
        } else {
            headers.put(topic, DELEGATE);
        }
        return full;
    }

    /** Whether records of {@code topic} are encoded here (false before its first record, or after a mismatch). */
    public boolean encodesDirectly(String topic) {
        byte[] header = headers.get(topic);
        return header != null && header != DELEGATE;
    }

    private byte[] encode(byte[] header, T data) {
        Buffers b = buffers.get();
        b.out.reset();
        b.out.writeBytes(header);
        b.encoder = EncoderFactory.get().binaryEncoder(b.out, b.encoder);
        try {
            body.write(data, b.encoder);
            b.encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.out.toByteArray();
    }

    @Override
    public void close() {
        registry.close();
    }
}
