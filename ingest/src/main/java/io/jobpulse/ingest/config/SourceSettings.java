package io.jobpulse.ingest.config;

import io.jobpulse.ingest.connector.JobBoardConnector;
import io.jobpulse.ingest.connector.SourceOptions;

import java.time.Duration;

/**
 * One entry of {@code sources:}, checked against its connector's options.
 *
 * @param id                source instance id: checkpoint key and metrics tag (default from the connector)
 * @param connector         the connector that reads it
 * @param options           the connector's options, typed, defaults filled in
 * @param enabled           false skips it without removing it from the file
 * @param minInterval       a fetch is skipped when the last complete one is more recent than this
 * @param requestsPerSecond per-host request rate for this source
 * @param line              where the entry starts in the file, for messages
 */
public record SourceSettings(String id, JobBoardConnector connector, SourceOptions options, boolean enabled,
                             Duration minInterval, double requestsPerSecond, int line) {
}
