package io.jobpulse.embedded.clickhouse;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A streaming insert in progress: chunks of encoded rows go in with {@link #append}, {@link #finish} commits and
 * reports what was written. Closing without finishing cancels. Not thread-safe: the thread that started the insert
 * appends and closes it, since the stream holds its connection's statement lock until closed.
 */
public final class InsertStream implements AutoCloseable {

    private static final int INITIAL_BUFFER = 1 << 16;

    private final ChdbNative chdb;
    private final MemorySegment stream;
    private final Runnable releaseConnection;
    private final Arena arena = Arena.ofShared();
    private MemorySegment buffer;
    private boolean finished;
    private boolean closed;

    InsertStream(ChdbNative chdb, MemorySegment stream, Runnable releaseConnection) {
        this.chdb = chdb;
        this.stream = stream;
        this.releaseConnection = releaseConnection;
        this.buffer = arena.allocate(INITIAL_BUFFER);
    }

    /** Hands one chunk to chDB, which copies it; rows may span chunks. Blocks while chDB applies back-pressure. */
    public void append(byte[] chunk, int offset, int length) {
        if (length == 0) {
            return;
        }
        if (buffer.byteSize() < length) {
            buffer = arena.allocate(Math.max(length, buffer.byteSize() * 2));
        }
        MemorySegment.copy(chunk, offset, buffer, JAVA_BYTE, 0, length);
        int state = ChdbNative.invoke(() -> (int) chdb.streamAppend.invokeExact(stream, buffer, (long) length));
        if (state != 0) {
            throwIfFailed();
            throw new ChdbException(ChdbException.UNKNOWN_EXCEPTION, "chDB refused a chunk of the insert stream");
        }
    }

    public void append(byte[] chunk) {
        append(chunk, 0, chunk.length);
    }

    /** Ends the input and commits; the statistics count rows written, cascaded materialized views included. */
    public QueryStatistics finish() {
        finished = true;
        MemorySegment result = ChdbNative.invoke(() -> (MemorySegment) chdb.streamDone.invokeExact(stream));
        if (result.equals(MemorySegment.NULL)) {
            throwIfFailed();
            return QueryStatistics.NONE;
        }
        String error = ChdbNative.cString(ChdbNative.invoke(() -> (MemorySegment) chdb.resultError.invokeExact(result)));
        try {
            if (error != null) {
                throw new ChdbException(error.strip());
            }
            return QueryStatistics.of(chdb, result);
        } finally {
            ChdbNative.invoke(() -> {
                chdb.destroyQueryResult.invokeExact(result);
                return null;
            });
        }
    }

    void throwIfFailed() {
        String error = ChdbNative.cString(ChdbNative.invoke(() -> (MemorySegment) chdb.streamInsertError.invokeExact(stream)));
        if (error != null) {
            throw new ChdbException(error.strip());
        }
    }

    /** Cancels an unfinished insert (rows already flushed stay, as in ClickHouse) and frees the stream. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!finished) {
                ChdbNative.invoke(() -> {
                    chdb.streamCancelInsert.invokeExact(stream);
                    return null;
                });
            }
            ChdbNative.invoke(() -> {
                chdb.destroyInsertStream.invokeExact(stream);
                return null;
            });
        } finally {
            arena.close();
            releaseConnection.run();
        }
    }
}
