package io.jobpulse.benchmarks.analytics;

import io.jobpulse.analytics.ClickHouseSettings;
import io.jobpulse.analytics.schema.SchemaMigrator;
import io.jobpulse.analytics.sink.ClickHouseSink;
import io.jobpulse.analytics.sink.PostingsTable;
import io.jobpulse.analytics.sink.SinkSettings;
import io.jobpulse.contracts.AvroSerdes;
import io.jobpulse.contracts.avro.EnrichedPosting;
import io.jobpulse.contracts.avro.EnrichedSalary;
import io.jobpulse.contracts.avro.PostingStatus;
import io.jobpulse.contracts.avro.ResolvedLocation;
import io.jobpulse.contracts.avro.TechnologyMatch;
import io.jobpulse.embedded.EmbeddedStack;
import io.jobpulse.embedded.StackSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sink throughput next to a raw JDBC batch insert of the same rows, in one run on the embedded stack.
 *
 * <ul>
 *   <li><b>raw JDBC</b>: the postings, already in memory, bound with the sink's own row mapping
 *       ({@link PostingsTable}) and inserted with {@code addBatch/executeBatch} in batches of B rows
 *       ({@code beta.row_binary_for_simple_insert=true}); no Kafka, no Avro.</li>
 *   <li><b>sink</b>: the same postings produced beforehand to a 6-partition topic (Avro, registry, Confluent framing);
 *       {@link ClickHouseSink} with batches of B rows consumes, deserializes, inserts and commits; after each batch
 *       it also retracts role_postings keys the postings no longer have.</li>
 * </ul>
 * Both inserts into the same schema, so both pay for the materialized view that fills role_postings.
 * Both are timed from the end of their first batch to the last row written (so the consumer group join is not
 * counted, and neither is the raw side's first batch), into a fresh database each round. Prints a Markdown table.
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java --enable-native-access=ALL-UNNAMED -Xmx3g -cp 'benchmarks/target/*:benchmarks/target/lib/*' \
 *     io.jobpulse.benchmarks.analytics.SinkThroughputBench [postings] [rounds] [batchRows]
 * </pre>
 */
public final class SinkThroughputBench {

    private static final String[] TECHNOLOGIES = {"Java", "Kotlin", "Go", "Python", "TypeScript", "React", "PostgreSQL",
            "Kafka", "Kubernetes", "Terraform", "AWS", "Spark"};
    private static final String[] ROLES = {"backend", "frontend", "devops", "data_engineering", "mobile"};

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int batchRows = args.length > 2 ? Integer.parseInt(args[2]) : SinkSettings.DEFAULT_BATCH_ROWS;
        Path dir = Files.createTempDirectory("jobpulse-bench-sink-");
        try (EmbeddedStack stack = EmbeddedStack.start(StackSettings.ephemeral(dir), EmbeddedStack.Progress.NONE)) {
            List<EnrichedPosting> postings = generate(n);
            String topic = "bench.enriched-postings";
            Properties admin = new Properties();
            admin.put("bootstrap.servers", stack.kafkaBootstrapServers());
            try (Admin a = Admin.create(admin)) {
                a.createTopics(List.of(new NewTopic(topic, 6, (short) 1), new NewTopic("bench.aggregates", 6, (short) 1))).all().get();
            }
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
            p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
            p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
            try (KafkaProducer<String, EnrichedPosting> producer = new KafkaProducer<>(p, new StringSerializer(),
                    AvroSerdes.serializer(stack.registry(), EnrichedPosting.class, false))) {
                for (EnrichedPosting posting : postings) {
                    producer.send(new ProducerRecord<>(topic, posting.getId(), posting));
                }
                producer.flush();
            }
            System.out.printf("| round | raw JDBC rows/s | sink rows/s | sink / raw |%n|---|---:|---:|---:|%n");
            double[] ratios = new double[rounds];
            double[] raws = new double[rounds];
            double[] sinks = new double[rounds];
            for (int round = 1; round <= rounds; round++) {
                ClickHouseSettings rawDb = new ClickHouseSettings(stack.clickHouseJdbcUrl(), "bench_raw_" + round, "default", "");
                new SchemaMigrator(rawDb).migrate();
                double raw = rawInsert(rawDb, postings, batchRows);
                ClickHouseSettings sinkDb = new ClickHouseSettings(stack.clickHouseJdbcUrl(), "bench_sink_" + round, "default", "");
                new SchemaMigrator(sinkDb).migrate();
                double sink = sink(stack, sinkDb, topic, n, batchRows, round);
                verify(rawDb, n);
                verify(sinkDb, n);
                raws[round - 1] = raw;
                sinks[round - 1] = sink;
                ratios[round - 1] = sink / raw;
                System.out.printf("| %d | %,.0f | %,.0f | %.2f |%n", round, raw, sink, sink / raw);
            }
            Arrays.sort(ratios);
            Arrays.sort(raws);
            Arrays.sort(sinks);
            System.out.printf("| median | %,.0f | %,.0f | %.2f |%n", raws[rounds / 2], sinks[rounds / 2], ratios[rounds / 2]);
            System.out.printf("%,d postings, batches of %,d rows; load average %s; %s%n", n, batchRows,
                    Files.readString(Path.of("/proc/loadavg")).strip(), Runtime.version());
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    public static double rawInsert(ClickHouseSettings db, List<EnrichedPosting> postings, int batchRows) throws Exception {
        PostingsTable table = new PostingsTable();
        try (Connection c = db.connect(Map.of("beta.row_binary_for_simple_insert", "true"))) {
            long start = 0;
            for (int from = 0; from < postings.size(); from += batchRows) {
                try (PreparedStatement insert = c.prepareStatement(PostingsTable.INSERT)) {
                    for (EnrichedPosting posting : postings.subList(from, Math.min(postings.size(), from + batchRows))) {
                        table.bind(c, insert, posting);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                if (from == 0) {
                    start = System.nanoTime();
                }
            }
            return (postings.size() - Math.min(batchRows, postings.size())) / ((System.nanoTime() - start) / 1e9);
        }
    }

    static double sink(EmbeddedStack stack, ClickHouseSettings db, String topic, int n, int batchRows, int round) throws Exception {
        SinkSettings settings = SinkSettings.defaults(stack.kafkaBootstrapServers(), stack.registry(), db)
                .withTopics(topic, "bench.aggregates", "bench.dead-letters")
                .withGroupId("bench-sink-" + round + "-" + System.nanoTime())
                .withBatching(batchRows, Duration.ofSeconds(1));
        ClickHouseSink sink = new ClickHouseSink(settings);
        Thread thread = Thread.ofPlatform().name("bench-sink").start(sink);
        try {
            long firstRows = 0;
            long start = 0;
            while (true) {
                long written = sink.status().snapshot().rowsWritten();
                if (firstRows == 0 && written > 0) {
                    firstRows = written;
                    start = System.nanoTime();
                }
                if (written >= n) {
                    return (n - firstRows) / ((System.nanoTime() - start) / 1e9);
                }
                if (!thread.isAlive()) {
                    throw new IllegalStateException("sink stopped: " + sink.status().snapshot());
                }
                Thread.sleep(1);
            }
        } finally {
            sink.close();
            thread.join(10_000);
        }
    }

    private static void verify(ClickHouseSettings db, int n) throws Exception {
        try (Connection c = db.connect(Map.of()); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT (SELECT count() FROM postings FINAL), "
                     + "(SELECT count() FROM role_postings FINAL WHERE listed = 1)")) {
            rows.next();
            if (rows.getLong(1) != n) {
                throw new IllegalStateException(db.database() + " holds " + rows.getLong(1) + " postings, expected " + n);
            }
            // Both paths fill role_postings through its materialized view: one row per posting (one role each here).
            if (rows.getLong(2) != n) {
                throw new IllegalStateException(db.database() + " holds " + rows.getLong(2) + " role rows, expected " + n);
            }
        }
    }

    static List<EnrichedPosting> generate(int n) {
        Random random = new Random(1);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<EnrichedPosting> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            LocalDate day = today.minusDays(random.nextInt(365));
            Instant posted = day.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(random.nextInt(86_400));
            List<TechnologyMatch> techs = new ArrayList<>();
            for (String t : TECHNOLOGIES) {
                if (random.nextInt(4) == 0) {
                    techs.add(TechnologyMatch.newBuilder().setName(t).setCategory("language").setEvidence(List.of()).build());
                }
            }
            double min = 40_000 + random.nextInt(150) * 1_000;
            String id = "bench:" + i;
            out.add(EnrichedPosting.newBuilder().setId(id).setCanonicalId(id).setDuplicateOf(null).setSource("bench")
                    .setSourceId(String.valueOf(i)).setBoard("acme").setStatus(PostingStatus.ACTIVE).setVersion(1 + i)
                    .setContentHash("h" + i).setTitle("Senior Backend Engineer " + i).setCompany("Company " + i % 5000)
                    .setDescriptionText("We build things with Java and Kafka. Posting number " + i + ".")
                    .setUrl("https://jobs.example.org/" + i).setLocationRaw("Berlin, Germany").setPostedAt(posted)
                    .setFirstSeenAt(posted).setLastSeenAt(posted).setClosedAt(null).setDay(day).setTechnologies(techs)
                    .setSeniority(List.of("senior")).setRoles(List.of(ROLES[i % ROLES.length])).setWorkModes(List.of("hybrid"))
                    .setLocations(List.of(ResolvedLocation.newBuilder().setCity("Berlin").setCountry("DE").setRegion(null).build()))
                    .setRemoteRegions(List.of())
                    .setSalary(EnrichedSalary.newBuilder().setMin(min).setMax(min + 20_000).setCurrency("USD").setPeriod("year")
                            .setAnnualMin(min).setAnnualMax(min + 20_000).setUsdAnnualMin(min).setUsdAnnualMax(min + 20_000)
                            .setFromStructuredFields(true).build())
                    .setTaxonomyVersion("bench").setEnrichedAt(posted).build());
        }
        return out;
    }
}
