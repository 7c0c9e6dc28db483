package io.jobpulse.benchmarks.enrichment;

import io.jobpulse.enrichment.Technology;
import io.jobpulse.enrichment.TechnologyTaxonomy;
import io.jobpulse.enrichment.text.PhraseMatcher;
import io.jobpulse.enrichment.text.PlainText;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ahocorasick.trie.Trie;

/**
 * Technology matching, ours against {@code org.ahocorasick}, same corpus and dictionary, in the same JVM with the
 * rounds interleaved, timed in the thread's CPU time (robust on a shared machine where wall-clock JMH numbers
 * mostly measure the wait for a core). Prints MB/s (CPU) per matcher: median and best of the rounds.
 *
 * <p>Run from the repository root: {@code java -cp 'benchmarks/target/classes:benchmarks/target/lib/*'
 * io.jobpulse.benchmarks.enrichment.MatcherCpuComparison [corpus.jsonl] [rounds]}.
 */
public final class MatcherCpuComparison {

    private MatcherCpuComparison() {}

    public static void main(String[] args) {
        String path = args.length > 0 ? args[0] : Corpus.DEFAULT;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 21;
        Corpus corpus = Corpus.load(path, 1_000_000);
        List<String> texts = new ArrayList<>();
        long chars = 0;
        for (var p : corpus.postings) {
            String t = PlainText.of(p.title(), p.description()).text();
            texts.add(t);
            chars += t.length();
        }
        TechnologyTaxonomy taxonomy = TechnologyTaxonomy.load();
        PhraseMatcher.Builder ours = PhraseMatcher.builder().startAfterDot(false);
        Trie.TrieBuilder aho = Trie.builder().ignoreCase().onlyWholeWords();
        for (Technology t : taxonomy.technologies()) {
            for (String alias : t.aliases()) {
                ours.add(alias, t.id(), false);
                aho.addKeyword(alias.toLowerCase(Locale.ROOT));
            }
        }
        PhraseMatcher matcher = ours.build();
        Trie trie = aho.build();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int[] starts = new int[1];
        char[] folded = new char[1];
        double[] oursMbs = new double[rounds];
        double[] ahoMbs = new double[rounds];
        long oursMatches = 0;
        long ahoMatches = 0;
        double mb = chars / 1e6;
        for (int r = -5; r < rounds; r++) { // 5 warm-up rounds
            long c0 = mx.getCurrentThreadCpuTime();
            int[] count = {0};
            PhraseMatcher.Sink sink = (payload, s, e) -> {
                count[0]++;
                return true;
            };
            for (String t : texts) {
                char[] a = t.toCharArray();
                if (starts.length < a.length / 2 + 1) {
                    starts = new int[a.length / 2 + 1];
                }
                if (folded.length < a.length) {
                    folded = new char[a.length];
                }
                // As PlainText does it: fold case and whitespace and find word starts in one pass, then scan.
                matcher.scan(a, folded, starts, PhraseMatcher.foldAndWordStarts(a, folded, starts), sink);
            }
            long c1 = mx.getCurrentThreadCpuTime();
            int ahoCount = 0;
            for (String t : texts) {
                ahoCount += trie.parseText(t).size();
            }
            long c2 = mx.getCurrentThreadCpuTime();
            if (r >= 0) {
                oursMbs[r] = mb / ((c1 - c0) / 1e9);
                ahoMbs[r] = mb / ((c2 - c1) / 1e9);
                oursMatches = count[0];
                ahoMatches = ahoCount;
            }
        }
        Arrays.sort(oursMbs);
        Arrays.sort(ahoMbs);
        System.out.printf("corpus %d postings, %.2f M chars per round, dictionary %d technologies, %d rounds%n",
                texts.size(), mb, taxonomy.size(), rounds);
        System.out.printf("PhraseMatcher (word starts + scan): median %.1f MB/s CPU (best %.1f), %d matches per round%n",
                oursMbs[rounds / 2], oursMbs[rounds - 1], oursMatches);
        System.out.printf("org.ahocorasick (ignoreCase, onlyWholeWords): median %.1f MB/s CPU (best %.1f), %d matches per round%n",
                ahoMbs[rounds / 2], ahoMbs[rounds - 1], ahoMatches);
        System.out.printf("ratio ours / ahocorasick (medians): %.2f; load average %.2f%n", oursMbs[rounds / 2] / ahoMbs[rounds / 2],
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
