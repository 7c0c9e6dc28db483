/**
 * The embedded default ClickHouse: ClickHouse 26.7 as a native library (chDB, {@code libchdb.so}) loaded with the FFM
 * API, behind a ClickHouse-HTTP-compatible endpoint so the official, unmodified JDBC driver works against it.
 *
 * <p><b>Public API.</b> {@link io.jobpulse.embedded.clickhouse.EmbeddedClickHouse}: {@code start(dataDir, port)},
 * {@code jdbcUrl()}, {@code httpUrl()}, {@code port()}, {@code version()}, {@code stopEndpoint()} /
 * {@code startEndpoint()}, {@code close()}. Everything outside this module talks JDBC to {@code jdbcUrl()} and never
 * sees chDB. The engine classes ({@link io.jobpulse.embedded.clickhouse.ChdbEngine},
 * {@link io.jobpulse.embedded.clickhouse.ChdbConnection}, {@link io.jobpulse.embedded.clickhouse.InsertStream}) are
 * public only so the benchmarks can measure the engine without HTTP.
 *
 * <p><b>Roles.</b>
 * <ul>
 *   <li>{@link io.jobpulse.embedded.clickhouse.ChdbLibrary}: finds {@code libchdb.so} in the per-machine cache, or fetches
 *       it once with {@code npm pack}, checks its pinned SHA-512, and extracts it under a file lock.</li>
 *   <li>{@link io.jobpulse.embedded.clickhouse.ChdbEngine}: the per-JVM engine on one data directory, with an anchor
 *       connection for its lifetime; chDB's signal handlers off before the first connect.</li>
 *   <li>{@link io.jobpulse.embedded.clickhouse.ClickHouseHttpEndpoint}: ClickHouse's HTTP interface on 127.0.0.1 with
 *       a bounded worker pool; one chDB connection per request, or per {@code session_id}.</li>
 *   <li>{@link io.jobpulse.embedded.clickhouse.CompressedBlocks} and {@link io.jobpulse.embedded.clickhouse.CityHash128}:
 *       ClickHouse's LZ4 block framing for {@code compress=1} / {@code decompress=1}.</li>
 * </ul>
 *
 * <p><b>Known differences from a ClickHouse server.</b> One user ({@code default}, no password). URL settings run as
 * {@code SET} on the request's connection, so inside a {@code session_id} they persist for the session. Results are
 * materialized before they are sent (chDB has no incremental output here), so there are no progress headers and
 * {@code wait_end_of_query} is implied. HTTP-level compression ({@code enable_http_compression}) of responses is not
 * offered; gzip/deflate request bodies are accepted. Engine errors are HTTP 500 (ClickHouse maps a few codes to 4xx);
 * faults found by the endpoint itself (bad framing, bad parameters, unsupported method, oversized statement) are 4xx.
 * A client that stalls in the middle of its request body holds one worker thread until it disconnects. INSERT data is
 * streamed into chDB when the statement is in the {@code query} URL parameter (as the JDBC driver sends it); a statement
 * in the body with its data after it is read whole, up to the statement limit (128 MiB by default).
 * chDB runs with clickhouse-local's defaults, e.g. {@code implicit_select} is on, so {@code SELEC x} is not a syntax
 * error but an unknown identifier.
 */
package io.jobpulse.embedded.clickhouse;
