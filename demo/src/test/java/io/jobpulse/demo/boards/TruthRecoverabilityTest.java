package io.jobpulse.demo.boards;

import io.jobpulse.contracts.avro.JobPosting;
import io.jobpulse.demo.corpus.Corpus;
import io.jobpulse.demo.corpus.CorpusGenerator;
import io.jobpulse.demo.corpus.CorpusSettings;
import io.jobpulse.demo.corpus.Job;
import io.jobpulse.demo.corpus.JobVersion;
import io.jobpulse.demo.corpus.Listing;
import io.jobpulse.enrichment.Enrichment;
import io.jobpulse.enrichment.PostingEnricher;
import io.jobpulse.enrichment.PostingText;
import io.jobpulse.enrichment.StructuredHints;
import io.jobpulse.enrichment.TechnologyMention;
import io.jobpulse.streams.dedupe.MinHashSignature;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ground truth is the generator's own labels; this checks the text was written so that they can be recovered:
 * every posting, as it comes out of the real connectors and normalizer, enriches (text only, no structured hints) to
 * exactly its job's technologies, level, role family, work mode, place and USD pay. A failure here means either the
 * corpus text became ambiguous or the enrichment changed; the end-to-end test would fail the same way.
 */
class TruthRecoverabilityTest {

    @Test
    void everyServedPostingEnrichesToItsJobsLabels() throws Exception {
        Corpus corpus = CorpusGenerator.generate(new CorpusSettings(5, 500, 3, LocalDate.of(2026, 11, 28)));
        PostingEnricher enricher = PostingEnricher.create();
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        try (SampleBoardServer server = SampleBoardServer.start(corpus)) {
            BoardFetch fetch = new BoardFetch(server);
            for (int day = 0; ; day = server.advanceDay()) {
                BoardFetch.Result result = fetch.fetchAll(Map.of());
                for (Listing l : corpus.listingsOn(day)) {
                    JobPosting p = result.accepted().get(l.postingId());
                    if (l.defect() != null) {
                        assertThat(p).isNull();
                        continue;
                    }
                    checked++;
                    String diff = compare(corpus.job(l.jobId()), corpus.job(l.jobId()).versionOn(day), enricher.enrich(
                            new PostingText(p.getTitle(), p.getDescriptionText(), p.getLocationRaw(), StructuredHints.NONE)));
                    if (!diff.isEmpty()) {
                        mismatches.add(l.postingId() + " day " + day + ": " + diff);
                    }
                }
                if (!server.hasNextDay()) {
                    break;
                }
            }
        }
        assertThat(checked).isGreaterThan(1000);
        assertThat(mismatches).isEmpty();
    }

    /**
     * The same job on several boards reads as the same text: what deduplication compares (word 3-shingles of the
     * description) is well above the streams stage's thresholds (Jaccard 0.5, containment 0.7) for every cross-post.
     */
    @Test
    void crossPostsReadAsTheSameJob() throws Exception {
        Corpus corpus = CorpusGenerator.generate(new CorpusSettings(9, 600, 1, LocalDate.of(2026, 11, 28)));
        int pairs = 0;
        double lowest = 1;
        try (SampleBoardServer server = SampleBoardServer.start(corpus)) {
            BoardFetch.Result result = new BoardFetch(server).fetchAll(Map.of());
            for (Job j : corpus.jobs()) {
                List<JobPosting> posts = j.listings().stream().filter(l -> l.defect() == null && l.listedOn(0))
                        .map(l -> result.accepted().get(l.postingId())).toList();
                for (int a = 0; a < posts.size(); a++) {
                    for (int b = a + 1; b < posts.size(); b++) {
                        MinHashSignature x = MinHashSignature.of(posts.get(a).getDescriptionText());
                        MinHashSignature y = MinHashSignature.of(posts.get(b).getDescriptionText());
                        lowest = Math.min(lowest, Math.max(x.jaccard(y), x.containment(y) - 0.2));
                        pairs++;
                    }
                }
            }
        }
        assertThat(pairs).isGreaterThan(100);
        assertThat(lowest).isGreaterThanOrEqualTo(0.6);
    }

    private static String compare(Job job, JobVersion version, Enrichment e) {
        List<String> diff = new ArrayList<>();
        Set<String> techs = e.technologies().stream().map(TechnologyMention::name).collect(Collectors.toCollection(TreeSet::new));
        if (!techs.equals(new TreeSet<>(version.technologies()))) {
            diff.add("technologies " + techs + " != " + new TreeSet<>(version.technologies()));
        }
        List<String> levels = e.seniority().stream().map(s -> s.name().toLowerCase(Locale.ROOT)).toList();
        if (!levels.equals(List.of(job.seniority().label()))) {
            diff.add("seniority " + levels + " != " + job.seniority().label());
        }
        List<String> roles = e.roles().stream().map(r -> r.name().toLowerCase(Locale.ROOT)).toList();
        if (!roles.equals(List.of(job.role()))) {
            diff.add("roles " + roles + " != " + job.role());
        }
        List<String> modes = e.workModes().stream().map(m -> m.name().toLowerCase(Locale.ROOT)).toList();
        if (!modes.equals(List.of(job.workMode()))) {
            diff.add("work modes " + modes + " != " + job.workMode());
        }
        if (job.place().remote()) {
            if (!e.locations().isEmpty() || !e.remoteRegions().equals(List.of(job.place().remoteRegion()))) {
                diff.add("place " + e.locations() + " " + e.remoteRegions() + " != remote " + job.place().remoteRegion());
            }
        } else if (e.locations().size() != 1 || !job.place().city().equals(e.locations().getFirst().city())
                || !job.place().countryCode().equals(e.locations().getFirst().country())) {
            diff.add("place " + e.locations() + " != " + job.place().text());
        }
        if (version.salary() == null) {
            if (e.salary() != null) {
                diff.add("salary " + e.salary() + " where none is stated");
            }
        } else if (e.salary() == null || e.salary().usdAnnualMin() == null
                || Math.abs((e.salary().usdAnnualMin() + e.salary().usdAnnualMax()) / 2 - version.salary().usdAnnualMidpoint()) > 0.01) {
            diff.add("salary " + e.salary() + " != " + version.salary().text());
        }
        return String.join("; ", diff);
    }
}
