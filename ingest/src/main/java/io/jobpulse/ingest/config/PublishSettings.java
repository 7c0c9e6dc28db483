package io.jobpulse.ingest.config;

/**
 * The {@code kafka:} section: how ingest publishes (where Kafka is comes from {@code PipelineEndpoints}).
 *
 * @param transactionalId     transactional.id of the run's producer; one per deployment, so a second process with
 *                            the same config fences the first instead of publishing twice
 * @param transactionSize     records (postings + checkpoint entries) per transaction
 * @param maxDeadLetterBytes  raw payload kept per dead letter
 */
public record PublishSettings(String transactionalId, int transactionSize, int maxDeadLetterBytes) {

    public static final PublishSettings DEFAULTS = new PublishSettings("jobpulse-ingest", 10_000, 64 * 1024);
}
