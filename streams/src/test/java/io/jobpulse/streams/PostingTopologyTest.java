package io.jobpulse.streams;

import io.jobpulse.contracts.Topics;
import io.jobpulse.contracts.avro.AggregateRow;
import io.jobpulse.contracts.avro.EnrichedPosting;
import io.jobpulse.contracts.avro.JobPosting;
import io.jobpulse.contracts.avro.PostingStatus;
import io.jobpulse.enrichment.Enrichment;
import io.jobpulse.enrichment.PostingEnricher;
import io.jobpulse.enrichment.PostingText;
import io.jobpulse.enrichment.TechnologyMention;
import io.jobpulse.streams.dedupe.BlockState;
import io.jobpulse.streams.dedupe.DuplicateDetector;
import io.jobpulse.streams.serde.AvroBinarySerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topology's behaviour through {@link TopologyTestDriver}, on the real enrichment library. External topics use
 * plain Avro binary ({@link TopologySerdes#plainAvro()}): a real serde, but no registry, so these tests stay fast
 * unit tests; the registry-backed serdes are exercised by the real-broker integration tests.
 */
class PostingTopologyTest {

    private static final java.time.Duration FLUSH = java.time.Duration.ofSeconds(1);
    private static PostingEnricher library;

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> postings;
    private TestOutputTopic<String, EnrichedPosting> enriched;
    private TestOutputTopic<String, AggregateRow> aggregates;
    private TestOutputTopic<String, String> deadLetters;
    private final AvroBinarySerde<JobPosting> postingSerde = new AvroBinarySerde<>(JobPosting.class);
    private final Map<String, AggregateRow> cells = new HashMap<>();
    private final Map<String, EnrichedPosting> latest = new HashMap<>();
    /** Simulated taxonomy upgrade for the re-enrichment test: v2 calls Go "Golang". */
    private volatile boolean upgraded;

    @BeforeAll
    static void loadEnricher() {
        library = PostingEnricher.create();
    }

    @BeforeEach
    void start() {
        PostingEnrichment enrichment = new PostingEnrichment(new PostingEnrichment.Enricher() {
            @Override
            public Enrichment enrich(PostingText text) {
                Enrichment e = library.enrich(text);
                if (!upgraded) {
                    return e;
                }
                List<TechnologyMention> techs = e.technologies().stream()
                        .map(t -> t.name().equals("Go") ? new TechnologyMention("Golang", t.category(), t.evidence()) : t)
                        .toList();
                return new Enrichment(techs, e.seniority(), e.roles(), e.workModes(), e.locations(), e.remoteRegions(),
                        e.salary(), taxonomyVersion());
            }

            @Override
            public String taxonomyVersion() {
                return upgraded ? "test-v2" : library.taxonomyVersion();
            }
        });
        StreamsBuilder builder = new StreamsBuilder();
        TopologySerdes serdes = TopologySerdes.plainAvro();
        PostingTopology.build(builder, serdes, enrichment, DuplicateDetector.Settings.DEFAULTS, FLUSH);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        driver = new TopologyTestDriver(builder.build(), props);
        postings = driver.createInputTopic(Topics.POSTINGS.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        enriched = driver.createOutputTopic(Topics.ENRICHED_POSTINGS.name(), Serdes.String().deserializer(),
                serdes.enriched().deserializer());
        aggregates = driver.createOutputTopic(Topics.AGGREGATES.name(), Serdes.String().deserializer(),
                serdes.aggregates().deserializer());
        deadLetters = driver.createOutputTopic(Topics.STREAMS_DEAD_LETTERS.name(), Serdes.String().deserializer(),
                Serdes.String().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(JobPosting p) {
        postings.pipeInput(p.getId(), postingSerde.toBytes(p));
    }

    /** Latest row per cell, as the analytics sink keeps it (highest version). */
    private long count(String cellKey) {
        drain();
        AggregateRow row = cells.get(cellKey);
        return row == null ? 0 : row.getCount();
    }

    private AggregateRow cell(String cellKey) {
        drain();
        return cells.get(cellKey);
    }

    private EnrichedPosting enriched(String id) {
        drain();
        return latest.get(id);
    }

    private void drain() {
        driver.advanceWallClockTime(FLUSH); // let the aggregate step emit the cells that changed
        for (var kv : aggregates.readKeyValuesToList()) {
            AggregateRow old = cells.get(kv.key);
            assertThat(old == null || old.getVersion() < kv.value.getVersion()).as("versions increase").isTrue();
            assertThat(kv.value.getCount()).as("count of %s", kv.key).isNotNegative();
            cells.put(kv.key, kv.value);
        }
        for (var kv : enriched.readKeyValuesToList()) {
            latest.put(kv.key, kv.value);
        }
    }

    private static String cellKey(String aggregate, String role, String dim1, String dim2) {
        return aggregate + "|" + role + "|" + TestPostings.DAY + "|" + dim1 + "|" + dim2;
    }

    @Test
    void publishesEnrichedPostingWithTaxonomyVersionEvidenceAndLifecycle() {
        send(TestPostings.posting("greenhouse", "acme:1").build());

        EnrichedPosting e = enriched("greenhouse:acme:1");
        assertThat(e.getCanonicalId()).isEqualTo("greenhouse:acme:1");
        assertThat(e.getDuplicateOf()).isNull();
        assertThat(e.getStatus()).isEqualTo(PostingStatus.ACTIVE);
        assertThat(e.getTaxonomyVersion()).isEqualTo(library.taxonomyVersion());
        assertThat(e.getTechnologies()).extracting(t -> t.getName()).contains("Go", "PostgreSQL", "Kubernetes");
        var go = e.getTechnologies().stream().filter(t -> t.getName().equals("Go")).findFirst().orElseThrow();
        var span = go.getEvidence().getFirst();
        assertThat(span.getField()).isEqualTo("description");
        assertThat(e.getDescriptionText().substring(span.getStart(), span.getEnd())).isEqualTo("Go");
        assertThat(e.getRoles()).contains("backend");
        assertThat(e.getSeniority()).contains("senior");
        assertThat(e.getLocations()).anySatisfy(l -> assertThat(l.getCountry()).isEqualTo("DE"));
        assertThat(e.getDay().toString()).isEqualTo(TestPostings.DAY);
        assertThat(e.getFirstSeenAt()).isEqualTo(Instant.parse("2026-11-28T12:00:00Z"));
        assertThat(count(cellKey("postings", "*", "", ""))).isEqualTo(1);
        assertThat(count(cellKey("technology", "backend", "Go", ""))).isEqualTo(1);
        assertThat(count(cellKey("seniority", "*", "senior", ""))).isEqualTo(1);
        assertThat(count(cellKey("location", "*", "DE", ""))).isEqualTo(1);
        assertThat(count(cellKey("location", "*", "DE", "Berlin"))).isEqualTo(1);
        assertThat(count(cellKey("technology_pair", "*", "Go", "PostgreSQL"))).isEqualTo(1);
    }

    @Test
    void republishingTheSamePostingIsAnUpdateNotANewPosting() {
        send(TestPostings.posting("greenhouse", "acme:1").build());
        long firstVersion = enriched("greenhouse:acme:1").getVersion();
        send(TestPostings.posting("greenhouse", "acme:1").fetchedAt("2026-11-29T12:00:00Z").build());

        EnrichedPosting e = enriched("greenhouse:acme:1");
        assertThat(e.getFirstSeenAt()).isEqualTo(Instant.parse("2026-11-28T12:00:00Z"));
        assertThat(e.getLastSeenAt()).isEqualTo(Instant.parse("2026-11-29T12:00:00Z"));
        assertThat(e.getVersion()).isGreaterThan(firstVersion);
        assertThat(count(cellKey("postings", "*", "", ""))).isEqualTo(1);
        assertThat(count(cellKey("technology", "*", "Go", ""))).isEqualTo(1);
    }

    @Test
    void anUpdateThatChangesATechnologyMovesTheCount() {
        send(TestPostings.posting("greenhouse", "acme:1").build());
        assertThat(count(cellKey("technology", "*", "Go", ""))).isEqualTo(1);

        send(TestPostings.posting("greenhouse", "acme:1").fetchedAt("2026-11-29T12:00:00Z")
                .description(TestPostings.BACKEND_GO.replace("Go", "Rust")).build());

        assertThat(count(cellKey("technology", "*", "Go", ""))).isZero();
        assertThat(count(cellKey("technology", "backend", "Go", ""))).isZero();
        assertThat(count(cellKey("technology", "*", "Rust", ""))).isEqualTo(1);
        assertThat(count(cellKey("technology_pair", "*", "Go", "PostgreSQL"))).isZero();
        assertThat(count(cellKey("technology_pair", "*", "PostgreSQL", "Rust"))).isEqualTo(1);
        assertThat(count(cellKey("postings", "*", "", ""))).isEqualTo(1);
    }

    @Test
    void anUpdateThatChangesRoleAndLocationMovesTheCount() {
        send(TestPostings.posting("greenhouse", "acme:1").build());
        assertThat(count(cellKey("postings", "backend", "", ""))).isEqualTo(1);

        send(TestPostings.posting("greenhouse", "acme:1").title("Senior iOS Engineer")
                .description("""
                        You will build the iOS app our warehouse staff use to supervise robots.
                        We write Swift and SwiftUI, test on real devices and ship every two weeks to the App Store.
                        """)
                .location("Paris, France", "Paris", "FR").build());

        assertThat(count(cellKey("postings", "backend", "", ""))).isZero();
        assertThat(count(cellKey("postings", "mobile", "", ""))).isEqualTo(1);
        assertThat(count(cellKey("location", "*", "DE", "Berlin"))).isZero();
        assertThat(count(cellKey("location", "*", "FR", "Paris"))).isEqualTo(1);
        assertThat(count(cellKey("postings", "*", "", ""))).isEqualTo(1);
    }

    @Test
    void closingAPostingRetractsItFromTheAggregates() {
        send(TestPostings.posting("greenhouse", "acme:1").salaryUsd(150_000, 170_000).build());
        assertThat(count(cellKey("postings", "*", "", ""))).isEqualTo(1);
        assertThat(cell(cellKey("salary", "*", "*", "")).getSalaryMedianUsd()).isEqualTo(160_000.0);

        send(TestPostings.posting("greenhouse", "acme:1").closed("2026-11-30T08:00:00Z").build());

        assertThat(count(cellKey("postings", "*", "", ""))).isZero();
        assertThat(count(cellKey("technology", "*", "Go", ""))).isZero();
        assertThat(count(cellKey("location", "*", "DE", "Berlin"))).isZero();
        AggregateRow salary = cell(cellKey("salary", "*", "*", ""));
        assertThat(salary.getCount()).isZero();
        assertThat(salary.getSalaryCount()).isZero();
        assertThat(salary.getSalaryMedianUsd()).isNull();
        EnrichedPosting closed = enriched("greenhouse:acme:1");
        assertThat(closed.getStatus()).isEqualTo(PostingStatus.CLOSED);
        assertThat(closed.getClosedAt()).isEqualTo(Instant.parse("2026-11-30T08:00:00Z"));
        assertThat(closed.getTitle()).isEqualTo("Senior Backend Engineer");
        assertThat(closed.getTechnologies()).isNotEmpty();
    }

    @Test
    void theSameJobOnTwoBoardsCountsOnce() {
        send(TestPostings.posting("greenhouse", "acme:1").build());
        // The HN copy: company suffix, gender tag, a shorter location text, and an extra line in the description.
        send(TestPostings.posting("hn", "4412").company("Acme Robotics GmbH").title("Senior Backend Engineer (m/w/d)")
                .location("Berlin", "Berlin", "DE")
                .description(TestPostings.BACKEND_GO + "\nApply by email, mention HN.").build());

        EnrichedPosting hn = enriched("hn:4412");
        assertThat(hn.getCanonicalId()).isEqualTo("greenhouse:acme:1");
        assertThat(hn.getDuplicateOf()).isEqualTo("greenhouse:acme:1");
        assertThat(count(cellKey("postings", "*", "", ""))).isEqualTo(1);
        assertThat(count(cellKey("technology", "*", "Go", ""))).isEqualTo(1);

        // A job stays counted while any of its postings is open, and only once.
        send(TestPostings.posting("greenhouse", "acme:1").closed("2026-11-30T08:00:00Z").build());
        assertThat(count(cellKey("postings", "*", "", ""))).isEqualTo(1);
        send(TestPostings.posting("hn", "4412").closed("2026-11-30T09:00:00Z").build());
        assertThat(count(cellKey("postings", "*", "", ""))).isZero();

        // A repost with a new id after closure is the same job again.
        send(TestPostings.posting("greenhouse", "acme:2").fetchedAt("2026-12-01T12:00:00Z").build());
        assertThat(enriched("greenhouse:acme:2").getDuplicateOf()).isEqualTo("greenhouse:acme:1");
        assertThat(count(cellKey("postings", "*", "", ""))).isEqualTo(1);
    }

    @Test
    void differentJobsWithTheSameTitleAreNotMerged() {
        send(TestPostings.posting("greenhouse", "acme:1").build());
        send(TestPostings.posting("greenhouse", "acme:2").description("""
                Our data platform team ingests telemetry from every robot into a lakehouse.
                You will own Kafka pipelines, schema evolution and the Java services around them.
                Experience with Kafka Streams, Avro and ClickHouse is a plus; we run everything on AWS.
                """).build());
        send(TestPostings.posting("lever", "other:7").company("Other Corp").build());

        assertThat(enriched("greenhouse:acme:2").getDuplicateOf()).isNull();
        assertThat(enriched("lever:other:7").getDuplicateOf()).isNull();
        assertThat(count(cellKey("postings", "*", "", ""))).isEqualTo(3);
    }

    @Test
    void salaryStatisticsFollowUpdatesAndClosures() {
        send(TestPostings.posting("greenhouse", "a:1").company("A").salaryUsd(100_000, 100_000).build());
        send(TestPostings.posting("greenhouse", "b:1").company("B").salaryUsd(120_000, 120_000).build());
        send(TestPostings.posting("greenhouse", "c:1").company("C").salaryUsd(190_000, 210_000).build());
        AggregateRow all = cell(cellKey("salary", "*", "*", ""));
        assertThat(all.getSalaryCount()).isEqualTo(3);
        assertThat(all.getSalaryMinUsd()).isEqualTo(100_000.0);
        assertThat(all.getSalaryMedianUsd()).isEqualTo(120_000.0);
        assertThat(all.getSalaryMaxUsd()).isEqualTo(200_000.0);
        assertThat(cell(cellKey("salary", "*", "senior", "")).getSalaryCount()).isEqualTo(3);

        send(TestPostings.posting("greenhouse", "b:1").company("B").salaryUsd(160_000, 160_000).build());
        all = cell(cellKey("salary", "*", "*", ""));
        assertThat(all.getSalaryCount()).isEqualTo(3);
        assertThat(all.getSalaryMedianUsd()).isEqualTo(160_000.0);

        send(TestPostings.posting("greenhouse", "c:1").closed("2026-11-30T08:00:00Z").build());
        all = cell(cellKey("salary", "*", "*", ""));
        assertThat(all.getSalaryCount()).isEqualTo(2);
        assertThat(all.getSalaryMaxUsd()).isEqualTo(160_000.0);
        assertThat(all.getSalaryMedianUsd()).isEqualTo(130_000.0);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndProcessingContinues() {
        postings.pipeInput("garbage:1", new byte[]{0, 0, 0, 0, 42, (byte) 0xff, 3, 7});
        send(TestPostings.posting("greenhouse", "acme:1").build());

        var letters = deadLetters.readKeyValuesToList();
        assertThat(letters).hasSize(1);
        assertThat(letters.getFirst().key).isEqualTo("garbage:1");
        assertThat(letters.getFirst().value).contains("\"stage\":\"deserialize\"", "\"topic\":\"" + Topics.POSTINGS.name() + "\"",
                "\"reason\":\"", "\"payload_base64\":\"AAAAACr/Awc=\"");
        assertThat(count(cellKey("postings", "*", "", ""))).isEqualTo(1);
    }

    @Test
    void reEnrichmentConvergesToTheNewTaxonomyWithoutDoubleCounting() {
        List<JobPosting> history = List.of(
                TestPostings.posting("greenhouse", "acme:1").build(),
                TestPostings.posting("hn", "1").company("Acme Robotics Inc.").build(),
                TestPostings.posting("greenhouse", "b:1").company("B").build(),
                TestPostings.posting("greenhouse", "b:1").closed("2026-11-29T08:00:00Z").build());
        history.forEach(this::send);
        assertThat(count(cellKey("technology", "*", "Go", ""))).isEqualTo(1);

        upgraded = true;
        history.forEach(this::send); // what --reprocess does: the input read again from the beginning

        assertThat(count(cellKey("technology", "*", "Go", ""))).isZero();
        assertThat(count(cellKey("technology", "*", "Golang", ""))).isEqualTo(1);
        assertThat(count(cellKey("postings", "*", "", ""))).isEqualTo(1);
        assertThat(cell(cellKey("postings", "*", "", "")).getTaxonomyVersion()).isEqualTo("test-v2");
        assertThat(cell(cellKey("technology", "*", "PostgreSQL", "")).getTaxonomyVersion()).isEqualTo("test-v2");
        assertThat(enriched("greenhouse:acme:1").getTaxonomyVersion()).isEqualTo("test-v2");
    }

    @Test
    void closedPostingsLeaveTheDedupeStoreOnceOlderThanTheWindow() {
        send(TestPostings.posting("greenhouse", "acme:1").build());
        send(TestPostings.posting("greenhouse", "acme:1").closed("2026-11-22T08:00:00Z").build());
        send(TestPostings.posting("greenhouse", "acme:2").company("Beta").build()); // open: must stay
        KeyValueStore<String, BlockState> groups = driver.getKeyValueStore(PostingTopology.GROUPS_STORE);
        assertThat(members(groups)).containsExactlyInAnyOrder("greenhouse:acme:1", "greenhouse:acme:2");

        // A posting of another block, 40 days later, moves this task's clock past the 30-day window; the retention
        // sweep then drops the closed posting from a block nobody touched since.
        send(TestPostings.posting("greenhouse", "other:9").company("Other Corp")
                .postedAt(Instant.parse("2026-12-30T09:00:00Z")).fetchedAt("2026-12-30T12:00:00Z").build());
        driver.advanceWallClockTime(RetentionSweep.INTERVAL);

        assertThat(members(groups)).containsExactlyInAnyOrder("greenhouse:acme:2", "greenhouse:other:9");
        assertThat(count(cellKey("postings", "*", "", ""))).as("open postings still counted").isEqualTo(1);
    }

    @Test
    void closedPostingsLeaveTheLifecycleStoreOnceOlderThanTheWindowAndCountAsNewWhenListedAgain() {
        send(TestPostings.posting("greenhouse", "acme:1").build());
        send(TestPostings.posting("greenhouse", "acme:1").closed("2026-11-22T08:00:00Z").build());
        send(TestPostings.posting("greenhouse", "acme:2").company("Beta").build()); // open and old: must stay
        KeyValueStore<String, PostingState> lifecycle = driver.getKeyValueStore(PostingTopology.LIFECYCLE_STORE);
        driver.advanceWallClockTime(RetentionSweep.INTERVAL);
        assertThat(ids(lifecycle)).as("within the window").containsExactlyInAnyOrder("greenhouse:acme:1", "greenhouse:acme:2");

        // 40 days later the closed posting is past the 30-day window: the retention sweep forgets it.
        send(TestPostings.posting("greenhouse", "other:9").company("Other Corp")
                .postedAt(Instant.parse("2026-12-30T09:00:00Z")).fetchedAt("2026-12-30T12:00:00Z").build());
        driver.advanceWallClockTime(RetentionSweep.INTERVAL);
        assertThat(ids(lifecycle)).containsExactlyInAnyOrder("greenhouse:acme:2", "greenhouse:other:9");

        // A repeated CLOSED event for the forgotten posting changes nothing; listed again, it counts once, as new.
        send(TestPostings.posting("greenhouse", "acme:1").closed("2026-12-30T13:00:00Z").build());
        assertThat(count(cellKey("postings", "*", "", ""))).isEqualTo(1);
        send(TestPostings.posting("greenhouse", "acme:1").fetchedAt("2026-12-31T12:00:00Z").build());
        assertThat(count(cellKey("postings", "*", "", ""))).isEqualTo(2);
        assertThat(enriched("greenhouse:acme:1").getFirstSeenAt()).isEqualTo(Instant.parse("2026-12-31T12:00:00Z"));
    }

    private static List<String> ids(KeyValueStore<String, PostingState> lifecycle) {
        List<String> ids = new java.util.ArrayList<>();
        try (var it = lifecycle.all()) {
            it.forEachRemaining(kv -> ids.add(kv.key));
        }
        return ids;
    }

    private static List<String> members(KeyValueStore<String, BlockState> groups) {
        List<String> ids = new java.util.ArrayList<>();
        try (var it = groups.all()) {
            it.forEachRemaining(kv -> kv.value.groups().forEach(g -> g.members().forEach(m -> ids.add(m.id()))));
        }
        return ids;
    }
}
