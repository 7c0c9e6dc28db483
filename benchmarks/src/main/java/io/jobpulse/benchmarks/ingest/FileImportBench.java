package io.jobpulse.benchmarks.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobpulse.contracts.AvroSerdes;
import io.jobpulse.contracts.TopicProvisioning;
import io.jobpulse.contracts.TopicSpec;
import io.jobpulse.contracts.Topics;
import io.jobpulse.contracts.avro.JobPosting;
import io.jobpulse.embedded.EmbeddedStack;
import io.jobpulse.embedded.StackSettings;
import io.jobpulse.ingest.config.IngestConfig;
import io.jobpulse.ingest.config.IngestConfigParser;
import io.jobpulse.ingest.connector.ConnectorRegistry;
import io.jobpulse.ingest.connector.PostingDraft;
import io.jobpulse.ingest.normalize.Normalization;
import io.jobpulse.ingest.normalize.PostingNormalizer;
import io.jobpulse.ingest.publish.PostingPublisher;
import io.jobpulse.ingest.run.IngestMetrics;
import io.jobpulse.ingest.run.IngestRunner;
import io.jobpulse.ingest.run.ProgressReporter;
import io.jobpulse.ingest.run.RunSummary;
import io.jobpulse.ingest.run.SourceSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Normalize-and-publish of a file import against Kafka's own producer, same broker, same run.
 *
 * <ol>
 *   <li>Starts the embedded stack (Kafka + registry) in a temp directory.</li>
 *   <li>Writes N postings (default 100,000) in the canonical JSON Lines shape: realistic HTML descriptions, salaries,
 *       several locations, some non-English text.</li>
 *   <li>Baseline: a plain {@link KafkaProducer} with the same producer settings as ingest's publisher (idempotent,
 *       acks=all, same linger and batch size; no transactions) sends N records of the mean serialized posting size
 *       to a fresh topic with the postings topic's partition count.</li>
 *   <li>Ingest: {@code ingest run} of a {@code file} source with that file, through {@link IngestRunner}: read,
 *       normalize (HTML cleaning, hashing), Avro through the registry, transactional publishing of the postings
 *       with their checkpoint entries (one chunk record per transaction).</li>
 * </ol>
 * Each side runs once as warm-up (on a 10% file / record count) and then {@code rounds} times, alternating; the
 * ratio is ingest postings/s over baseline records/s, medians.
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -Xmx2g -cp 'benchmarks/target/classes:benchmarks/target/lib/*' io.jobpulse.benchmarks.ingest.FileImportBench [postings] [rounds]
 * </pre>
 */
public final class FileImportBench {

