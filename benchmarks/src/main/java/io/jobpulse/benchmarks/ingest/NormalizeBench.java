package io.jobpulse.benchmarks.ingest;

import io.jobpulse.ingest.connector.FetchContext;
import io.jobpulse.ingest.connector.FetchedItem;
import io.jobpulse.ingest.connector.PostingDraft;
import io.jobpulse.ingest.connector.SourceOptions;
import io.jobpulse.ingest.connector.file.FileImportConnector;
import io.jobpulse.ingest.http.HttpFetcher;
import io.jobpulse.ingest.http.HttpSettings;
import io.jobpulse.ingest.normalize.Normalization;
import io.jobpulse.ingest.normalize.PostingNormalizer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CPU per posting of the file import's two CPU-bound stages outside the pipeline, on the file-import bench's
 * postings: reading the JSON Lines file into drafts (the source thread's work), and normalizing a draft (safe HTML and
 * text, dates, salary, content hash: most of a normalization worker's work; the Avro encoding is not included).
 * Interleaved rounds, this thread's CPU time, so a loaded machine mostly cancels out.
 *
 * <pre>
 * java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' io.jobpulse.benchmarks.ingest.NormalizeBench [postings] [rounds]
 * </pre>
 */
public final class NormalizeBench {

    private NormalizeBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Path file = Files.createTempFile("jobpulse-normalize-bench-", ".jsonl");
        try {
            FileImportBench.writePostings(file, n, 42);
            HttpFetcher http = new HttpFetcher(HttpSettings.defaults("bench@jobpulse.invalid"));
            FileImportConnector connector = new FileImportConnector();
            FetchContext ctx = new FetchContext("file:bench", SourceOptions.of(Map.of("path", file.toString(),
                    "format", "auto", "board", "bench")), http, 1000, Map.of(), null);
            PostingNormalizer normalizer = new PostingNormalizer("file");
            Instant now = Instant.parse("2026-11-28T12:00:00Z");
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            List<Double> read = new ArrayList<>();
            List<Double> normalize = new ArrayList<>();
            long checksum = 0;
            for (int r = 0; r < rounds; r++) {
                List<PostingDraft> drafts = new ArrayList<>(n);
                long t0 = threads.getCurrentThreadCpuTime();
                connector.fetch(ctx, item -> {
                    if (item instanceof FetchedItem.Parsed(PostingDraft d)) {
                        drafts.add(d);
                    }
                });
                long t1 = threads.getCurrentThreadCpuTime();
                for (PostingDraft d : drafts) {
                    if (normalizer.normalize(d, now) instanceof Normalization.Accepted(var p)) {
                        checksum += p.getContentHash().hashCode();
                    }
                }
                long t2 = threads.getCurrentThreadCpuTime();
                if (drafts.size() != n) {
                    throw new IllegalStateException(drafts.size() + " drafts of " + n);
                }
                if (r >= rounds / 3) { // the first third is warm-up
                    read.add((t1 - t0) / 1e3 / n);
                    normalize.add((t2 - t1) / 1e3 / n);
                }
            }
            System.out.printf(Locale.ROOT, "CPU per posting (median of %d rounds of %,d): read JSON line into draft %.2f us, "
                    + "normalize %.2f us; checksum of content hashes %d%n", read.size(), n, median(read), median(normalize), checksum);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
