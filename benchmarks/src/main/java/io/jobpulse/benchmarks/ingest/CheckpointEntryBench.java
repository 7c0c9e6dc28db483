package io.jobpulse.benchmarks.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobpulse.contracts.Topics;
import io.jobpulse.ingest.publish.OutgoingRecord;
import io.jobpulse.ingest.run.CheckpointStore;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The checkpoint entry that goes with every published posting, encoded as ingest did before (a Jackson object node,
 * rendered) and as it does now ({@link CheckpointStore#postingEntry}, written directly), in one JVM: interleaved
 * rounds, CPU time of this thread per entry, so the load of a shared machine mostly cancels out. Checks first that
 * both give the same bytes for every entry.
 *
 * <pre>
 * java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' io.jobpulse.benchmarks.ingest.CheckpointEntryBench [entries] [rounds]
 * </pre>
 */
public final class CheckpointEntryBench {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CheckpointEntryBench() {
    }

    /** The encoding before: key concatenation plus an object node rendered with Jackson. */
    static OutgoingRecord jacksonEntry(String instance, String postingId, String hash, String board) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("hash", hash);
        n.put("board", board);
        return new OutgoingRecord(Topics.INGEST_CHECKPOINTS.name(), "posting/" + instance + "/" + postingId,
                n.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        String[] ids = new String[n];
        String[] hashes = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "file:bench:job-" + i;
            hashes[i] = String.format(Locale.ROOT, "%064x", (long) i * 0x9E3779B97F4A7C15L);
        }
        String instance = "file:bench";
        String board = "bench";
        for (int i = 0; i < n; i++) {
            OutgoingRecord before = jacksonEntry(instance, ids[i], hashes[i], board);
            OutgoingRecord now = CheckpointStore.postingEntry(instance, ids[i], hashes[i], board);
            if (!before.key().equals(now.key()) || !Arrays.equals(before.value(), now.value())) {
                throw new IllegalStateException("entries differ for " + ids[i]);
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Double> jackson = new ArrayList<>();
        List<Double> direct = new ArrayList<>();
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                sink += jacksonEntry(instance, ids[i], hashes[i], board).value().length;
            }
            long t1 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                sink += CheckpointStore.postingEntry(instance, ids[i], hashes[i], board).value().length;
            }
            long t2 = threads.getCurrentThreadCpuTime();
            if (r >= rounds / 3) { // the first third is warm-up
                jackson.add((t1 - t0) / 1e3 / n);
                direct.add((t2 - t1) / 1e3 / n);
            }
        }
        System.out.printf(Locale.ROOT, "checkpoint entry, CPU per entry (median of %d rounds of %,d): Jackson node %.2f us, "
                        + "direct %.2f us (%.1fx); checksum %d%n", jackson.size(), n, median(jackson), median(direct),
                median(jackson) / median(direct), sink);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
