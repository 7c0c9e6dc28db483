package io.jobpulse.ingest.run;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobpulse.contracts.Topics;
import io.jobpulse.ingest.http.Validators;
import io.jobpulse.ingest.publish.OutgoingRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Ingest's checkpoints in the compacted topic {@link Topics#INGEST_CHECKPOINTS}, read with {@code read_committed}.
 * Two kinds of keys:
 * <ul>
 *   <li>{@code posting/<instance>/<posting id>} → {@code {"hash":..,"board":..}}: one per active posting, written in
 *       the same transaction as the posting itself, and tombstoned in the transaction that publishes its closing;</li>
 *   <li>{@code source/<instance>} → {@code {"validators":{url:{etag,last_modified}},"last_complete_at":..}}: written
 *       last in a source's run.</li>
 * </ul>
 * Because a posting and its checkpoint entry commit together, a run that dies half-way resumes exactly where its
 * last committed batch ended, on this machine or another.
 */
public final class CheckpointStore {

    static final String POSTING_PREFIX = "posting/";
    static final String SOURCE_PREFIX = "source/";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CheckpointStore() {
    }

    /** Reads the whole checkpoint topic up to its last stable offset, keeping the given instances. */
    public static Map<String, SourceCheckpoint> load(String bootstrapServers, Set<String> instances) {
        Map<String, SourceCheckpoint> out = new HashMap<>();
        instances.forEach(i -> out.put(i, new SourceCheckpoint(i)));
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.INGEST_CHECKPOINTS.name(), Duration.ofSeconds(30))
                    .stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("timed out reading " + Topics.INGEST_CHECKPOINTS.name());
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    apply(out, r.key(), r.value());
                }
            }
        }
        return out;
    }

    static void apply(Map<String, SourceCheckpoint> out, String key, String value) {
        if (key == null) {
            return;
        }
        if (key.startsWith(POSTING_PREFIX)) {
            int slash = key.indexOf('/', POSTING_PREFIX.length());
            if (slash < 0) {
                return;
            }
            SourceCheckpoint cp = out.get(key.substring(POSTING_PREFIX.length(), slash));
            if (cp == null) {
                return;
            }
            String postingId = key.substring(slash + 1);
            if (value == null) {
                cp.postings().remove(postingId);
            } else {
                JsonNode n = read(value);
                cp.postings().put(postingId, new SourceCheckpoint.PostingState(n.path("hash").asText(),
                        n.hasNonNull("board") ? n.get("board").asText() : null));
            }
        } else if (key.startsWith(SOURCE_PREFIX)) {
            SourceCheckpoint cp = out.get(key.substring(SOURCE_PREFIX.length()));
            if (cp == null || value == null) {
                return;
            }
            JsonNode n = read(value);
            Map<String, Validators> validators = new HashMap<>();
            n.path("validators").fields().forEachRemaining(e -> validators.put(e.getKey(), new Validators(
                    e.getValue().hasNonNull("etag") ? e.getValue().get("etag").asText() : null,
                    e.getValue().hasNonNull("last_modified") ? e.getValue().get("last_modified").asText() : null)));
            cp.validators(validators);
            cp.lastCompleteAt(n.hasNonNull("last_complete_at") ? Instant.parse(n.get("last_complete_at").asText()) : null);
        }
    }

    public static OutgoingRecord postingEntry(String instance, String postingId, String hash, String board) {
        return new OutgoingRecord(Topics.INGEST_CHECKPOINTS.name(), POSTING_PREFIX + instance + "/" + postingId,
                postingEntryValue(hash, board));
    }

    /**
     * {@code {"hash":..,"board":..}}, the same bytes as Jackson writing that object node (same field order, same
     * escaping, {@code null} for a missing value), without building a node for every published posting: one entry
     * goes with each posting, and the tree and its rendering were a noticeable share of the source thread.
     */
    static byte[] postingEntryValue(String hash, String board) {
        byte[] h = quoted(hash);
        byte[] b = quoted(board);
        byte[] out = new byte[HASH_FIELD.length + h.length + BOARD_FIELD.length + b.length + 1];
        int at = 0;
        System.arraycopy(HASH_FIELD, 0, out, at, HASH_FIELD.length);
        at += HASH_FIELD.length;
        System.arraycopy(h, 0, out, at, h.length);
        at += h.length;
        System.arraycopy(BOARD_FIELD, 0, out, at, BOARD_FIELD.length);
        at += BOARD_FIELD.length;
        System.arraycopy(b, 0, out, at, b.length);
        out[out.length - 1] = '}';
        return out;
    }

    private static final byte[] HASH_FIELD = "{\"hash\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BOARD_FIELD = ",\"board\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.UTF_8);

    /** A JSON string literal in UTF-8, escaped as Jackson's generator escapes it, or {@code null}. */
    private static byte[] quoted(String s) {
        if (s == null) {
            return NULL;
        }
        byte[] body = JsonStringEncoder.getInstance().quoteAsUTF8(s);
        byte[] out = new byte[body.length + 2];
        out[0] = '"';
        System.arraycopy(body, 0, out, 1, body.length);
        out[out.length - 1] = '"';
        return out;
    }

    public static OutgoingRecord postingTombstone(String instance, String postingId) {
        return new OutgoingRecord(Topics.INGEST_CHECKPOINTS.name(), POSTING_PREFIX + instance + "/" + postingId, null);
    }

    public static OutgoingRecord sourceEntry(SourceCheckpoint cp, String connector, Instant runAt, int activePostings) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("connector", connector);
        ObjectNode v = n.putObject("validators");
        cp.validators().forEach((url, val) -> {
            ObjectNode o = v.putObject(url);
            o.put("etag", val.etag());
            o.put("last_modified", val.lastModified());
        });
        n.put("last_complete_at", cp.lastCompleteAt() == null ? null : cp.lastCompleteAt().toString());
        n.put("last_run_at", runAt.toString());
        n.put("active_postings", activePostings);
        return new OutgoingRecord(Topics.INGEST_CHECKPOINTS.name(), SOURCE_PREFIX + cp.instanceId(), bytes(n));
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            return MAPPER.createObjectNode();
        }
    }

    private static byte[] bytes(JsonNode n) {
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }
}
