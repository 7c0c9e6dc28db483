package io.jobpulse.embedded.clickhouse;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One chDB connection: its own current database and settings ({@code USE}/{@code SET} stick to it), running one
 * statement at a time. Connections of one engine run in parallel. Thread-safe: callers queue on the connection.
 */
public final class ChdbConnection implements AutoCloseable {

    private final ChdbEngine engine;
    private final ChdbNative chdb;
    /** chDB's {@code chdb_connection *}: {@code chdb_close_conn} takes the pointer, queries take what it points at. */
    private final MemorySegment pointerToHandle;
    private final MemorySegment handle;
    private final ReentrantLock statementLock = new ReentrantLock();
    private volatile boolean closed;

    @SuppressWarnings("restricted")
    ChdbConnection(ChdbEngine engine, ChdbNative chdb, MemorySegment pointerToHandle) {
        this.engine = engine;
        this.chdb = chdb;
        this.pointerToHandle = pointerToHandle.reinterpret(ADDRESS.byteSize());
        this.handle = this.pointerToHandle.get(ADDRESS, 0);
    }

    /** Runs one statement, returning its whole output in {@code format}; throws {@link ChdbException} if refused. */
    public QueryResult query(String sql, String format) {
        return query(sql, format, Map.of());
    }

    /**
     * Runs one statement with {@code {name:Type}} placeholders bound server-side: values are text in ClickHouse's
     * escaped (TSV field) syntax, never spliced into the SQL.
     */
    public QueryResult query(String sql, String format, Map<String, String> parameters) {
        return query(sql.getBytes(StandardCharsets.UTF_8), format, parameters);
    }

    /** As {@link #query(String, String, Map)}, for statement text that is not all UTF-8 (inline binary insert data). */
    public QueryResult query(byte[] sql, String format, Map<String, String> parameters) {
        statementLock.lock();
        try {
            ensureOpen();
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment query = bytes(arena, sql);
                MemorySegment fmt = bytes(arena, format);
                MemorySegment result;
                if (parameters.isEmpty()) {
                    result = ChdbNative.invoke(() -> (MemorySegment) chdb.queryN.invokeExact(
                            handle, query, query.byteSize(), fmt, fmt.byteSize()));
                } else {
                    Parameters p = Parameters.of(arena, parameters);
                    result = ChdbNative.invoke(() -> (MemorySegment) chdb.queryWithParamsN.invokeExact(
                            handle, query, query.byteSize(), fmt, fmt.byteSize(),
                            p.names(), p.nameLengths(), p.values(), p.valueLengths(), (long) parameters.size()));
                }
                return checked(result);
            }
        } finally {
            statementLock.unlock();
        }
    }

    /**
     * Starts a streaming insert: {@code insertSql} names the table and columns without FORMAT or data, and the
     * caller appends {@code format}-encoded chunks. The connection takes no other statement until the stream closes.
     */
    public InsertStream insert(String insertSql, String format, Map<String, String> parameters) {
        statementLock.lock();
        try {
            ensureOpen();
            MemorySegment stream;
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment query = bytes(arena, insertSql);
                MemorySegment fmt = bytes(arena, format);
                Parameters p = Parameters.of(arena, parameters);
                stream = ChdbNative.invoke(() -> (MemorySegment) chdb.streamInsertWithParamsN.invokeExact(
                        handle, query, query.byteSize(), fmt, fmt.byteSize(),
                        p.names(), p.nameLengths(), p.values(), p.valueLengths(), (long) parameters.size()));
            }
            InsertStream insert = new InsertStream(chdb, stream, statementLock::unlock);
            try {
                insert.throwIfFailed();
            } catch (RuntimeException e) {
                insert.close();
                throw e;
            }
            return insert;
        } catch (RuntimeException e) {
            if (statementLock.isHeldByCurrentThread()) {
                statementLock.unlock();
            }
            throw e;
        }
    }

    QueryResult checked(MemorySegment result) {
        if (result.equals(MemorySegment.NULL)) {
            throw new ChdbException(ChdbException.UNKNOWN_EXCEPTION, "chDB returned no result (is the engine shut down?)");
        }
        String error = ChdbNative.cString(ChdbNative.invoke(() -> (MemorySegment) chdb.resultError.invokeExact(result)));
        if (error != null) {
            ChdbNative.invoke(() -> {
                chdb.destroyQueryResult.invokeExact(result);
                return null;
            });
            throw new ChdbException(error.strip());
        }
        return new QueryResult(chdb, result);
    }

    public boolean isClosed() {
        return closed;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("This chDB connection is closed");
        }
    }

    @Override
    public void close() {
        statementLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            ChdbNative.invoke(() -> {
                chdb.closeConnection.invokeExact(pointerToHandle);
                return null;
            });
        } finally {
            statementLock.unlock();
        }
        engine.forget(this);
    }

    static MemorySegment bytes(Arena arena, String text) {
        return bytes(arena, text.getBytes(StandardCharsets.UTF_8));
    }

    static MemorySegment bytes(Arena arena, byte[] utf8) {
        // One spare NUL byte: harmless for the _n functions, and keeps a zero-length string a valid pointer.
        MemorySegment segment = arena.allocate(utf8.length + 1L);
        MemorySegment.copy(utf8, 0, segment, JAVA_BYTE, 0, utf8.length);
        return segment.asSlice(0, utf8.length);
    }

    /** The four parallel arrays chDB's {@code *_with_params_n} functions take. */
    private record Parameters(MemorySegment names, MemorySegment nameLengths, MemorySegment values,
                              MemorySegment valueLengths) {

        static Parameters of(Arena arena, Map<String, String> parameters) {
            if (parameters.isEmpty()) {
                return new Parameters(MemorySegment.NULL, MemorySegment.NULL, MemorySegment.NULL, MemorySegment.NULL);
            }
            int n = parameters.size();
            MemorySegment names = arena.allocate(ADDRESS, n);
            MemorySegment nameLengths = arena.allocate(JAVA_LONG, n);
            MemorySegment values = arena.allocate(ADDRESS, n);
            MemorySegment valueLengths = arena.allocate(JAVA_LONG, n);
            int i = 0;
            for (Map.Entry<String, String> parameter : parameters.entrySet()) {
                MemorySegment name = bytes(arena, parameter.getKey());
                MemorySegment value = bytes(arena, parameter.getValue());
                names.setAtIndex(ADDRESS, i, name);
                nameLengths.setAtIndex(JAVA_LONG, i, name.byteSize());
                values.setAtIndex(ADDRESS, i, value);
                valueLengths.setAtIndex(JAVA_LONG, i, value.byteSize());
                i++;
            }
            return new Parameters(names, nameLengths, values, valueLengths);
        }
    }
}
