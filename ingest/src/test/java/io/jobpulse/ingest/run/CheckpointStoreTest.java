package io.jobpulse.ingest.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobpulse.contracts.Topics;
import io.jobpulse.ingest.publish.OutgoingRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The checkpoint topic's records as a log: what earlier versions wrote (format 1, one record per posting) and what
 * this one writes (format 2 chunks, rewrites) read back into the same state, in order, before and after compaction.
 */
class CheckpointStoreTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String INSTANCE = "file:jobs";
    private static final String HASH_A = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String HASH_B = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";

    /** A topic partition's records, in offset order. */
    private record Log(List<Map.Entry<String, String>> records) {
        Log() {
            this(new ArrayList<>());
        }

        void append(String key, String value) {
            records.add(new java.util.AbstractMap.SimpleEntry<>(key, value));
        }

        void append(OutgoingRecord r) {
            assertThat(r.topic()).isEqualTo(Topics.INGEST_CHECKPOINTS.name());
            append(r.key(), r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8));
        }

        /** What CheckpointStore.load makes of it. */
        SourceCheckpoint read() {
            Map<String, SourceCheckpoint> out = new HashMap<>();
            out.put(INSTANCE, new SourceCheckpoint(INSTANCE));
            out.put("other", new SourceCheckpoint("other"));
            records.forEach(e -> CheckpointStore.apply(out, e.getKey(), e.getValue()));
            return out.get(INSTANCE);
        }

        /**
         * Log compaction: only the last record of each key stays, at its offset; with {@code dropTombstones} also the
         * tombstones go (once delete.retention.ms has passed).
         */
        Log compacted(boolean dropTombstones) {
            Map<String, Integer> last = new HashMap<>();
            for (int i = 0; i < records.size(); i++) {
                last.put(records.get(i).getKey(), i);
            }
            Log out = new Log();
            for (int i = 0; i < records.size(); i++) {
                Map.Entry<String, String> e = records.get(i);
                if (last.get(e.getKey()) == i && !(dropTombstones && e.getValue() == null)) {
                    out.append(e.getKey(), e.getValue());
                }
            }
            return out;
        }
    }

    /** A format-1 posting record as earlier versions wrote it (a Jackson object node's rendering). */
    private static void formatOne(Log log, String postingId, String hash, String board) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("hash", hash);
        n.put("board", board);
        log.append("posting/" + INSTANCE + "/" + postingId, n.toString());
    }

    private static Map<String, SourceCheckpoint.PostingState> state(Object... idHashBoard) {
        Map<String, SourceCheckpoint.PostingState> m = new LinkedHashMap<>();
        for (int i = 0; i < idHashBoard.length; i += 3) {
            m.put((String) idHashBoard[i], new SourceCheckpoint.PostingState((String) idHashBoard[i + 1], (String) idHashBoard[i + 2]));
        }
        return m;
    }

    private static void appendIfFull(Log log, OutgoingRecord fullChunk) {
        if (fullChunk != null) {
            log.append(fullChunk);
        }
    }

    @Test
    void formatOneRecordsOfEarlierVersionsAreStillRead() {
        Log log = new Log();
        formatOne(log, "file:jobs:42", HASH_A, "Bergwerk \"Süd\"\n");
        formatOne(log, "file:jobs:43", HASH_B, null);
        formatOne(log, "file:jobs:44", HASH_B, "jobs");
        log.append("posting/" + INSTANCE + "/file:jobs:44", null); // closed
        log.append("posting/other/x:1", "{\"hash\":\"h\",\"board\":null}");
        SourceCheckpoint cp = log.read();
        assertThat(cp.postings()).isEqualTo(state("file:jobs:42", HASH_A, "Bergwerk \"Süd\"\n", "file:jobs:43", HASH_B, null));
        assertThat(cp.postingRecords()).containsExactlyInAnyOrder("file:jobs:42", "file:jobs:43");
        assertThat(cp.storedEntries()).isEqualTo(2);
    }

    @Test
    void chunksCarryPostingsAndClosesAndReadBackExactly() {
        SourceCheckpoint writing = new SourceCheckpoint(INSTANCE);
        CheckpointStore.ChunkWriter chunks = new CheckpointStore.ChunkWriter(writing, "run-1");
        assertThat(chunks.take()).as("nothing pending").isNull();
        Log log = new Log();
        List<String> boards = java.util.Arrays.asList("acme", null, "", "Nordlicht \"GmbH\"", "back\\slash", "tab\there",
                "line\nbreak\r", "ctrl\u0001\u001f", "München", "東京", "emoji \uD83D\uDE80", "slash/</script>", "del\u007f");
        Map<String, SourceCheckpoint.PostingState> expected = new LinkedHashMap<>();
        for (int i = 0; i < boards.size(); i++) {
            String id = "file:jobs:" + i + (i % 2 == 0 ? "/with/slashes" : " \"quoted\" ü");
            appendIfFull(log, chunks.put(id, HASH_A, boards.get(i)));
            expected.put(id, new SourceCheckpoint.PostingState(HASH_A, boards.get(i)));
        }
        log.append(chunks.take());
        assertThat(log.records()).hasSize(1);
        assertThat(log.records().getFirst().getKey()).isEqualTo("chunk/file:jobs/run-1/0");
        assertThat(log.records().getFirst().getValue()).startsWith("{\"format\":2,\"postings\":[[");
        assertThat(log.read().postings()).isEqualTo(expected);

        // A later transaction changes one posting and closes another; their order in the log decides.
        String changed = "file:jobs:1 \"quoted\" ü";
        String closed = "file:jobs:0/with/slashes";
        appendIfFull(log, chunks.put(changed, HASH_B, "acme"));
        appendIfFull(log, chunks.closed(closed));
        log.append(chunks.take());
        expected.put(changed, new SourceCheckpoint.PostingState(HASH_B, "acme"));
        expected.remove(closed);
        SourceCheckpoint read = log.read();
        assertThat(read.postings()).isEqualTo(expected);
        assertThat(read.chunkEntries()).containsExactly(Map.entry("chunk/file:jobs/run-1/0", boards.size()),
                Map.entry("chunk/file:jobs/run-1/1", 2));
        assertThat(read.chunkEntries()).isEqualTo(writing.chunkEntries());
    }

    @Test
    void aChunkIsClosedBeforeItOutgrowsTheRecordLimit() {
        SourceCheckpoint writing = new SourceCheckpoint(INSTANCE);
        CheckpointStore.ChunkWriter chunks = new CheckpointStore.ChunkWriter(writing, "run-2");
        Log log = new Log();
        String longId = "x".repeat(2_000);
        for (int i = 0; i < 500; i++) {
            appendIfFull(log, chunks.put(longId + i, HASH_A, "board"));
        }
        log.append(chunks.take());
        assertThat(log.records()).hasSizeGreaterThan(5);
        assertThat(log.records()).allSatisfy(r -> assertThat(r.getValue().length())
                .isLessThan(CheckpointStore.MAX_CHUNK_BYTES + 5_000));
        assertThat(log.read().postings()).hasSize(500);
        assertThat(log.read().storedEntries()).isEqualTo(500);
    }

    @Test
    void chunksOverrideFormatOneRecordsInLogOrder() {
        Log log = new Log();
        formatOne(log, "file:jobs:1", HASH_A, "jobs");
        formatOne(log, "file:jobs:2", HASH_A, "jobs");
        formatOne(log, "file:jobs:3", HASH_A, "jobs");
        SourceCheckpoint writing = log.read();
        CheckpointStore.ChunkWriter chunks = new CheckpointStore.ChunkWriter(writing, "run-3");
        appendIfFull(log, chunks.put("file:jobs:2", HASH_B, "jobs"));
        appendIfFull(log, chunks.closed("file:jobs:3"));
        appendIfFull(log, chunks.put("file:jobs:4", HASH_B, "jobs"));
        log.append(chunks.take());
        Map<String, SourceCheckpoint.PostingState> expected = state("file:jobs:1", HASH_A, "jobs", "file:jobs:2", HASH_B, "jobs",
                "file:jobs:4", HASH_B, "jobs");
        assertThat(log.read().postings()).isEqualTo(expected);
        // compaction keeps every format-1 record (each is the last of its key) and the chunk, in order
        assertThat(log.compacted(false).read().postings()).isEqualTo(expected);
        assertThat(log.compacted(true).read().postings()).isEqualTo(expected);
    }

    @Test
    void aRewriteReplacesEverythingAndTheCompactedLogReadsTheSame() {
        Log log = new Log();
        formatOne(log, "file:jobs:1", HASH_A, "jobs");
        formatOne(log, "file:jobs:2", HASH_A, "jobs");
        formatOne(log, "file:jobs:3", HASH_A, null);
        // three runs: each changes posting 1 and 2 back and forth, closes one, adds some
        for (int run = 0; run < 3; run++) {
            SourceCheckpoint writing = log.read();
            CheckpointStore.ChunkWriter chunks = new CheckpointStore.ChunkWriter(writing, "run-" + run);
            String hash = run % 2 == 0 ? HASH_B : HASH_A;
            appendIfFull(log, chunks.put("file:jobs:1", hash, "jobs"));
            appendIfFull(log, chunks.put("file:jobs:2", hash, "jobs"));
            log.append(chunks.take());
            appendIfFull(log, chunks.put("file:jobs:new" + run, hash, "jobs"));
            appendIfFull(log, chunks.closed(run == 0 ? "file:jobs:3" : "file:jobs:new" + (run - 1)));
            log.append(chunks.take());
        }
        SourceCheckpoint before = log.read();
        Map<String, SourceCheckpoint.PostingState> expected = state("file:jobs:1", HASH_B, "jobs", "file:jobs:2", HASH_B, "jobs",
                "file:jobs:new2", HASH_B, "jobs");
        assertThat(before.postings()).isEqualTo(expected);
        assertThat(before.postingRecords()).containsExactlyInAnyOrder("file:jobs:1", "file:jobs:2", "file:jobs:3");
        assertThat(before.storedEntries()).isEqualTo(3 + 3 * 4);

        List<OutgoingRecord> rewrite = CheckpointStore.rewrite(before, "run-9");
        rewrite.forEach(log::append);
        // tombstones first (a format-1 tombstone removes its posting when read), then the state as fresh chunks
        assertThat(rewrite.subList(0, 9)).allSatisfy(r -> assertThat(r.value()).isNull());
        assertThat(rewrite.subList(9, rewrite.size())).singleElement()
                .satisfies(r -> assertThat(r.key()).isEqualTo("chunk/file:jobs/run-9-rewrite/0"));
        assertThat(before.storedEntries()).as("accounting after the rewrite").isEqualTo(3);

        SourceCheckpoint after = log.read();
        assertThat(after.postings()).isEqualTo(expected);
        assertThat(after.storedEntries()).isEqualTo(3);
        assertThat(after.postingRecords()).isEmpty();
        Log compacted = log.compacted(false);
        assertThat(compacted.read().postings()).isEqualTo(expected);
        Log cleaned = log.compacted(true);
        assertThat(cleaned.records()).singleElement().satisfies(r -> assertThat(r.getKey()).endsWith("run-9-rewrite/0"));
        assertThat(cleaned.read().postings()).isEqualTo(expected);
    }

    @Test
    void aRewriteIsDueOnlyWhenSupersededEntriesPileUp() {
        SourceCheckpoint cp = new SourceCheckpoint(INSTANCE);
        CheckpointStore.ChunkWriter chunks = new CheckpointStore.ChunkWriter(cp, "run");
        for (int i = 0; i < 2_000; i++) {
            chunks.put("file:jobs:" + i, HASH_A, null);
            cp.postings().put("file:jobs:" + i, new SourceCheckpoint.PostingState(HASH_A, null));
        }
        chunks.take();
        assertThat(CheckpointStore.rewriteDue(cp)).isFalse();
        for (int i = 0; i < 2_000 + CheckpointStore.REWRITE_SLACK; i++) {
            chunks.put("file:jobs:" + (i % 2_000), HASH_B, null);
        }
        chunks.take();
        assertThat(CheckpointStore.rewriteDue(cp)).isFalse();
        chunks.closed("file:jobs:0");
        cp.postings().remove("file:jobs:0");
        chunks.take();
        assertThat(CheckpointStore.rewriteDue(cp)).isTrue();
    }

    @Test
    void aChunkOfANewerFormatStopsTheRunInsteadOfBeingMisread() {
        Log log = new Log();
        log.append("chunk/" + INSTANCE + "/run/0", "{\"format\":3,\"postings\":[[\"file:jobs:1\",\"h\",null]]}");
        assertThatThrownBy(log::read).isInstanceOf(IllegalStateException.class).hasMessageContaining("format 3");
    }
}
