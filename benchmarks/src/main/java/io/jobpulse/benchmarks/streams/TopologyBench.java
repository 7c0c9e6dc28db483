package io.jobpulse.benchmarks.streams;

import io.jobpulse.contracts.AvroSerdes;
import io.jobpulse.contracts.FramedAvroSerializer;
import io.jobpulse.contracts.RegistrySettings;
import io.jobpulse.contracts.avro.EnrichedPosting;
import io.jobpulse.contracts.avro.JobPosting;
import io.jobpulse.embedded.EmbeddedStack;
import io.jobpulse.embedded.StackSettings;
import io.jobpulse.enrichment.PostingEnricher;
import io.jobpulse.streams.PostingEnrichment;
import io.jobpulse.streams.StreamsApp;
import io.jobpulse.streams.StreamsSettings;
import io.jobpulse.streams.TopicNames;
import io.jobpulse.streams.TopologySerdes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Throughput of the streams topology on the embedded stack with exactly-once, against a pass-through topology that
 * reads and writes the same postings with the same registry-backed serdes, in one run on the same input; and against
 * an enrich-only topology (read, enrich, write), the ceiling of any topology that enriches every posting.
 *
 * <p>Every run: {@code N} postings produced up front; the clock starts when the instance reaches RUNNING and stops
 * when a read_committed consumer has seen {@code N} records on the run's output. Each kind runs warm: a first run of
 * it goes before (into its own output topics), and the pass-through, a few seconds long, runs three times (median).
 * Prints the rates, the JVM's CPU time per posting, the ratios, the peak heap of each run and the process's peak RSS
 * (this JVM also hosts the embedded broker; the registry is a separate process).
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Xmx2g \
 *     -cp 'benchmarks/target/*:benchmarks/target/lib/*' io.jobpulse.benchmarks.streams.TopologyBench \
 *     [postings] [threads] [aggregate emit interval ms]
 * </pre>
 */
public final class TopologyBench {

