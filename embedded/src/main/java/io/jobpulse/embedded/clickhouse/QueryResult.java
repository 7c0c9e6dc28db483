package io.jobpulse.embedded.clickhouse;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A statement's output as chDB materialized it in native memory, with its progress counters. Owns the native result:
 * close it, after which {@link #data()} must not be touched.
 */
public final class QueryResult implements AutoCloseable {

    private final ChdbNative chdb;
    private MemorySegment handle;
    private final MemorySegment data;
    private final QueryStatistics statistics;

    @SuppressWarnings("restricted")
    QueryResult(ChdbNative chdb, MemorySegment handle) {
        this.chdb = chdb;
        this.handle = handle;
        long length = ChdbNative.invoke(() -> (long) chdb.resultLength.invokeExact(handle));
        MemorySegment buffer = ChdbNative.invoke(() -> (MemorySegment) chdb.resultBuffer.invokeExact(handle));
        this.data = length == 0 || buffer.equals(MemorySegment.NULL) ? MemorySegment.NULL : buffer.reinterpret(length);
        this.statistics = QueryStatistics.of(chdb, handle);
    }

    /** The output bytes in the requested format; valid until {@link #close()}. */
    public MemorySegment data() {
        return data;
    }

    public long length() {
        return data.byteSize();
    }

    public QueryStatistics statistics() {
        return statistics;
    }

    public byte[] toByteArray() {
        return data.toArray(ValueLayout.JAVA_BYTE);
    }

    /** Copies the output to {@code out} in slices, so a large result never needs a second full copy on the heap. */
    public void writeTo(OutputStream out) throws IOException {
        byte[] slice = new byte[(int) Math.min(1 << 16, Math.max(1, data.byteSize()))];
        for (long offset = 0; offset < data.byteSize(); offset += slice.length) {
            int n = (int) Math.min(slice.length, data.byteSize() - offset);
            MemorySegment.copy(data, ValueLayout.JAVA_BYTE, offset, slice, 0, n);
            out.write(slice, 0, n);
        }
    }

    @Override
    public void close() {
        if (handle != null) {
            MemorySegment h = handle;
            handle = null;
            ChdbNative.invoke(() -> {
                chdb.destroyQueryResult.invokeExact(h);
                return null;
            });
        }
    }
}
