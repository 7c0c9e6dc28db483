package io.jobpulse.ingest.run;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
 * Ingest's checkpoints in the compacted topic {@link Topics#INGEST_CHECKPOINTS} (one partition, so records apply in
 * the order they were written), read with {@code read_committed}. Keys:
 * <ul>
 *   <li>{@code chunk/<instance>/<run id>/<n>} → {@code {"format":2,"postings":[[id,hash,board],[id],...]}}: the
 *       posting entries of one transaction (format 2, written since the file-import throughput work): an entry with a
 *       hash sets that posting's last published content hash and board, an entry of the id alone removes it (closed).
 *       A chunk is written in the same transaction as the postings it describes, so a committed posting always has
 *       its entry and an aborted one never does. Chunk keys are unique, so compaction keeps every chunk: when the
 *       entries the topic holds for an instance exceed {@code 2 x active + }{@value #REWRITE_SLACK}, a run's last
 *       transaction tombstones all of them and writes the active state again as fresh chunks
 *       ({@link #rewrite});</li>
 *   <li>{@code posting/<instance>/<posting id>} → {@code {"hash":..,"board":..}} (format 1, one record per active
 *       posting, tombstoned when it closes): written by earlier versions, still read, so their checkpoint topics
 *       resume correctly; later chunks override them, and a rewrite tombstones them;</li>
 *   <li>{@code source/<instance>} → {@code {"validators":{url:{etag,last_modified}},"last_complete_at":..}}: written
 *       last in a source's run.</li>
 * </ul>
 * Because postings and their checkpoint entries commit together, a run that dies half-way resumes exactly where its
 * last committed batch ended, on this machine or another.
 */
public final class CheckpointStore {

    static final String POSTING_PREFIX = "posting/";
    static final String CHUNK_PREFIX = "chunk/";
    static final String SOURCE_PREFIX = "source/";
    static final int CHUNK_FORMAT = 2;
    /** A chunk record is closed at this size (well under the broker's 1 MB record limit, even with 2,000-char ids). */
    static final int MAX_CHUNK_BYTES = 128 * 1024;
    /** Superseded entries tolerated beyond the active ones before a run rewrites an instance's entries. */
    static final int REWRITE_SLACK = 1_000;
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
        if (key.startsWith(CHUNK_PREFIX)) {
            // chunk/<instance>/<run id>/<n>: the instance may contain '/', the run id and n do not
            int n = key.lastIndexOf('/');
            int run = n > 0 ? key.lastIndexOf('/', n - 1) : -1;
            if (run <= CHUNK_PREFIX.length()) {
                return;
            }
            SourceCheckpoint cp = out.get(key.substring(CHUNK_PREFIX.length(), run));
            if (cp == null) {
                return;
            }
            if (value == null) {
                cp.chunkEntries().remove(key);
            } else {
                cp.chunkEntries().put(key, applyChunk(cp, value));
            }
        } else if (key.startsWith(POSTING_PREFIX)) {
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
                cp.postingRecords().remove(postingId);
            } else {
                JsonNode n = read(value);
                cp.postings().put(postingId, new SourceCheckpoint.PostingState(n.path("hash").asText(),
                        n.hasNonNull("board") ? n.get("board").asText() : null));
                cp.postingRecords().add(postingId);
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

    /** Applies a chunk's entries in order; returns how many it has. */
    private static int applyChunk(SourceCheckpoint cp, String value) {
        int entries = 0;
        try (JsonParser p = MAPPER.getFactory().createParser(value)) {
            expect(p.nextToken() == JsonToken.START_OBJECT, value);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if (field.equals("format")) {
                    if (p.getIntValue() != CHUNK_FORMAT) {
                        // a newer version's format: reading it as ours could publish everything again or lose closes
                        throw new IllegalStateException("checkpoint chunk of format " + p.getIntValue()
                                + " (this version reads 1 and 2); upgrade ingest");
                    }
                } else if (field.equals("postings") && t == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_ARRAY) {
                        expect(p.nextToken() == JsonToken.VALUE_STRING, value);
                        String id = p.getText();
                        String hash = p.nextToken() == JsonToken.VALUE_STRING ? p.getText() : null;
                        String board = hash != null && p.nextToken() == JsonToken.VALUE_STRING ? p.getText() : null;
                        while (p.currentToken() != JsonToken.END_ARRAY) {
                            p.nextToken();
                        }
                        if (hash == null) {
                            cp.postings().remove(id);
                        } else {
                            cp.postings().put(id, new SourceCheckpoint.PostingState(hash, board));
                        }
                        entries++;
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("unreadable checkpoint chunk: " + e.getMessage(), e);
        }
        return entries;
    }

    private static void expect(boolean condition, String value) {
        if (!condition) {
            throw new IllegalStateException("unreadable checkpoint chunk: "
                    + (value.length() > 200 ? value.substring(0, 200) + "..." : value));
        }
    }

    /**
     * Collects one source's posting entries into chunk records (format 2) for the transaction being built: a chunk
     * is closed when it reaches {@link #MAX_CHUNK_BYTES} or when the transaction is sent. Encoded with Jackson's
     * generator (its string escaping), read back by {@link #apply}.
     */
    static final class ChunkWriter {
        private final SourceCheckpoint checkpoint;
        private final String keyPrefix;
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(MAX_CHUNK_BYTES + 4096);
        private JsonGenerator json;
        private int entries;
        private int sequence;

        ChunkWriter(SourceCheckpoint checkpoint, String runId) {
            this.checkpoint = checkpoint;
            this.keyPrefix = CHUNK_PREFIX + checkpoint.instanceId() + "/" + runId + "/";
        }

        /** The posting was published with this content hash; returns a full chunk to send, or null. */
        OutgoingRecord put(String postingId, String hash, String board) {
            try {
                start();
                json.writeStartArray();
                json.writeString(postingId);
                json.writeString(hash);
                if (board == null) {
                    json.writeNull();
                } else {
                    json.writeString(board);
                }
                json.writeEndArray();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return entryWritten();
        }

        /** The posting was published as closed; returns a full chunk to send, or null. */
        OutgoingRecord closed(String postingId) {
            try {
                start();
                json.writeStartArray();
                json.writeString(postingId);
                json.writeEndArray();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return entryWritten();
        }

        private void start() throws IOException {
            if (json == null) {
                bytes.reset();
                json = MAPPER.getFactory().createGenerator(bytes);
                json.writeStartObject();
                json.writeNumberField("format", CHUNK_FORMAT);
                json.writeArrayFieldStart("postings");
            }
        }

        private OutgoingRecord entryWritten() {
            entries++;
            try {
                json.flush();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return bytes.size() >= MAX_CHUNK_BYTES ? take() : null;
        }

        /** The open chunk as a record (and accounted in the checkpoint), or null when no entry is pending. */
        OutgoingRecord take() {
            if (json == null) {
                return null;
            }
            try {
                json.writeEndArray();
                json.writeEndObject();
                json.close();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            json = null;
            String key = keyPrefix + sequence++;
            checkpoint.chunkEntries().put(key, entries);
            entries = 0;
            return new OutgoingRecord(Topics.INGEST_CHECKPOINTS.name(), key, bytes.toByteArray());
        }
    }

    /** True when the topic holds so many superseded entries for this instance that a rewrite pays off. */
    static boolean rewriteDue(SourceCheckpoint cp) {
        return cp.storedEntries() > 2L * cp.postings().size() + REWRITE_SLACK;
    }

    /**
     * Records replacing everything the topic holds for this instance's postings by its current state: tombstones for
     * every chunk and every format-1 posting record first (so a format-1 tombstone, which removes its posting when
     * read, comes before the chunks that set it again), then the active postings as fresh chunks. Must go in one
     * transaction, after every earlier batch of the run has committed (the state includes their entries).
     */
    static List<OutgoingRecord> rewrite(SourceCheckpoint cp, String runId) {
        List<OutgoingRecord> out = new java.util.ArrayList<>();
        for (String key : cp.chunkEntries().keySet()) {
            out.add(new OutgoingRecord(Topics.INGEST_CHECKPOINTS.name(), key, null));
        }
        for (String postingId : cp.postingRecords()) {
            out.add(new OutgoingRecord(Topics.INGEST_CHECKPOINTS.name(), POSTING_PREFIX + cp.instanceId() + "/" + postingId,
                    null));
        }
        cp.chunkEntries().clear();
        cp.postingRecords().clear();
        ChunkWriter chunks = new ChunkWriter(cp, runId + "-rewrite");
        for (Map.Entry<String, SourceCheckpoint.PostingState> e : new java.util.TreeMap<>(cp.postings()).entrySet()) {
            OutgoingRecord full = chunks.put(e.getKey(), e.getValue().hash(), e.getValue().board());
            if (full != null) {
                out.add(full);
            }
        }
        OutgoingRecord last = chunks.take();
        if (last != null) {
            out.add(last);
        }
        return out;
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
