package io.jobpulse.benchmarks.enrichment;

import io.jobpulse.enrichment.Enrichment;
import io.jobpulse.enrichment.PostingEnricher;
import io.jobpulse.enrichment.PostingText;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Full enrichment (HTML to text, technologies, seniority, roles, work mode, locations, salary) of every posting of
 * the corpus by one thread with one shared {@link PostingEnricher}. One operation enriches the whole corpus; MB/s per
 * thread = corpus description bytes / time per operation (printed at setup).
 *
 * <p>Run: see docs/benchmarks.md, section Enrichment.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-XX:+UseParallelGC"})
@Threads(1)
public class EnrichmentBench {

    @Param(Corpus.DEFAULT)
    public String corpus;

    private List<PostingText> postings;
    private PostingEnricher enricher;

    @Setup
    public void setup() {
        Corpus c = Corpus.load(corpus, 1_000_000);
        postings = c.postings;
        enricher = PostingEnricher.create();
        System.out.printf("%ncorpus: %d postings, %,d bytes of description per operation%n", postings.size(), c.descriptionBytes);
    }

    @Benchmark
    public void enrichCorpus(Blackhole bh) {
        for (PostingText p : postings) {
            Enrichment e = enricher.enrich(p);
            bh.consume(e);
        }
    }
}
