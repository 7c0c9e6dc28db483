package io.jobpulse.analytics.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobpulse.analytics.schema.SchemaMigrator;
import io.jobpulse.contracts.TopicSpec;
import io.jobpulse.contracts.Topics;
import io.jobpulse.contracts.avro.AggregateRow;
import io.jobpulse.contracts.avro.EnrichedPosting;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka-to-ClickHouse sink: consumes enriched postings ({@code Topics.ENRICHED_POSTINGS}) and aggregate cells
 * ({@code Topics.AGGREGATES}) and writes them to the {@code postings} and {@code aggregates} tables in batches.
 *
 * <ul>
 *   <li><b>Batches</b> close at {@link SinkSettings#batchRows()} records or after {@link SinkSettings#batchDelay()},
 *       and are written with the driver's RowBinary path ({@code beta.row_binary_for_simple_insert=true}).</li>
 *   <li><b>At-least-once, never double counted</b>: offsets are committed only after ClickHouse accepted the whole
 *       batch (and its rejected rows reached the dead-letter topic). A batch redelivered after a crash or a rebalance
 *       is harmless: both tables are ReplacingMergeTree by version and read with FINAL, so a row written twice is one
 *       row.</li>
 *   <li><b>Role page rows</b>: inserting postings fills {@code role_postings} through a materialized view; after the
 *       postings of a batch the sink retracts the (role, day) keys their newest versions no longer have
 *       ({@link RoleKeyRetraction}).</li>
 *   <li><b>ClickHouse unavailable</b>: the batch is kept, the consumer paused (it keeps polling, so it stays in the
 *       group), and the insert retried with exponential back-off; the status ({@link SinkStatus}) and a warning per
 *       attempt report it. When ClickHouse answers again the same batch is written and consumption resumes.</li>
 *   <li><b>Rows ClickHouse refuses</b> (a data error code, e.g. a violated constraint): the failed batch is bisected
 *       until the refused rows are alone; each goes to {@code Topics.ANALYTICS_DEAD_LETTERS} as JSON with the reason,
 *       the rest are written. Records that cannot be deserialized go there too.</li>
 * </ul>
 * Run with {@code ./jobpulse analytics sink} (or in-process with {@code serve --with-sink}).
 */
public final class ClickHouseSink implements Runnable, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClickHouseSink.class);
    private static final Map<String, String> ROW_BINARY = Map.of("beta.row_binary_for_simple_insert", "true");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A record taken from Kafka: a row for one of the tables, or one that could not be decoded. */
    private sealed interface Pending permits Row, Undecodable {
        TopicPartition partition();

        long offset();
    }

    private record Row(TopicPartition partition, long offset, String key, Object value) implements Pending {
    }

    private record Undecodable(TopicPartition partition, long offset, String key, byte[] payload, String reason)
            implements Pending {
    }

    private record DeadLetter(TopicPartition partition, long offset, String key, String reason, String row, byte[] payload) {
    }

    private final SinkSettings settings;
    private final SinkStatus status = new SinkStatus();
    private final PostingsTable postings = new PostingsTable();
    private final AggregatesTable aggregates = new AggregatesTable();
    private final List<Pending> buffer = new ArrayList<>();
    /** Inserts run here, so the consumer thread polls and deserializes the next batch meanwhile. One at a time. */
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "clickhouse-sink-writer"));
    /** The batch being written (or held for a retry), and the write in progress; null when none. */
    private List<Pending> held;
    private Future<Integer> inFlight;
    private volatile boolean running = true;
    private KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, String> deadLetters;
    private ConfluentAvroReader<EnrichedPosting> postingReader;
    private ConfluentAvroReader<AggregateRow> aggregateReader;
    private Connection connection;
    private long bufferStartedNanos;

    public ClickHouseSink(SinkSettings settings) {
        this.settings = settings;
    }

    public SinkStatus status() {
        return status;
    }

    /** Consumes and writes until {@link #close()}; the calling thread is the sink's thread. */
    @Override
    public void run() {
        try {
            ensureTopics();
            migrateWithRetry();
            postingReader = new ConfluentAvroReader<>(settings.registry(), EnrichedPosting.class);
            aggregateReader = new ConfluentAvroReader<>(settings.registry(), AggregateRow.class);
            deadLetters = new KafkaProducer<>(producerProperties(), new StringSerializer(), new StringSerializer());
            consumer = new KafkaConsumer<>(consumerProperties(), new StringDeserializer(), new ByteArrayDeserializer());
            consumer.subscribe(List.of(settings.enrichedTopic(), settings.aggregatesTopic()), new DropRevoked());
            status.state(SinkStatus.State.RUNNING);
            log.info("Sink consuming {} and {} into {} (batches of {} rows or {} ms)", settings.enrichedTopic(),
                    settings.aggregatesTopic(), settings.clickHouse(), settings.batchRows(), settings.batchDelay().toMillis());
            while (running) {
                Duration timeout = inFlight != null ? Duration.ofMillis(5)
                        : buffer.isEmpty() ? Duration.ofMillis(500) : untilBatchDue();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
                    add(record);
                }
                if (inFlight != null && (inFlight.isDone() || buffer.size() >= settings.batchRows())) {
                    finishWrite(); // waits when the next batch is already full: one batch in memory beyond the one written
                }
                if (inFlight == null && batchDue()) {
                    held = new ArrayList<>(buffer);
                    buffer.clear();
                    List<Pending> batch = held;
                    inFlight = writer.submit(() -> write(batch));
                }
            }
        } catch (WakeupException e) {
            // close() was called.
        } catch (RuntimeException e) {
            status.fatal(ClickHouseErrors.reason(e));
            log.error("Sink stopped: {}", e.getMessage(), e);
            throw e;
        } finally {
            shutdown();
        }
    }

    /** Stops the loop; a batch not yet written stays uncommitted and is consumed again next time. */
    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    private void add(ConsumerRecord<String, byte[]> record) {
        if (buffer.isEmpty()) {
            bufferStartedNanos = System.nanoTime();
        }
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        if (record.value() == null) {
            // A tombstone: compaction's deletion marker. Postings leave the counts by closing, not by deletion, so
            // there is nothing to write; the offset still moves on with the batch.
            buffer.add(new Row(tp, record.offset(), record.key(), null));
            return;
        }
        try {
            Object value = record.topic().equals(settings.enrichedTopic())
                    ? postingReader.read(record.value())
                    : aggregateReader.read(record.value());
            buffer.add(new Row(tp, record.offset(), record.key(), value));
        } catch (IllegalArgumentException e) {
            // The payload itself is bad (framing, unknown schema id, bytes not matching the schema). A registry that
            // cannot be reached is an IllegalStateException and stops the sink instead: nothing is dead-lettered for it.
            buffer.add(new Undecodable(tp, record.offset(), record.key(), record.value(),
                    "cannot deserialize: " + ClickHouseErrors.reason(e)));
        }
    }

    private boolean batchDue() {
        return !buffer.isEmpty() && (buffer.size() >= settings.batchRows()
                || System.nanoTime() - bufferStartedNanos >= settings.batchDelay().toNanos());
    }

    private Duration untilBatchDue() {
        long left = settings.batchDelay().toNanos() - (System.nanoTime() - bufferStartedNanos);
        return Duration.ofNanos(Math.max(TimeUnit.MILLISECONDS.toNanos(1), left));
    }

    /**
     * Completes the write in progress: on success commits its offsets; when ClickHouse (or the dead-letter topic)
     * failed, keeps the batch and retries it with back-off until it is written or the sink is closed.
     */
    private void finishWrite() {
        Duration backoff = settings.backoffInitial();
        Future<Integer> attempt = inFlight;
        while (true) {
            try {
                int rejected = attempt.get();
                commit(held);
                status.batchWritten(held.size() - rejected, rejected);
                if (!consumer.paused().isEmpty()) {
                    log.info("ClickHouse accepted the held batch; resuming consumption");
                    consumer.resume(consumer.paused());
                }
                held = null;
                inFlight = null;
                return;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (!(cause instanceof SQLException || cause instanceof KafkaException || cause instanceof TimeoutException
                        || cause instanceof ExecutionException)) {
                    throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
                }
                status.failed(ClickHouseErrors.reason(cause));
                log.warn("Batch of {} records not written (attempt {}), retrying in {} ms: {}", held.size(),
                        status.snapshot().consecutiveFailures(), backoff.toMillis(), ClickHouseErrors.reason(cause));
                inFlight = null;
                if (!running) {
                    return; // uncommitted: consumed again next time
                }
                waitPolling(backoff);
                backoff = backoff.multipliedBy(2).compareTo(settings.backoffMax()) > 0 ? settings.backoffMax() : backoff.multipliedBy(2);
                List<Pending> batch = held;
                attempt = writer.submit(() -> write(batch));
                inFlight = attempt;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while writing a batch", e);
            }
        }
    }

    /** Waits while polling with every partition paused, so the consumer stays in its group and keeps its partitions. */
    private void waitPolling(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (running) {
            consumer.pause(consumer.assignment());
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofNanos(left))) {
                add(record); // Only from partitions assigned during the wait; they join the held batch.
            }
        }
    }

    /** On the writer thread: inserts a batch and dead-letters what ClickHouse refuses; returns the number dead-lettered. */
    private int write(List<Pending> batch) throws SQLException, TimeoutException, ExecutionException, InterruptedException {
        try {
            return writeOnce(batch);
        } catch (SQLException | KafkaException | TimeoutException | ExecutionException e) {
            closeConnection(); // a fresh one for the retry
            throw e;
        }
    }

    private int writeOnce(List<Pending> batch) throws SQLException, TimeoutException, ExecutionException, InterruptedException {
        List<Row> postingRows = new ArrayList<>();
        List<Row> aggregateRows = new ArrayList<>();
        List<DeadLetter> rejected = new ArrayList<>();
        for (Pending p : batch) {
            switch (p) {
                case Row r when r.value() == null -> { }
                case Row r when r.value() instanceof EnrichedPosting -> postingRows.add(r);
                case Row r -> aggregateRows.add(r);
                case Undecodable u -> rejected.add(new DeadLetter(u.partition(), u.offset(), u.key(), u.reason(), null, u.payload()));
            }
        }
        try {
            Connection c = connection();
            insertBisecting(c, postings, postingRows, rejected);
            if (!postingRows.isEmpty()) {
                // After the postings: the retraction reads their newest versions (see RoleKeyRetraction).
                Set<String> ids = new HashSet<>();
                postingRows.forEach(r -> ids.add(((EnrichedPosting) r.value()).getId()));
                RoleKeyRetraction.retract(c, ids);
            }
            insertBisecting(c, aggregates, aggregateRows, rejected);
        } catch (RuntimeException e) {
            // The driver reports some transport failures unchecked (e.g. fetching the table schema in prepareStatement).
            if (ClickHouseErrors.fromClickHouseClient(e)) {
                throw new SQLException(ClickHouseErrors.reason(e), e);
            }
            throw e;
        }
        if (!rejected.isEmpty()) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (DeadLetter d : rejected) {
                sent.add(deadLetters.send(new ProducerRecord<>(settings.deadLetterTopic(), d.key(), deadLetterJson(d))));
                log.warn("Dead-lettered {}-{}@{}: {}", d.partition().topic(), d.partition().partition(), d.offset(), d.reason());
            }
            for (var f : sent) {
                f.get(30, TimeUnit.SECONDS);
            }
        }
        return rejected.size();
    }

    @SuppressWarnings("unchecked")
    private <V> void insertBisecting(Connection c, SinkTable<V> table, List<Row> rows, List<DeadLetter> rejected)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<Row> bound = new ArrayList<>(rows.size());
        try (PreparedStatement insert = c.prepareStatement(table.insertSql())) {
            for (Row row : rows) {
                try {
                    table.bind(c, insert, (V) row.value());
                    insert.addBatch();
                    bound.add(row);
                } catch (SQLException | RuntimeException e) {
                    // The row cannot even be expressed as the table's types: it is refused without asking ClickHouse.
                    insert.clearParameters();
                    rejected.add(deadLetter(row, "invalid row for " + table.name() + ": " + ClickHouseErrors.reason(e)));
                }
            }
            if (bound.isEmpty()) {
                return;
            }
            insert.executeBatch();
        } catch (SQLException e) {
            if (!ClickHouseErrors.isDataRejection(e)) {
                throw e;
            }
            if (bound.size() == 1) {
                rejected.add(deadLetter(bound.getFirst(), ClickHouseErrors.reason(e)));
                return;
            }
            // ClickHouse refuses a whole insert for one bad row; halve until the bad rows are alone.
            int middle = bound.size() / 2;
            insertBisecting(c, table, bound.subList(0, middle), rejected);
            insertBisecting(c, table, bound.subList(middle, bound.size()), rejected);
        }
    }

    private static DeadLetter deadLetter(Row row, String reason) {
        return new DeadLetter(row.partition(), row.offset(), row.key(), reason, String.valueOf(row.value()), null);
    }

    private String deadLetterJson(DeadLetter d) {
        ObjectNode node = JSON.createObjectNode();
        node.put("topic", d.partition().topic());
        node.put("partition", d.partition().partition());
        node.put("offset", d.offset());
        node.put("key", d.key());
        node.put("reason", d.reason());
        if (d.row() != null) {
            node.put("row", d.row());
        }
        if (d.payload() != null) {
            node.put("payload_base64", Base64.getEncoder().encodeToString(d.payload()));
        }
        node.put("rejected_at", Instant.now().toString());
        return node.toString();
    }

    private void commit(List<Pending> batch) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (Pending p : batch) {
            offsets.merge(p.partition(), new OffsetAndMetadata(p.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        try {
            consumer.commitSync(offsets);
        } catch (CommitFailedException e) {
            // The group moved the partitions on; their new owner re-reads from the last commit. Rewriting rows that
            // are already in ClickHouse is harmless (same id and version).
            log.warn("Offsets not committed after a rebalance; the batch will be consumed again: {}", e.getMessage());
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = settings.clickHouse().connect(ROW_BINARY);
        }
        return connection;
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("closing a failed connection", e);
            }
            connection = null;
        }
    }

    private void migrateWithRetry() {
        Duration backoff = settings.backoffInitial();
        while (running) {
            try {
                new SchemaMigrator(settings.clickHouse()).migrate();
                return;
            } catch (SQLException | RuntimeException e) {
                if (e instanceof RuntimeException r && !ClickHouseErrors.fromClickHouseClient(r)) {
                    throw r;
                }
                status.failed(ClickHouseErrors.reason(e));
                log.warn("ClickHouse not ready for migrations, retrying in {} ms: {}", backoff.toMillis(), ClickHouseErrors.reason(e));
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(ie);
                }
                backoff = backoff.multipliedBy(2).compareTo(settings.backoffMax()) > 0 ? settings.backoffMax() : backoff.multipliedBy(2);
            }
        }
    }

    /** Creates the topics the sink reads and writes if the pipeline has not yet (with the pipeline's partitions and configs). */
    private void ensureTopics() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers());
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = new HashSet<>(admin.listTopics().names().get(30, TimeUnit.SECONDS));
            List<NewTopic> missing = new ArrayList<>();
            addIfMissing(existing, missing, settings.enrichedTopic(), Topics.ENRICHED_POSTINGS);
            addIfMissing(existing, missing, settings.aggregatesTopic(), Topics.AGGREGATES);
            addIfMissing(existing, missing, settings.deadLetterTopic(), Topics.ANALYTICS_DEAD_LETTERS);
            for (NewTopic topic : missing) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + topic.name() + ": " + e.getCause().getMessage(), e);
                    }
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka at " + settings.kafkaBootstrapServers() + " not reachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void addIfMissing(Set<String> existing, List<NewTopic> missing, String name, TopicSpec<?, ?> spec) {
        if (!existing.contains(name)) {
            missing.add(new NewTopic(name, spec.partitions(), (short) 1).configs(spec.configs()));
        }
    }

    private Properties consumerProperties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false); // commits follow ClickHouse's acceptance, see finishWrite()
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"); // the streams stage writes transactionally
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.min(settings.batchRows(), 5_000));
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.groupId() + "-" + ProcessHandle.current().pid());
        return p;
    }

    private Properties producerProperties() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return p;
    }

    private void shutdown() {
        if (status.state() != SinkStatus.State.FAILED) {
            status.state(SinkStatus.State.STOPPED);
        }
        if (inFlight != null && consumer != null) {
            try {
                int rejected = inFlight.get(30, TimeUnit.SECONDS);
                commit(held);
                status.batchWritten(held.size() - rejected, rejected);
            } catch (Exception e) {
                log.debug("last batch not confirmed; it is consumed again next time", e);
            }
        }
        writer.shutdownNow();
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeConnection();
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(5));
        }
        if (deadLetters != null) {
            deadLetters.close(Duration.ofSeconds(5));
        }
        log.info("Sink stopped: {}", status.snapshot());
    }

    /** Batched records of partitions taken away are dropped uncommitted: their new owner reads them again. */
    private final class DropRevoked implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            buffer.removeIf(p -> partitions.contains(p.partition()));
            if (inFlight != null) {
                try {
                    int rejected = inFlight.get();
                    commit(held); // still ours until this callback returns
                    status.batchWritten(held.size() - rejected, rejected);
                    held = null;
                    inFlight = null;
                    return;
                } catch (ExecutionException e) {
                    // Failed: the retry in finishWrite() handles what is left of it.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (held != null) {
                held.removeIf(p -> partitions.contains(p.partition()));
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            onPartitionsRevoked(partitions);
        }
    }
}
