package io.jobpulse.benchmarks.e2e;

import io.jobpulse.analytics.ClickHouseSettings;
import io.jobpulse.analytics.schema.SchemaMigrator;
import io.jobpulse.analytics.sink.SinkSettings;
import io.jobpulse.benchmarks.analytics.SinkThroughputBench;
import io.jobpulse.benchmarks.ingest.FileImportBench;
import io.jobpulse.benchmarks.streams.TopologyBench;
import io.jobpulse.contracts.AvroSerdes;
import io.jobpulse.contracts.TopicProvisioning;
import io.jobpulse.contracts.TopicSpec;
import io.jobpulse.contracts.Topics;
import io.jobpulse.contracts.avro.EnrichedPosting;
import io.jobpulse.contracts.avro.JobPosting;
import io.jobpulse.embedded.EmbeddedStack;
import io.jobpulse.streams.StreamsApp;
import io.jobpulse.streams.StreamsSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The other issues' pass-through baselines, measured on the same stack right after the pipeline run, each on the
 * data that run produced, through the existing harnesses:
 * <ul>
 *   <li>Kafka producer: {@link FileImportBench#baseline} (ingest's producer settings minus transactions) sending as many
 *       records as the bulk load had postings, each of the mean size of the Avro postings ingest published;</li>
 *   <li>streams pass-through: {@link TopologyBench#passThrough} (read and write the postings topic with the
 *       topology's own registry-backed serdes, exactly-once, the pipeline's streams settings), timed by {@link TopologyBench#run};</li>
 *   <li>raw JDBC: {@link SinkThroughputBench#rawInsert} of the enriched postings the topology produced, bound with the
 *       sink's row mapping, into a fresh database.</li>
 * </ul>
 */
final class PassThroughBaselines {

    /** The baselines' results; rates per second. */
    record Result(int recordBytes, long producerRecords, double producerRate, long passThroughRecords,
                  double passThroughRate, long rawRows, int rawBatchRows, double rawJdbcRate) {
    }

    private PassThroughBaselines() {
    }

    static Result measure(EmbeddedStack stack, long postings, Path dir, PrintStream progress) throws Exception {
        String bootstrap = stack.kafkaBootstrapServers();
        long[] sizes = new long[2]; // records, bytes
        readAll(bootstrap, Topics.POSTINGS.name(), new ByteArrayDeserializer(), r -> {
            sizes[0]++;
            sizes[1] += r.value() == null ? 0 : r.value().length;
        });
        int recordBytes = (int) (sizes[1] / Math.max(1, sizes[0]));

        say(progress, "Baseline 1/3: Kafka producer, %,d records of %,d bytes (ingest's producer settings, no transactions) ...",
                postings, recordBytes);
        double producer = FileImportBench.baseline(bootstrap, (int) postings, recordBytes, "bench.e2e.producer-baseline");
        say(progress, "  %,.0f records/s", producer);

        say(progress, "Baseline 2/3: streams pass-through of the %,d records of %s (exactly-once, same serdes) ...",
                sizes[0], Topics.POSTINGS.name());
        String copy = Topics.POSTINGS.name() + ".bench-copy";
        StreamsSettings pass = StreamsSettings.defaults(bootstrap, stack.registry())
                .withApplicationId("jobpulse-bench-pass-through").withStateDir(dir.resolve("pass-through"));
        try (Admin admin = StreamsApp.admin(pass)) {
            TopicProvisioning.ensure(admin, List.of(new TopicSpec<>(copy, Topics.POSTINGS.partitions(), Map.of(),
                    String.class, JobPosting.class, "end-to-end bench: pass-through output")));
        }
        TopologyBench.Run passRun = TopologyBench.run("pass-through",
                TopologyBench.passThrough(TopologyBench.topologySerde(stack.registry()), pass,
                        Topics.POSTINGS.name(), copy), pass, stack, copy, (int) sizes[0]);

        Map<String, EnrichedPosting> enriched = new LinkedHashMap<>();
        try (Deserializer<EnrichedPosting> deserializer = AvroSerdes.deserializer(stack.registry(), EnrichedPosting.class, false)) {
            readAll(bootstrap, Topics.ENRICHED_POSTINGS.name(), deserializer, r -> {
                if (r.value() != null) {
                    enriched.put(r.value().getId(), r.value());
                }
            });
        }
        List<EnrichedPosting> rows = new ArrayList<>(enriched.values());
        // rawInsert does not time its first batch; small runs use smaller batches so most rows are timed.
        int batch = Math.min(SinkSettings.DEFAULT_BATCH_ROWS, Math.max(100, rows.size() / 10));
        say(progress, "Baseline 3/3: raw JDBC batch insert of the %,d enriched postings, batches of %,d rows ...", rows.size(), batch);
        ClickHouseSettings raw = new ClickHouseSettings(stack.clickHouseJdbcUrl(), "bench_e2e_raw", "default", "");
        new SchemaMigrator(raw).migrate();
        double rawRate = SinkThroughputBench.rawInsert(raw, rows, batch);
        say(progress, "  %,.0f rows/s", rawRate);
        return new Result(recordBytes, postings, producer, sizes[0], passRun.rate(), rows.size(), batch, rawRate);
    }

    /** Every committed record of a topic, from the beginning to its end offsets at the start. */
    private static <V> void readAll(String bootstrap, String topic, Deserializer<V> values, Consumer<ConsumerRecord<String, V>> each) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + topic + " took longer than 10 minutes");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(each);
            }
        }
    }

    private static void say(PrintStream progress, String format, Object... args) {
        progress.println(String.format(Locale.ROOT, format, args));
        progress.flush();
    }
}
