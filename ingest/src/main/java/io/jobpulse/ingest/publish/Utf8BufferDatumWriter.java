package io.jobpulse.ingest.publish;

import io.jobpulse.contracts.FramedAvroSerializer;
import io.jobpulse.ingest.normalize.Utf8Buffer;
import org.apache.avro.Schema;
import org.apache.avro.io.Encoder;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;

/**
 * Avro's datum writer with strings written from the thread's reused UTF-8 buffer ({@link Utf8Buffer#ofThread()},
 * which also still holds the description the content hash just encoded). Avro's binary string is its byte length and
 * its UTF-8 bytes, the same as {@code writeBytes} of those bytes, so the output does not change.
 */
public final class Utf8BufferDatumWriter extends SpecificDatumWriter<SpecificRecord> {

    private final Utf8Buffer utf8 = Utf8Buffer.ofThread();

    private Utf8BufferDatumWriter(Schema schema) {
        super(schema);
    }

    /**
     * Ingest's serializer: the registry serializer's bytes through {@link FramedAvroSerializer} (checked byte for byte
     * on each topic's first record), bodies written by this writer, one per thread.
     */
    public static <T extends SpecificRecord> FramedAvroSerializer<T> serializer(Serializer<T> registry, Schema schema) {
        ThreadLocal<Utf8BufferDatumWriter> writers = ThreadLocal.withInitial(() -> new Utf8BufferDatumWriter(schema));
        return FramedAvroSerializer.of(registry, (value, out) -> writers.get().write(value, out));
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
