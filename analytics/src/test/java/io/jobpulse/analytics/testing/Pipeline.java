package io.jobpulse.analytics.testing;

import io.jobpulse.analytics.ClickHouseSettings;
import io.jobpulse.analytics.sink.ClickHouseSink;
import io.jobpulse.analytics.sink.SinkSettings;
import io.jobpulse.contracts.AvroSerdes;
import io.jobpulse.contracts.avro.AggregateRow;
import io.jobpulse.contracts.avro.EnrichedPosting;
import io.jobpulse.embedded.EmbeddedStack;
import io.jobpulse.embedded.testing.SharedStack;
import io.jobpulse.embedded.testing.TestClickHouse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A test's own slice of the shared embedded stack: its database, its topics, a producer for enriched postings and
 * aggregate rows, and sinks to run against them.
 */
public final class Pipeline implements AutoCloseable {

    public final EmbeddedStack stack = SharedStack.get();
    public final String database;
    public final ClickHouseSettings clickHouse;
    public final SinkSettings sinkSettings;
    private final KafkaProducer<String, EnrichedPosting> postings;
    private final KafkaProducer<String, AggregateRow> aggregates;
    private final List<Running> sinks = new ArrayList<>();

    public record Running(ClickHouseSink sink, Thread thread) {
    }

    public Pipeline(String name) {
        database = TestClickHouse.createDatabase(name);
        clickHouse = new ClickHouseSettings(stack.clickHouseJdbcUrl(), database, "default", "");
        String suffix = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        sinkSettings = SinkSettings.defaults(stack.kafkaBootstrapServers(), stack.registry(), clickHouse)
                .withTopics("it.enriched." + suffix, "it.aggregates." + suffix, "it.dead-letters." + suffix)
                .withGroupId("it-sink-" + suffix)
                .withBatching(500, Duration.ofMillis(200))
                .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        postings = new KafkaProducer<>(p, new StringSerializer(), AvroSerdes.serializer(stack.registry(), EnrichedPosting.class, false));
        aggregates = new KafkaProducer<>(p, new StringSerializer(), AvroSerdes.serializer(stack.registry(), AggregateRow.class, false));
    }

    public Running startSink(SinkSettings settings) {
        ClickHouseSink sink = new ClickHouseSink(settings);
        Thread thread = Thread.ofPlatform().name("it-sink").start(sink);
        Running running = new Running(sink, thread);
        sinks.add(running);
        return running;
    }

    public Running startSink() {
        return startSink(sinkSettings);
    }

    public void stop(Running running) throws InterruptedException {
        running.sink().close();
        running.thread().join(20_000);
    }

    public void sendPostings(Collection<EnrichedPosting> values) throws Exception {
        List<Future<?>> sent = new ArrayList<>();
        for (EnrichedPosting p : values) {
            sent.add(postings.send(new ProducerRecord<>(sinkSettings.enrichedTopic(), p.getId(), p)));
        }
        for (Future<?> f : sent) {
            f.get();
        }
    }

    public void sendAggregates(Collection<AggregateRow> values) throws Exception {
        List<Future<?>> sent = new ArrayList<>();
        for (AggregateRow r : values) {
            String key = r.getAggregate() + "|" + r.getRole() + "|" + r.getDay() + "|" + r.getDim1() + "|" + r.getDim2();
            sent.add(aggregates.send(new ProducerRecord<>(sinkSettings.aggregatesTopic(), key, r)));
        }
        for (Future<?> f : sent) {
            f.get();
        }
    }

    /** Everything on the dead-letter topic so far. */
    public List<ConsumerRecord<String, String>> deadLetters(int atLeast, Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-dlq-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(sinkSettings.deadLetterTopic()));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (out.size() < atLeast && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            // One more poll to catch anything beyond what was expected.
            consumer.poll(Duration.ofMillis(500)).forEach(out::add);
        }
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        for (Running r : sinks) {
            stop(r);
        }
        postings.close();
        aggregates.close();
    }
}
