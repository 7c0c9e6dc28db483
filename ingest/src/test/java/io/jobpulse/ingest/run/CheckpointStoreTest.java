package io.jobpulse.ingest.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobpulse.contracts.Topics;
import io.jobpulse.ingest.publish.OutgoingRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CheckpointStoreTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The posting entries written before they were encoded by hand: a Jackson object node's rendering. */
    private static byte[] jacksonEntry(String hash, String board) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("hash", hash);
        n.put("board", board);
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void postingEntryHasTheBytesJacksonWrote() {
        List<String> boards = Arrays.asList("acme", null, "", "Nordlicht \"GmbH\"", "back\\slash", "tab\there",
                "line\nbreak\r", "ctrl\u0001\u001f", "München", "東京", "emoji \uD83D\uDE80", "slash/</script>", "del\u007f");
        for (String board : boards) {
            String hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
            assertThat(CheckpointStore.postingEntryValue(hash, board)).as("board %s", board)
                    .isEqualTo(jacksonEntry(hash, board));
        }
        assertThat(CheckpointStore.postingEntryValue(null, null)).isEqualTo(jacksonEntry(null, null));
    }

    @Test
    void postingEntryReadsBackIntoTheCheckpoint() {
        Map<String, SourceCheckpoint> checkpoints = new HashMap<>();
        checkpoints.put("file:jobs", new SourceCheckpoint("file:jobs"));
        OutgoingRecord entry = CheckpointStore.postingEntry("file:jobs", "file:jobs:42", "abc123", "Bergwerk \"Süd\"\n");
        assertThat(entry.topic()).isEqualTo(Topics.INGEST_CHECKPOINTS.name());
        CheckpointStore.apply(checkpoints, entry.key(), new String(entry.value(), StandardCharsets.UTF_8));
        assertThat(checkpoints.get("file:jobs").postings())
                .containsEntry("file:jobs:42", new SourceCheckpoint.PostingState("abc123", "Bergwerk \"Süd\"\n"));

        OutgoingRecord noBoard = CheckpointStore.postingEntry("file:jobs", "file:jobs:43", "def456", null);
        CheckpointStore.apply(checkpoints, noBoard.key(), new String(noBoard.value(), StandardCharsets.UTF_8));
        assertThat(checkpoints.get("file:jobs").postings())
                .containsEntry("file:jobs:43", new SourceCheckpoint.PostingState("def456", null));

        OutgoingRecord tombstone = CheckpointStore.postingTombstone("file:jobs", "file:jobs:42");
        CheckpointStore.apply(checkpoints, tombstone.key(), null);
        assertThat(checkpoints.get("file:jobs").postings()).doesNotContainKey("file:jobs:42").containsKey("file:jobs:43");
    }
}
