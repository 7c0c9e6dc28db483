package io.jobpulse.ingest.publish;

import io.jobpulse.ingest.normalize.Utf8Buffer;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.Encoder;
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
 * The registry serde's output, without asking the registry serde for every record. The first record of a topic goes
 * through the registry serializer (which registers or looks up the schema); its 5-byte header (magic byte and schema
 * id) is kept, and only if encoding that same record ourselves gives byte-for-byte the same output are later records
 * of the topic encoded directly (header + Avro binary). Otherwise every record keeps going through the delegate.
 * Ingest serializes tens of thousands of postings per run: the per-record schema handling of the serde showed up as
 * a large share of its CPU time.
 */
public final class SchemaCachingSerializer<T extends SpecificRecord> implements Serializer<T> {

    private static final int HEADER = 5;
    private static final byte[] DELEGATE = new byte[0];

    private final Serializer<T> delegate;
    private final Map<String, byte[]> headers = new ConcurrentHashMap<>();
    private final ThreadLocal<Encoding> encoding;

    private static final class Encoding {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        final SpecificDatumWriter<SpecificRecord> writer;
        BinaryEncoder encoder;

        Encoding(org.apache.avro.Schema schema) {
            writer = new Utf8BufferWriter(schema);
        }
    }

    /**
     * Writes strings from a reused UTF-8 buffer: Avro's binary string is its byte length and its UTF-8 bytes, the
     * same as {@code writeBytes} of those bytes, so the output does not change (and the first record of each topic is
     * checked byte for byte against the registry serde anyway).
     */
    private static final class Utf8BufferWriter extends SpecificDatumWriter<SpecificRecord> {
        /** The thread's buffer, which also has the description the content hash just encoded. */
        private final Utf8Buffer utf8 = Utf8Buffer.ofThread();

        Utf8BufferWriter(org.apache.avro.Schema schema) {
            super(schema);
        }

        @Override
        protected void writeString(Object datum, Encoder out) throws IOException {
            if (datum instanceof String s) {
                int length = utf8.encode(s); // first: encoding may replace the buffer
                out.writeBytes(utf8.bytes(), 0, length);
            } else {
                super.writeString(datum, out);
            }
        }
    }

    public SchemaCachingSerializer(Serializer<T> delegate, org.apache.avro.Schema schema) {
        this.delegate = delegate;
        this.encoding = ThreadLocal.withInitial(() -> new Encoding(schema));
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return delegate.serialize(topic, null);
        }
        byte[] header = headers.get(topic);
        if (header == DELEGATE) {
            return delegate.serialize(topic, data);
        }
        if (header != null) {
            return encode(header, data);
        }
        byte[] full = delegate.serialize(topic, data);
        if (full != null && full.length > HEADER && full[0] == 0) {
            byte[] candidate = Arrays.copyOf(full, HEADER);
            headers.put(topic, Arrays.equals(encode(candidate, data), full) ? candidate : DELEGATE);
        } else {
            headers.put(topic, DELEGATE);
        }
        return full;
    }

    private byte[] encode(byte[] header, T data) {
        Encoding e = encoding.get();
        e.out.reset();
        e.out.writeBytes(header);
        e.encoder = EncoderFactory.get().binaryEncoder(e.out, e.encoder);
        try {
            e.writer.write(data, e.encoder);
            e.encoder.flush();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return e.out.toByteArray();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
