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
 * io.jobpulse.benchmarks.enrichment.EnrichmentCpuThroughput [corpus.jsonl] [rounds] [warm-up rounds]}.
 *
 * <p>The warm-up is long on purpose (30 rounds, about 3 s of CPU): with only 5 rounds the C2 compiler was still at
 * work during the measured rounds and their median read about 30% below the steady state a long-running streams
 * thread sees (7.4 against 10.6 MB/s on a quiet machine).
 */
public final class EnrichmentCpuThroughput {

    private EnrichmentCpuThroughput() {}

    public static void main(String[] args) {
        String path = args.length > 0 ? args[0] : Corpus.DEFAULT;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int warmUpRounds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Corpus corpus = Corpus.load(path, 1_000_000);
        PostingEnricher enricher = PostingEnricher.create();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int w = 0; w < warmUpRounds; w++) {
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
        System.out.printf("corpus %d postings, %.2f MB of description per round, %d rounds after %d warm-up rounds%n",
                corpus.postings.size(), mb, rounds, warmUpRounds);
        System.out.printf("enrichment per thread: median %.1f MB/s of CPU time (best %.1f), median %.1f MB/s wall (best %.1f); load average %.2f (%d)%n",
                cpu[rounds / 2], cpu[rounds - 1], wall[rounds / 2], wall[rounds - 1],
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), sink);
    }
}
