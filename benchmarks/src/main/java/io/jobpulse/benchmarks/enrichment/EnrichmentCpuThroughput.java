package io.jobpulse.benchmarks.enrichment;

import io.jobpulse.enrichment.PostingEnricher;
import io.jobpulse.enrichment.PostingText;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Enrichment throughput per thread measured in the thread's own CPU time, next to wall time. On a shared machine
 * (other builds running) wall-clock numbers mostly measure the wait for a core; CPU time shows what one thread does
 * with the core it gets. Prints MB of description per second for both, median of the rounds.
 *
 * <p>Run from the repository root: {@code java -cp 'benchmarks/target/classes:benchmarks/target/lib/*'
 * io.jobpulse.benchmarks.enrichment.EnrichmentCpuThroughput [corpus.jsonl] [rounds]}.
 */
public final class EnrichmentCpuThroughput {

    private EnrichmentCpuThroughput() {}

    public static void main(String[] args) {
        String path = args.length > 0 ? args[0] : Corpus.DEFAULT;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Corpus corpus = Corpus.load(path, 1_000_000);
        PostingEnricher enricher = PostingEnricher.create();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int w = 0; w < 5; w++) { // warm-up
            for (PostingText p : corpus.postings) {
                sink += enricher.enrich(p).technologies().size();
            }
        }
        double[] cpu = new double[rounds];
        double[] wall = new double[rounds];
        double mb = corpus.descriptionBytes / 1e6;
        for (int r = 0; r < rounds; r++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            for (PostingText p : corpus.postings) {
                sink += enricher.enrich(p).technologies().size();
            }
            cpu[r] = mb / ((mx.getCurrentThreadCpuTime() - c0) / 1e9);
            wall[r] = mb / ((System.nanoTime() - w0) / 1e9);
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        System.out.printf("corpus %d postings, %.2f MB of description per round, %d rounds%n", corpus.postings.size(), mb, rounds);
        System.out.printf("enrichment per thread: median %.1f MB/s of CPU time (best %.1f), median %.1f MB/s wall (best %.1f); load average %.2f (%d)%n",
                cpu[rounds / 2], cpu[rounds - 1], wall[rounds / 2], wall[rounds - 1],
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), sink);
    }
}
