package io.jobpulse.benchmarks.enrichment;

import io.jobpulse.enrichment.Technology;
import io.jobpulse.enrichment.TechnologyMatcher;
import io.jobpulse.enrichment.TechnologyTaxonomy;
import io.jobpulse.enrichment.text.PhraseMatcher;
import io.jobpulse.enrichment.text.PlainText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.ahocorasick.trie.Trie;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Technology matching over the same corpus and the same dictionary (every canonical name and alias of the
 * taxonomy): our {@link PhraseMatcher} against a plain {@code org.ahocorasick} trie scan (case-insensitive, whole
 * words). One operation scans the whole corpus (plain text, HTML already stripped); divide the corpus size by the
 * time per operation for MB/s. {@code ruledMatch} adds the word-sense rules and evidence (what enrichment runs).
 *
 * <p>Run: see docs/benchmarks.md, section Enrichment.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-XX:+UseParallelGC"})
@Threads(1)
public class TechnologyMatchBench {

    @Param(Corpus.DEFAULT)
    public String corpus;

    private List<String> texts;
    private List<PlainText> plains;
    private TechnologyMatcher matcher;
    private Trie trie;

    @Setup
    public void setup() {
        Corpus c = Corpus.load(corpus, 1_000_000);
        texts = new ArrayList<>();
        plains = new ArrayList<>();
        for (var p : c.postings) {
            PlainText plain = PlainText.of(p.title(), p.description());
            plains.add(plain);
            texts.add(plain.text());
        }
        TechnologyTaxonomy taxonomy = TechnologyTaxonomy.load();
        matcher = new TechnologyMatcher(taxonomy);
        Trie.TrieBuilder b = Trie.builder().ignoreCase().onlyWholeWords();
        for (Technology t : taxonomy.technologies()) {
            for (String alias : t.aliases()) {
                b.addKeyword(alias.toLowerCase(Locale.ROOT));
            }
        }
        trie = b.build();
        long chars = 0;
        for (String t : texts) {
            chars += t.length();
        }
        System.out.printf("%ncorpus: %d postings, %,d chars of plain text per operation%n", texts.size(), chars);
    }

    /** Counts matches with our trie (no word-sense rules): the like-for-like comparison with ahocorasick. */
    @Benchmark
    public int phraseMatcherScan() {
        int[] count = {0};
        PhraseMatcher.Sink sink = (payload, start, end) -> {
            count[0]++;
            return true;
        };
        for (String t : texts) {
            matcher.scan(t, sink);
        }
        return count[0];
    }

    /**
     * The path enrichment uses: copy the text to an array, find its word starts once, scan only those. Still counts
     * raw matches (no rules), so it is comparable with {@link #ahoCorasickScan()}.
     */
    @Benchmark
    public int phraseMatcherWordStarts() {
        int[] count = {0};
        PhraseMatcher.Sink sink = (payload, start, end) -> {
            count[0]++;
            return true;
        };
        for (String t : texts) {
            char[] chars = t.toCharArray();
            if (starts.length < chars.length / 2 + 1) {
                starts = new int[chars.length / 2 + 1];
            }
            if (folded.length < chars.length) {
                folded = new char[chars.length];
            }
            int n = PhraseMatcher.foldAndWordStarts(chars, folded, starts);
            matcher.rawMatcher().scan(chars, folded, starts, n, sink);
        }
        return count[0];
    }

    private int[] starts = new int[1];
    private char[] folded = new char[1];

    /** Counts matches with org.ahocorasick over the same dictionary. */
    @Benchmark
    public int ahoCorasickScan() {
        int count = 0;
        for (String t : texts) {
            count += trie.parseText(t).size();
        }
        return count;
    }

    /** Our matcher with word-sense rules and evidence spans, as enrichment runs it. */
    @Benchmark
    public int ruledMatch() {
        int count = 0;
        for (PlainText p : plains) {
            count += matcher.match(p).size();
        }
        return count;
    }
}
