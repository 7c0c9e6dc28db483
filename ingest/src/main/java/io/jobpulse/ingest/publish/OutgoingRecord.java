package io.jobpulse.ingest.publish;

/**
 * One record of a publish batch, already serialized.
 *
 * @param value null for a tombstone
 */
public record OutgoingRecord(String topic, String key, byte[] value) {
}
