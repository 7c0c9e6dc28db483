package io.jobpulse.streams;

import io.jobpulse.contracts.TopicProvisioning;
import io.jobpulse.contracts.AvroSerdes;
import io.jobpulse.contracts.avro.AggregateRow;
import io.jobpulse.contracts.avro.EnrichedPosting;
import io.jobpulse.contracts.avro.JobPosting;
import io.jobpulse.embedded.EmbeddedStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.Deserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * One isolated pipeline on the shared embedded stack: its own suffixed topics and application id; a producer for
 * postings and read_committed readers of its outputs that keep the latest value per key, as the sink does.
 */
final class PipelineFixture implements AutoCloseable {

    final EmbeddedStack stack;
    final TopicNames topics;
    final String applicationId;
    private final KafkaProducer<String, JobPosting> producer;
    private final Latest<AggregateRow> aggregates;
    private final Latest<EnrichedPosting> enriched;
    private final Latest<String> deadLetters;

    PipelineFixture(EmbeddedStack stack, String name) throws InterruptedException {
        this.stack = stack;
        String id = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.topics = TopicNames.suffixed("." + id);
        this.applicationId = "jobpulse-streams-" + id;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
            TopicProvisioning.ensure(admin, topics.specs()); // returns once every partition has a leader
        }
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                // The default five requests in flight: TopicProvisioning.ensure returned only once every partition's
                // leader answers, so the first batches are not refused (which used to wedge an idempotent producer).
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), AvroSerdes.serializer(stack.registry(), JobPosting.class, false));
        aggregates = new Latest<>(topics.aggregates(), AvroSerdes.deserializer(stack.registry(), AggregateRow.class, false));
        enriched = new Latest<>(topics.enrichedPostings(), AvroSerdes.deserializer(stack.registry(), EnrichedPosting.class, false));
        deadLetters = new Latest<>(topics.deadLetters(), new StringDeserializer());
    }

    StreamsSettings settings(java.nio.file.Path stateDir) {
        return StreamsSettings.defaults(stack.kafkaBootstrapServers(), stack.registry())
                .withApplicationId(applicationId).withStateDir(stateDir).withTopics(topics)
                .withAggregateEmitInterval(Duration.ofMillis(200))
                .withOverrides(Map.of("commit.interval.ms", "100", "statestore.cache.max.bytes", "0"));
    }

    void send(List<JobPosting> postings) {
        for (JobPosting p : postings) {
            producer.send(new ProducerRecord<>(topics.postings(), p.getId(), p));
        }
        producer.flush();
    }

    Map<String, AggregateRow> aggregates() {
        return aggregates.poll(row -> row.getVersion());
    }

    Map<String, EnrichedPosting> enriched() {
        return enriched.poll(EnrichedPosting::getVersion);
    }

    Map<String, String> deadLetters() {
        return deadLetters.poll(s -> 0L);
    }

    /**
     * For failure messages: per output/internal partition, the high watermark vs the last stable offset (a gap that
     * does not close is an open transaction), and the application's committed input offsets vs the end.
     */
    String offsetsReport() {
        StringBuilder out = new StringBuilder();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
            List<String> names = List.of(topics.postings(), topics.aggregates(), topics.enrichedPostings(),
                    applicationId + "-dedupe-blocks-repartition", applicationId + "-" + PostingTopology.CONTRIBUTIONS_REPARTITION + "-repartition");
            var described = admin.describeTopics(names).allTopicNames().get();
            Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new HashMap<>();
            described.forEach((name, d) -> d.partitions().forEach(p ->
                    latest.put(new TopicPartition(name, p.partition()), org.apache.kafka.clients.admin.OffsetSpec.latest())));
            var hw = admin.listOffsets(latest).all().get();
            var lso = admin.listOffsets(latest, new org.apache.kafka.clients.admin.ListOffsetsOptions(
                    org.apache.kafka.common.IsolationLevel.READ_COMMITTED)).all().get();
            var committed = admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
            new java.util.TreeMap<String, TopicPartition>(latest.keySet().stream()
                    .collect(java.util.stream.Collectors.toMap(TopicPartition::toString, tp -> tp))).forEach((k, tp) ->
                    out.append(String.format("%n  %s hw=%d lso=%d committed=%s", k, hw.get(tp).offset(), lso.get(tp).offset(),
                            committed.containsKey(tp) ? committed.get(tp).offset() : "-")));
        } catch (Exception e) {
            out.append("offsets unavailable: ").append(e);
        }
        return out.toString();
    }

    @Override
    public void close() {
        producer.close();
        aggregates.close();
        enriched.close();
        deadLetters.close();
    }

    /** Reads a topic from the beginning, committed records only, keeping the highest version per key. */
    final class Latest<V> implements AutoCloseable {
        private final KafkaConsumer<String, V> consumer;
        private final Map<String, V> values = new HashMap<>();

        Latest(String topic, Deserializer<V> valueDeserializer) {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                    new StringDeserializer(), valueDeserializer);
            List<TopicPartition> partitions = IntStream.range(0, consumer.partitionsFor(topic).size())
                    .mapToObj(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        /** Everything committed so far: reads until the position reaches the end offsets taken at the start. */
        Map<String, V> poll(java.util.function.ToLongFunction<V> version) {
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())
                    && System.nanoTime() < deadline) {
                for (var r : consumer.poll(Duration.ofMillis(100))) {
                    V old = values.get(r.key());
                    if (old == null || version.applyAsLong(r.value()) >= version.applyAsLong(old)) {
                        values.put(r.key(), r.value());
                    }
                }
            }
            return Map.copyOf(values);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
