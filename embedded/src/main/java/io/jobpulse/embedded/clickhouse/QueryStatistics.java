package io.jobpulse.embedded.clickhouse;

import java.lang.foreign.MemorySegment;

/**
 * A statement's progress counters, with the meaning of the fields of ClickHouse's {@code X-ClickHouse-Summary} header.
 *
 * @param readRows rows read from storage
 * @param readBytes bytes read from storage
 * @param writtenRows rows written, including those cascaded through materialized views
 * @param writtenBytes bytes written, likewise
 * @param resultRows rows in the statement's output
 * @param resultBytes bytes of the output in ClickHouse's internal representation
 * @param elapsedNanos time chDB spent on the statement
 */
public record QueryStatistics(long readRows, long readBytes, long writtenRows, long writtenBytes,
                              long resultRows, long resultBytes, long elapsedNanos) {

    public static final QueryStatistics NONE = new QueryStatistics(0, 0, 0, 0, 0, 0, 0);

    static QueryStatistics of(ChdbNative chdb, MemorySegment result) {
        return ChdbNative.invoke(() -> new QueryStatistics(
                (long) chdb.resultStorageRowsRead.invokeExact(result),
                (long) chdb.resultStorageBytesRead.invokeExact(result),
                (long) chdb.resultRowsWritten.invokeExact(result),
                (long) chdb.resultBytesWritten.invokeExact(result),
                (long) chdb.resultRowsRead.invokeExact(result),
                (long) chdb.resultBytesRead.invokeExact(result),
                (long) ((double) chdb.resultElapsed.invokeExact(result) * 1e9)));
    }

    /** The header value a ClickHouse server sends, field names and all (numbers as strings, as ClickHouse does). */
    public String toSummaryJson() {
        return "{\"read_rows\":\"" + readRows + "\",\"read_bytes\":\"" + readBytes
                + "\",\"written_rows\":\"" + writtenRows + "\",\"written_bytes\":\"" + writtenBytes
                + "\",\"total_rows_to_read\":\"" + readRows + "\",\"result_rows\":\"" + resultRows
                + "\",\"result_bytes\":\"" + resultBytes + "\",\"elapsed_ns\":\"" + elapsedNanos + "\"}";
    }
}