    private TopologyBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Duration emitInterval = args.length > 2 ? Duration.ofMillis(Long.parseLong(args[2]))
                : StreamsSettings.DEFAULT_AGGREGATE_EMIT_INTERVAL;
        Path dir = Files.createTempDirectory("jobpulse-topology-bench-");
        System.out.printf("Generating %,d postings...%n", n);
        List<JobPosting> postings = BenchPostings.generate(n, 42);
        try (EmbeddedStack stack = EmbeddedStack.start(StackSettings.ephemeral(dir.resolve("stack")), EmbeddedStack.Progress.NONE)) {
            String suffix = ".bench-" + System.currentTimeMillis();
            TopicNames topics = TopicNames.suffixed(suffix);
            String passThroughOut = topics.postings() + ".copy";
            String enrichOnlyOut = topics.enrichedPostings() + ".enrich-only";
            StreamsSettings base = StreamsSettings.defaults(stack.kafkaBootstrapServers(), stack.registry())
                    .withTopics(topics).withOverrides(Map.of("num.stream.threads", String.valueOf(threads)))
                    .withAggregateEmitInterval(emitInterval);
            try (Admin admin = StreamsApp.admin(base)) {
                io.jobpulse.contracts.TopicProvisioning.ensure(admin, topics.specs());
                List<io.jobpulse.contracts.TopicSpec<?, ?>> benchTopics = new java.util.ArrayList<>();
                for (String round : PASS_THROUGH_ROUNDS) {
                    benchTopics.add(new io.jobpulse.contracts.TopicSpec<>(passThroughOut + round, 6, Map.of(), String.class,
                            JobPosting.class, "benchmark pass-through output"));
                }
                for (String round : List.of(".warm-up", "")) {
                    benchTopics.add(new io.jobpulse.contracts.TopicSpec<>(enrichOnlyOut + round, 6, Map.of(), String.class,
                            EnrichedPosting.class, "benchmark enrich-only output"));
                }
                io.jobpulse.contracts.TopicProvisioning.ensure(admin, benchTopics);
            }
            long t = System.nanoTime();
            produce(stack, topics.postings(), postings);
            System.out.printf("Produced in %.1f s%n", (System.nanoTime() - t) / 1e9);

            // Pass-throughs first. The first run into a fresh broker is much slower (JIT, page cache, registry client
            // caches): a warm-up copy goes first, so the pass-through the ratio uses runs warm, like the topology
            // after it. A warm copy of 100,000 postings takes only a few seconds, so one run is at the mercy of a
            // noisy machine: three run and the median counts.
            Run warmUpRun = null;
            List<Run> passRuns = new java.util.ArrayList<>();
            for (String round : PASS_THROUGH_ROUNDS) {
                StreamsSettings pass = base.withApplicationId("bench-pass" + round + suffix).withStateDir(dir.resolve("pass" + round));
                Run r = run(round.equals(".warm-up") ? "warm-up pass-through" : "pass-through" + round,
                        passThrough(topologySerde(stack.registry()), pass, topics.postings(), passThroughOut + round),
                        pass, stack, passThroughOut + round, n);
                if (round.equals(".warm-up")) {
                    warmUpRun = r;
                } else {
                    passRuns.add(r);
                }
            }
            passRuns.sort(java.util.Comparator.comparingDouble(Run::rate));
            Run passRun = passRuns.get(passRuns.size() / 2);

            // The ceiling of any topology that enriches every posting: read, enrich, write, nothing else. It also
            // warms the enrichment code before the real topology runs, as the warm-up copy does for the serdes.
            PostingEnrichment enrichment = PostingEnrichment.of(PostingEnricher.create());
            // Run twice, the first into its own topic: the enrichment code is cold in the first run.
            Run enrichOnlyWarmUpRun = null;
            Run enrichOnlyRun = null;
            for (String round : List.of(".warm-up", "")) {
                StreamsSettings enrichOnly = base.withApplicationId("bench-enrich-only" + round + suffix)
                        .withStateDir(dir.resolve("enrich-only" + round));
                Run r = run("enrich only" + (round.isEmpty() ? "" : " (warm-up)"),
                        enrichOnly(topologySerde(stack.registry()), TopologySerdes.registry(stack.registry()).enriched(), enrichment,
                                enrichOnly, topics.postings(), enrichOnlyOut + round),
                        enrichOnly, stack, enrichOnlyOut + round, n);
                if (round.isEmpty()) {
                    enrichOnlyRun = r;
                } else {
                    enrichOnlyWarmUpRun = r;
                }
            }

            // The topology warms up too (its first run is much slower while its code compiles): a first run on the same
            // input under its own application id writes to its own output topics.
            TopicNames warmUpTopics = new TopicNames(topics.postings(), topics.enrichedPostings() + ".warm-up",
                    topics.aggregates() + ".warm-up", topics.deadLetters() + ".warm-up");
            try (Admin admin = StreamsApp.admin(base)) {
                io.jobpulse.contracts.TopicProvisioning.ensure(admin, warmUpTopics.specs());
            }
            StreamsSettings warmUpReal = base.withTopics(warmUpTopics).withApplicationId("bench-topology-warm-up" + suffix)
                    .withStateDir(dir.resolve("topology-warm-up"));
            Run realWarmUpRun = run("topology (warm-up)", StreamsApp.topology(warmUpReal, enrichment), warmUpReal, stack,
                    warmUpTopics.enrichedPostings(), n);

            StreamsSettings real = base.withApplicationId("bench-topology" + suffix).withStateDir(dir.resolve("topology"));
            Run realRun = run("topology", StreamsApp.topology(real, enrichment), real, stack, topics.enrichedPostings(), n);

            long rows;
            try (Admin admin = StreamsApp.admin(base)) {
                rows = endOffsets(admin, topics.aggregates());
            }
            double ratio = realRun.rate() / passRun.rate();
            System.out.println();
            System.out.printf("| topology | postings/s | seconds | JVM CPU µs per posting | peak heap MiB |%n|---|---:|---:|---:|---:|%n");
            row("warm-up: pass-through (first run on the broker)", warmUpRun);
            row("pass-through (read + write, same serdes as the topology), median of " + passRuns.size() + ": "
                    + passRuns.stream().map(r -> String.format("%,.0f", r.rate())).toList(), passRun);
            row("warm-up: enrich only (first run of the enrichment code)", enrichOnlyWarmUpRun);
            row("enrich only (read, enrich, write the enriched posting; same serdes)", enrichOnlyRun);
            row("warm-up: enrich + dedupe + aggregate (first run of the topology's code)", realWarmUpRun);
            row("enrich + dedupe + aggregate", realRun);
            System.out.printf("ratio topology / pass-through: %.2f%n", ratio);
            System.out.printf("ratio enrich only / pass-through (the ceiling of any enriching topology): %.2f%n",
                    enrichOnlyRun.rate() / passRun.rate());
            System.out.printf("ratio topology / enrich only: %.2f%n", realRun.rate() / enrichOnlyRun.rate());
            System.out.printf("by JVM CPU per posting: topology / pass-through %.2f, enrich only / pass-through %.2f%n",
                    passRun.cpuMicrosPerPosting() / realRun.cpuMicrosPerPosting(),
                    passRun.cpuMicrosPerPosting() / enrichOnlyRun.cpuMicrosPerPosting());
            System.out.printf("aggregate rows written by the end (end offsets, incl. transaction markers): %,d; emit interval %d ms%n",
                    rows, emitInterval.toMillis());
            System.out.printf("peak RSS of this JVM (streams + embedded broker): %d MiB; max heap %d MiB; %d cores; load %s%n",
                    peakRssMiB(), Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                    Files.readString(Path.of("/proc/loadavg")).trim());
        }
    }

    /**
     * @param cpuMicrosPerPosting CPU time of this whole JVM (streams, the embedded broker, the output reader) during
     *                            the run, per posting: less at the mercy of other processes than the rate
     */
    public record Run(double seconds, double rate, double cpuMicrosPerPosting, long peakHeapMiB) {
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void row(String name, Run run) {
        System.out.printf("| %s | %,.0f | %.1f | %.0f | %d |%n", name, run.rate(), run.seconds(), run.cpuMicrosPerPosting(),
                run.peakHeapMiB());
    }

    private static final List<String> PASS_THROUGH_ROUNDS = List.of(".warm-up", ".1", ".2", ".3");

    /**
     * Postings as the topology reads them (the registry deserializer) and as it writes its outputs (the registry
     * serializer's bytes through {@link FramedAvroSerializer}).
     */
    public static Serde<JobPosting> topologySerde(RegistrySettings registry) {
        return Serdes.serdeFrom(FramedAvroSerializer.of(AvroSerdes.serializer(registry, JobPosting.class, false),
                JobPosting.getClassSchema()), AvroSerdes.deserializer(registry, JobPosting.class, false));
    }

    /** Reads and writes the postings with {@code serde}: the topology's own ({@link AvroSerdes}) for the ratio. */
    public static Topology passThrough(Serde<JobPosting> serde, StreamsSettings settings, String in, String out) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(in, Consumed.with(Serdes.String(), serde)).to(out, Produced.with(Serdes.String(), serde));
        return builder.build(settings.toProperties());
    }

    /**
     * Reads postings, enriches each with the library exactly as the topology's first step does, and writes the
     * enriched posting with the topology's serdes: no state, no dedupe, no aggregates.
     */
    public static Topology enrichOnly(Serde<JobPosting> postings, Serde<EnrichedPosting> enriched,
                                      PostingEnrichment enrichment, StreamsSettings settings, String in, String out) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(in, Consumed.with(Serdes.String(), postings))
                .mapValues(p -> enrichment.enrich(p, p.getFetchedAt(), p.getFetchedAt(), Instant.now()))
                .to(out, Produced.with(Serdes.String(), enriched));
        return builder.build(settings.toProperties());
    }

    public static Run run(String name, Topology topology, StreamsSettings settings, EmbeddedStack stack, String output, int n)
            throws Exception {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        CountDownLatch running = new CountDownLatch(1);
        try (KafkaStreams streams = new KafkaStreams(topology, settings.toProperties());
             KafkaConsumer<byte[], byte[]> consumer = outputReader(stack, output)) {
            streams.setStateListener((now, before) -> {
                if (now == KafkaStreams.State.RUNNING) {
                    running.countDown();
                }
            });
            streams.start();
            if (!running.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " did not reach RUNNING");
            }
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            long seen = 0;
            long lastReport = start;
            while (seen < n) {
                seen += consumer.poll(Duration.ofMillis(100)).count();
                if (System.nanoTime() - lastReport > 10_000_000_000L) {
                    lastReport = System.nanoTime();
                    System.out.printf("  %s: %,d / %,d after %.0f s%n", name, seen, n, (lastReport - start) / 1e9);
                }
                if (streams.state() == KafkaStreams.State.ERROR) {
                    throw new IllegalStateException(name + " failed");
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMicros = (processCpuNanos() - cpuStart) / 1e3 / n;
            long heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
            System.out.printf("%s: %,d postings in %.1f s = %,.0f/s, %.0f µs of JVM CPU per posting, peak heap %d MiB%n",
                    name, n, seconds, n / seconds, cpuMicros, heap);
            return new Run(seconds, n / seconds, cpuMicros, heap);
        }
    }

    private static KafkaConsumer<byte[], byte[]> outputReader(EmbeddedStack stack, String topic) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = IntStream.range(0, consumer.partitionsFor(topic).size())
                .mapToObj(p -> new TopicPartition(topic, p)).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private static void produce(EmbeddedStack stack, String topic, List<JobPosting> postings) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        try (KafkaProducer<String, JobPosting> producer = new KafkaProducer<>(props, new StringSerializer(),
                AvroSerdes.serializer(stack.registry(), JobPosting.class, false))) {
            for (JobPosting p : postings) {
                producer.send(new ProducerRecord<>(topic, p.getId(), p));
            }
            producer.flush();
        }
    }

    private static long endOffsets(Admin admin, String topic) throws Exception {
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), org.apache.kafka.clients.admin.OffsetSpec.latest());
        }
        return admin.listOffsets(latest).all().get().values().stream().mapToLong(i -> i.offset()).sum();
    }

    /** VmHWM: the resident set's high-water mark of this process. */
    private static long peakRssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) >> 10;
            }
        }
        return -1;
    }
}
