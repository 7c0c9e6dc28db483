package io.jobpulse.streams.serde;

import org.apache.avro.io.BinaryEncoder;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Output buffers of the internal serdes, one per thread and kept between values: values are written by the thousand
 * per second and most are a few kilobytes, so a fresh stream per value (grown by doubling, then copied out) was most
 * of what those serdes allocated.
 */
final class ThreadOutputBuffers {

    /** A buffer grown past this by one value is dropped rather than kept for the thread's next values. */
    static final int KEPT_BYTES = 1 << 20;

    /** The buffer, with a data view and an Avro encoder slot for the writers that want them. */
    static final class Buffer extends ByteArrayOutputStream {
        final DataOutputStream data = new DataOutputStream(this);
        BinaryEncoder encoder;
        private boolean inUse;

        private Buffer() {
            super(8192);
        }
    }

    @FunctionalInterface
    interface Body {
        void write(Buffer out) throws IOException;
    }

    private final ThreadLocal<Buffer> buffers = ThreadLocal.withInitial(Buffer::new);

    /**
     * The bytes {@code body} writes into this thread's emptied buffer (into a fresh one if a writer on this thread is
     * already using it for another value).
     */
    byte[] write(Body body) throws IOException {
        Buffer buffer = buffers.get();
        if (buffer.inUse) {
            buffer = new Buffer();
        }
        buffer.inUse = true;
        try {
            buffer.reset();
            body.write(buffer);
            byte[] bytes = buffer.toByteArray();
            if (bytes.length > KEPT_BYTES && buffer == buffers.get()) {
                buffers.remove(); // an outlier (a huge description): do not keep its buffer per thread
            }
            return bytes;
        } finally {
            buffer.inUse = false;
        }
    }
}
