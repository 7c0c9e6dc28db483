package io.jobpulse.ingest.publish;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Publishes batches atomically: each batch (postings, their checkpoint entries, dead letters) is one Kafka
 * transaction of an idempotent producer ({@code acks=all}), so a reader with {@code read_committed} sees all of a
 * batch or none of it, and a run killed mid-batch leaves nothing half-published. Batches go out one at a time on a
 * dedicated thread, so sources keep normalizing while the previous batch is in flight.
 *
 * <p>The transactional id is stable per deployment: a restarted run fences its predecessor and aborts whatever that
 * one left open before reading the checkpoint.
 */
public final class PostingPublisher implements AutoCloseable {

    private final Producer<String, byte[]> producer;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ingest-publisher");
        t.setDaemon(true);
        return t;
    });
    private volatile KafkaException fatal;

    public PostingPublisher(Producer<String, byte[]> producer) {
        this.producer = producer;
        producer.initTransactions();
    }

    /** Producer settings: idempotent, acks=all, transactional. */
    public static Map<String, Object> producerConfig(String bootstrapServers, String transactionalId) {
        Map<String, Object> c = new HashMap<>();
        c.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        c.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        c.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        c.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024);
        c.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 60_000);
        c.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
        return c;
    }

    public static PostingPublisher connect(String bootstrapServers, String transactionalId) {
        return new PostingPublisher(new KafkaProducer<>(producerConfig(bootstrapServers, transactionalId),
                new StringSerializer(), new ByteArraySerializer()));
    }

    /** Queues a batch; the future completes when its transaction committed, or fails (the batch then aborted). */
    public CompletableFuture<Void> publish(List<OutgoingRecord> batch) {
        return CompletableFuture.runAsync(() -> send(batch), sender);
    }

    private void send(List<OutgoingRecord> batch) {
        if (fatal != null) {
            throw new IllegalStateException("publisher stopped: " + fatal.getMessage(), fatal);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            producer.beginTransaction();
            for (OutgoingRecord r : batch) {
                producer.send(new ProducerRecord<>(r.topic(), r.key(), r.value()));
            }
            producer.commitTransaction();
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
            // Another run with our transactional id took over, or the producer is unusable: stop publishing.
            fatal = e;
            throw e;
        } catch (KafkaException e) {
            try {
                producer.abortTransaction();
            } catch (KafkaException abortFailed) {
                fatal = abortFailed;
            }
            throw e;
        }
    }

    /** True after an error that leaves the producer unusable (fenced, out of sequence); a new publisher is needed. */
    public boolean broken() {
        return fatal != null;
    }

    @Override
    public void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(30));
    }
}
