package io.jobpulse.embedded.clickhouse;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * The slice of chDB's C API ({@code chdb.h}) the engine uses, bound once through the FFM linker.
 *
 * <p>Pointers cross as {@link MemorySegment}s of size zero; {@code size_t} is a {@code long} (Linux x64 only, like the
 * library). Every handle's invocation throws {@code Throwable}; callers go through {@link #invoke}.
 */
final class ChdbNative {

    final MethodHandle version;
    final MethodHandle setSignalHandlersEnabled;
    final MethodHandle connect;
    final MethodHandle closeConnection;
    final MethodHandle queryN;
    final MethodHandle queryWithParamsN;
    final MethodHandle resultBuffer;
    final MethodHandle resultLength;
    final MethodHandle resultElapsed;
    final MethodHandle resultRowsRead;
    final MethodHandle resultBytesRead;
    final MethodHandle resultStorageRowsRead;
    final MethodHandle resultStorageBytesRead;
    final MethodHandle resultRowsWritten;
    final MethodHandle resultBytesWritten;
    final MethodHandle resultError;
    final MethodHandle destroyQueryResult;
    final MethodHandle streamInsertWithParamsN;
    final MethodHandle streamAppend;
    final MethodHandle streamDone;
    final MethodHandle streamCancelInsert;
    final MethodHandle streamInsertError;
    final MethodHandle destroyInsertStream;

    @SuppressWarnings("restricted")
    private ChdbNative(SymbolLookup library) {
        Linker linker = Linker.nativeLinker();
        Binder bind = (name, descriptor) -> linker.downcallHandle(
                library.find(name).orElseThrow(() -> new IllegalStateException("libchdb has no symbol " + name
                        + "; is it the pinned chDB version?")),
                descriptor);
        version = bind.to("chdb_version", FunctionDescriptor.of(ADDRESS));
        setSignalHandlersEnabled = bind.to("chdb_set_signal_handlers_enabled", FunctionDescriptor.ofVoid(JAVA_INT));
        connect = bind.to("chdb_connect", FunctionDescriptor.of(ADDRESS, JAVA_INT, ADDRESS));
        closeConnection = bind.to("chdb_close_conn", FunctionDescriptor.ofVoid(ADDRESS));
        queryN = bind.to("chdb_query_n", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG));
        queryWithParamsN = bind.to("chdb_query_with_params_n", FunctionDescriptor.of(ADDRESS,
                ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG));
        resultBuffer = bind.to("chdb_result_buffer", FunctionDescriptor.of(ADDRESS, ADDRESS));
        resultLength = bind.to("chdb_result_length", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        resultElapsed = bind.to("chdb_result_elapsed", FunctionDescriptor.of(JAVA_DOUBLE, ADDRESS));
        resultRowsRead = bind.to("chdb_result_rows_read", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        resultBytesRead = bind.to("chdb_result_bytes_read", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        resultStorageRowsRead = bind.to("chdb_result_storage_rows_read", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        resultStorageBytesRead = bind.to("chdb_result_storage_bytes_read", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        resultRowsWritten = bind.to("chdb_result_rows_written", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        resultBytesWritten = bind.to("chdb_result_bytes_written", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        resultError = bind.to("chdb_result_error", FunctionDescriptor.of(ADDRESS, ADDRESS));
        destroyQueryResult = bind.to("chdb_destroy_query_result", FunctionDescriptor.ofVoid(ADDRESS));
        streamInsertWithParamsN = bind.to("chdb_stream_insert_with_params_n", FunctionDescriptor.of(ADDRESS,
                ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG));
        streamAppend = bind.to("chdb_stream_append", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG));
        streamDone = bind.to("chdb_stream_done", FunctionDescriptor.of(ADDRESS, ADDRESS));
        streamCancelInsert = bind.to("chdb_stream_cancel_insert", FunctionDescriptor.ofVoid(ADDRESS));
        streamInsertError = bind.to("chdb_stream_insert_error", FunctionDescriptor.of(ADDRESS, ADDRESS));
        destroyInsertStream = bind.to("chdb_destroy_insert_stream", FunctionDescriptor.ofVoid(ADDRESS));
    }

    @FunctionalInterface
    private interface Binder {
        MethodHandle to(String name, FunctionDescriptor descriptor);
    }

    /** Loads the library into the process for good: a native library cannot be unloaded while its threads run. */
    @SuppressWarnings("restricted")
    static ChdbNative load(Path library) {
        return new ChdbNative(SymbolLookup.libraryLookup(library, Arena.global()));
    }

    /** A NUL-terminated C string returned by chDB, or null for a NULL pointer. */
    @SuppressWarnings("restricted")
    static String cString(MemorySegment pointer) {
        if (pointer.equals(MemorySegment.NULL)) {
            return null;
        }
        return pointer.reinterpret(Long.MAX_VALUE).getString(0);
    }

    @FunctionalInterface
    interface NativeCall<T> {
        T call() throws Throwable;
    }

    static <T> T invoke(NativeCall<T> call) {
        try {
            return call.call();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("chDB native call failed", e);
        }
    }
}