    private FileImportBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("jobpulse-ingest-bench-");
        try (EmbeddedStack stack = EmbeddedStack.start(StackSettings.ephemeral(dir.resolve("stack")), EmbeddedStack.Progress.NONE)) {
            String bootstrap = stack.kafkaBootstrapServers();
            List<Path> files = new ArrayList<>();
            for (int r = 0; r <= rounds; r++) {
                // A distinct board per round: every round publishes all its postings as new.
                files.add(writePostings(dir.resolve("round" + r + ".jsonl"), r == 0 ? n / 10 : n, 42 + r));
            }
            int recordBytes = meanSerializedSize(stack, files.get(1));
            System.out.printf(Locale.ROOT, "postings: %,d per round, mean Avro record %,d bytes, file %,d MB%n", n, recordBytes,
                    Files.size(files.get(1)) / 1_000_000);

            baseline(bootstrap, n / 10, recordBytes, "bench.baseline.warmup");
            ingest(stack, files.getFirst(), "bench-warmup");
            List<Double> baseline = new ArrayList<>();
            List<Double> ingest = new ArrayList<>();
            List<Double> baselineCpu = new ArrayList<>();
            List<Double> ingestCpu = new ArrayList<>();
            for (int r = 1; r <= rounds; r++) {
                // The JVM's CPU time per record (broker, clients and ingest together): on a machine shared with other
                // work, rates mostly measure how much of the two cores this JVM got; CPU per record does not.
                long c0 = processCpuNanos();
                double b = baseline(bootstrap, n, recordBytes, "bench.baseline." + r);
                long c1 = processCpuNanos();
                double i = ingest(stack, files.get(r), "bench-round" + r);
                long c2 = processCpuNanos();
                baseline.add(b);
                ingest.add(i);
                baselineCpu.add((c1 - c0) / 1e3 / n);
                ingestCpu.add((c2 - c1) / 1e3 / n);
                System.out.printf(Locale.ROOT, "round %d: producer %,.0f records/s, ingest %,.0f postings/s, ratio %.2f; "
                                + "JVM CPU per record %.0f us (producer) vs per posting %.0f us (ingest), CPU ratio %.2f; load %s%n",
                        r, b, i, i / b, baselineCpu.getLast(), ingestCpu.getLast(), baselineCpu.getLast() / ingestCpu.getLast(),
                        loadAverage());
            }
            double mb = median(baseline);
            double mi = median(ingest);
            System.out.printf(Locale.ROOT, "%nmedian: producer %,.0f records/s, ingest %,.0f postings/s, ratio %.2f (target >= 0.80)%n",
                    mb, mi, mi / mb);
            System.out.printf(Locale.ROOT, "median JVM CPU: %.0f us per producer record, %.0f us per ingested posting, ratio %.2f%n",
                    median(baselineCpu), median(ingestCpu), median(baselineCpu) / median(ingestCpu));
            System.out.printf(Locale.ROOT, "JDK %s, %d cores, load average %s%n", Runtime.version(),
                    Runtime.getRuntime().availableProcessors(), loadAverage());
        } finally {
            delete(dir);
        }
    }

    /** Kafka's own producer: same settings as ingest's publisher, minus transactions, fixed-size records. */
    public static double baseline(String bootstrap, int count, int recordBytes, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicProvisioning.ensure(admin, List.of(new TopicSpec<>(topic, Topics.POSTINGS.partitions(), Map.of(),
                    String.class, byte[].class, "file-import bench: Kafka producer baseline")));
        }
        Map<String, Object> config = PostingPublisher.producerConfig(bootstrap, "unused");
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.remove(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-baseline");
        byte[] payload = new byte[recordBytes];
        new Random(7).nextBytes(payload);
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            awaitLeaders(producer, topic);
            for (int partition = 0; partition < Topics.POSTINGS.partitions(); partition++) {
                // one acknowledged record per partition before the clock starts: the partition is writable and the
                // producer's sequence for it is established
                producer.send(new ProducerRecord<>(topic, partition, "warm-up", payload)).get();
            }
            start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, "file:bench:" + i, payload), (md, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Waits until the producer's metadata has a leader for every partition of the fresh topic. Sending at once into
     * the just-created topic sometimes got the idempotent producer's first batch of a partition rejected after its
     * second was accepted (broker log: "Out of order sequence number ... 0 (incoming seq. number), 149 (current end
     * sequence number)", once a second for the whole round), which cut the baseline to about a hundred records/s.
     */
    private static void awaitLeaders(KafkaProducer<String, byte[]> producer, String topic) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (producer.partitionsFor(topic).size() < Topics.POSTINGS.partitions()
                || producer.partitionsFor(topic).stream().anyMatch(p -> p.leader() == null || p.leader().isEmpty())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no leaders for " + topic + " after 30 s");
            }
            Thread.sleep(50);
        }
    }

    static double ingest(EmbeddedStack stack, Path file, String board) throws Exception {
        IngestConfig config = new IngestConfigParser(ConnectorRegistry.builtIn()).parse("""
                kafka:
                  transactional-id: %s
                sources:
                  - connector: file
                    path: %s
                    board: %s
                """.formatted("bench-" + board, file, board), "bench.yaml");
        try (IngestRunner runner = new IngestRunner(config, new IngestRunner.Target(stack.kafkaBootstrapServers(), stack.registry()),
                new IngestMetrics(new SimpleMeterRegistry()), Clock.systemUTC(), 1);
             ProgressReporter progress = new ProgressReporter(System.err, false)) {
            runner.prepareTopics();
            long start = System.nanoTime();
            RunSummary summary = runner.runOnce(true, progress);
            double seconds = (System.nanoTime() - start) / 1e9;
            SourceSummary s = summary.sources().getFirst();
            if (s.status() != SourceSummary.Status.COMPLETE || s.rejected() > 0) {
                throw new IllegalStateException("ingest run did not complete cleanly: " + s);
            }
            return s.created() / seconds;
        }
    }

    static int meanSerializedSize(EmbeddedStack stack, Path file) throws IOException {
        PostingNormalizer normalizer = new PostingNormalizer("file");
        ObjectMapper mapper = new ObjectMapper();
        long total = 0;
        int count = 0;
        try (Serializer<JobPosting> serializer = AvroSerdes.serializer(stack.registry(), JobPosting.class, false);
             var lines = Files.lines(file)) {
            for (String line : (Iterable<String>) lines.limit(2000)::iterator) {
                var node = mapper.readTree(line);
                PostingDraft d = PostingDraft.builder("sample:" + node.get("source_id").asText())
                        .title(node.get("title").asText()).descriptionHtml(node.get("description_html").asText())
                        .company(node.get("company").asText()).url(node.get("url").asText()).build();
                if (normalizer.normalize(d, Instant.now()) instanceof Normalization.Accepted(JobPosting p)) {
                    total += serializer.serialize(Topics.POSTINGS.name(), p).length;
                    count++;
                }
            }
        }
        return (int) (total / count);
    }

    private static final String[] TITLES = {"Senior Backend Engineer", "Data Scientist", "Product Designer",
            "Site Reliability Engineer", "Frontend Developer (React)", "Werkstudent Datenanalyse (m/w/d)",
            "Ingénieur logiciel Java", "Engineering Manager, Payments", "Machine Learning Engineer", "Technical Writer"};
    private static final String[] COMPANIES = {"Acme Robotics", "Nordlicht GmbH", "Tulpsoft B.V.", "Glacier Labs",
            "Ferrous Labs", "Lumière SAS", "Bergwerk Software GmbH", "Paperclip Inc"};
    private static final String[] CITIES = {"Berlin, Germany", "San Francisco, CA", "London, UK", "Paris, France",
            "Amsterdam, Netherlands", "München, Deutschland", "Remote - EU", "New York, NY", "東京"};
    private static final String[] SKILLS = {"Java", "Kafka", "Kubernetes", "PostgreSQL", "Python", "Go", "Rust",
            "TypeScript", "Terraform", "Spark", "ClickHouse", "gRPC"};

    /** Canonical JSON Lines with ~2.5 KB HTML descriptions, salaries and 1-3 locations per posting. */
    static Path writePostings(Path file, int count, long seed) throws IOException {
        Random random = new Random(seed);
        ObjectMapper mapper = new ObjectMapper();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                ObjectNode p = mapper.createObjectNode();
                String title = TITLES[random.nextInt(TITLES.length)];
                String company = COMPANIES[random.nextInt(COMPANIES.length)];
                p.put("source_id", "job-" + i);
                p.put("title", title);
                p.put("company", company);
                p.put("description_html", description(random, title, company));
                p.put("url", "https://careers.example.org/jobs/" + i);
                p.put("apply_url", "https://careers.example.org/jobs/" + i + "/apply");
                p.put("posted_at", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(3_000_000)).toString());
                var locations = p.putArray("locations");
                int nLoc = 1 + random.nextInt(3);
                for (int l = 0; l < nLoc; l++) {
                    locations.addObject().put("raw", CITIES[random.nextInt(CITIES.length)]);
                }
                p.put("remote", random.nextBoolean());
                p.put("employment_type", random.nextInt(10) == 0 ? "Part-time" : "Full-time");
                p.put("department", "Engineering");
                int min = 40 + random.nextInt(100);
                var salary = p.putObject("salary");
                salary.put("min", min * 1000);
                salary.put("max", (min + 20) * 1000);
                salary.put("currency", random.nextBoolean() ? "EUR" : "USD");
                salary.put("period", "year");
                salary.put("raw", min + "k – " + (min + 20) + "k");
                var tags = p.putArray("tags");
                for (int t = 0; t < 4; t++) {
                    tags.add(SKILLS[random.nextInt(SKILLS.length)]);
                }
                p.putObject("attributes").put("requisition_id", "REQ-" + (100000 + i));
                out.write(mapper.writeValueAsString(p));
                out.write('\n');
            }
        }
        return file;
    }

    private static String description(Random random, String title, String company) {
        StringBuilder sb = new StringBuilder();
        sb.append("<div><h2>About ").append(company).append("</h2><p>We are hiring a <strong>").append(title)
                .append("</strong> to help us build reliable systems &amp; delightful products. Our team of ")
                .append(5 + random.nextInt(40)).append(" people works across three time zones.</p>");
        sb.append("<h3>What you&#39;ll do</h3><ul>");
        for (int i = 0; i < 6; i++) {
            sb.append("<li>Design, build and operate services in ").append(SKILLS[random.nextInt(SKILLS.length)])
                    .append(" and ").append(SKILLS[random.nextInt(SKILLS.length)]).append(", with code review and on-call.</li>");
        }
        sb.append("</ul><h3>What we&#39;re looking for</h3><ul>");
        for (int i = 0; i < 5; i++) {
            sb.append("<li>").append(2 + random.nextInt(6)).append("+ years with ").append(SKILLS[random.nextInt(SKILLS.length)])
                    .append("; you explain trade-offs clearly&nbsp;and write things down.</li>");
        }
        sb.append("</ul><p>Salary: €").append(50 + random.nextInt(50)).append(".000 – €").append(90 + random.nextInt(40))
                .append(".000 p.a. plus equity. Wir freuen uns auf deine Bewerbung – Ärzte, Künstler und Quereinsteiger willkommen.</p>")
                .append("<p>We are an equal opportunity employer and value diversity at our company. We do not discriminate ")
                .append("on the basis of race, religion, color, national origin, gender, sexual orientation, age, marital ")
                .append("status, veteran status, or disability status.</p></div>");
        return sb.toString();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int m = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(m) : (sorted.get(m - 1) + sorted.get(m)) / 2;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static void delete(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temp files
        }
    }
}
