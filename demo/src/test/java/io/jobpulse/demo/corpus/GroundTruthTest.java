package io.jobpulse.demo.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobpulse.enrichment.CurrencyRates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class GroundTruthTest {

    private static final int DAYS = 5;
    private static Corpus corpus;
    private static GroundTruth truth;

    @BeforeAll
    static void generate() {
        corpus = CorpusGenerator.generate(new CorpusSettings(3, 1500, DAYS, LocalDate.of(2026, 11, 28)));
        truth = GroundTruth.of(corpus);
    }

    @Test
    void activeJobsAreTheJobsWithAWellFormedListingUp() {
        for (int day = 0; day < DAYS; day++) {
            Set<String> fromListings = corpus.listingsOn(day).stream().filter(l -> l.defect() == null)
                    .map(Listing::jobId).collect(Collectors.toSet());
            assertThat(truth.activeJobs(day)).extracting(Job::id).containsExactlyInAnyOrderElementsOf(fromListings);
            int d = day;
            assertThat(truth.activeJobs(day)).noneMatch(j -> j.closeDay() <= d);
        }
        // Jobs closed during the simulation leave the active set on their close day.
        Job closed = corpus.jobs().stream().filter(j -> j.closeDay() < DAYS && !j.rejectedEverywhere()).findFirst().orElseThrow();
        assertThat(truth.activeJobs(closed.closeDay() - 1)).contains(closed);
        assertThat(truth.activeJobs(closed.closeDay())).doesNotContain(closed);
    }

    @Test
    void eachJobCountsOnceWhateverItsBoardsAndRepostsAndOnItsFirstPublicationDate() {
        Job reposted = corpus.jobs().stream().filter(j -> j.listings().stream().anyMatch(Listing::repost)).findFirst().orElseThrow();
        Listing repost = reposted.listings().stream().filter(Listing::repost).findFirst().orElseThrow();
        LocalDate repostedOn = LocalDate.ofInstant(repost.postedAt(), java.time.ZoneOffset.UTC);
        assertThat(reposted.postedOn()).isBefore(repostedOn);
        // While the first posting is up the job counts on its date; once only the repost is up, on the repost's.
        assertThat(reposted.countedOn(repost.firstDay() - 1)).isEqualTo(reposted.postedOn());
        boolean onlyRepostUp = reposted.listings().stream().filter(l -> l != repost)
                .noneMatch(l -> l.defect() == null && l.listedOn(repost.firstDay()));
        assertThat(reposted.countedOn(repost.firstDay())).isEqualTo(onlyRepostUp ? repostedOn : reposted.postedOn());
        int last = DAYS - 1;
        SegmentStats all = truth.stats(last, 365, GroundTruth.ALL_ROLES);
        assertThat(all.activeJobs()).isEqualTo(truth.activeJobs(last).size());
        long listingsUp = corpus.listingsOn(last).stream().filter(l -> l.defect() == null).count();
        assertThat(listingsUp).as("cross-posts make more listings than jobs").isGreaterThan(all.activeJobs());
    }

    @Test
    void segmentsAddUp() {
        for (int window : GroundTruth.WINDOWS) {
            SegmentStats all = truth.stats(DAYS - 1, window, GroundTruth.ALL_ROLES);
            int sumRoles = 0;
            Map<String, Integer> techs = new TreeMap<>();
            for (RoleProfile p : RoleProfiles.ALL) {
                SegmentStats s = truth.stats(DAYS - 1, window, p.role());
                sumRoles += s.activeJobs();
                s.technologies().forEach((k, v) -> techs.merge(k, v, Integer::sum));
                assertThat(s.seniority().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(s.activeJobs());
                assertThat(s.workModes().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(s.activeJobs());
                assertThat(s.countries().values().stream().mapToInt(Integer::intValue).sum()
                        + s.remoteRegions().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(s.activeJobs());
            }
            assertThat(sumRoles).isEqualTo(all.activeJobs());
            assertThat(techs).isEqualTo(all.technologies());
        }
        SegmentStats week = truth.stats(DAYS - 1, 7, GroundTruth.ALL_ROLES);
        SegmentStats month = truth.stats(DAYS - 1, 30, GroundTruth.ALL_ROLES);
        SegmentStats ever = truth.stats(DAYS - 1, 90, GroundTruth.ALL_ROLES);
        assertThat(week.activeJobs()).isLessThan(month.activeJobs());
        assertThat(month.activeJobs()).as("backlog jobs posted over 30 days ago fall out of the 30d window")
                .isLessThan(ever.activeJobs());
    }

    @Test
    void salaryFiguresAreYearlyUsdMidpointsAtTheTaxonomysRates() {
        CurrencyRates rates = CurrencyRates.load();
        UsdRates.USD_PER_UNIT.forEach((currency, perUnit) ->
                assertThat(rates.toUsd(100_000.0, currency)).as(currency).isEqualTo(100_000 * perUnit));
        assertThat(new Salary(100_000, 120_000, "EUR", "year").usdAnnualMidpoint()).isEqualTo(118_800.0);
        assertThat(new Salary(50, 70, "USD", "hour").usdAnnualMidpoint()).isEqualTo(124_800.0);
        SegmentStats all = truth.stats(DAYS - 1, 365, GroundTruth.ALL_ROLES);
        assertThat(all.salaries()).isSorted().isNotEmpty();
        long stated = truth.activeJobs(DAYS - 1).stream().filter(j -> j.versionOn(DAYS - 1).salary() != null).count();
        assertThat(all.salaries()).hasSize((int) stated);
    }

    @Test
    void ingestCountsFollowTheListings() {
        GroundTruth.Totals t = truth.totals();
        int wellFormed = 0, defective = 0;
        Set<String> jobs = new HashSet<>();
        for (Job j : corpus.jobs()) {
            for (Listing l : j.listings()) {
                if (l.defect() == null) {
                    wellFormed++;
                    jobs.add(j.id());
                } else {
                    defective++;
                }
            }
        }
        assertThat(t.postingsIngested()).isEqualTo(wellFormed);
        assertThat(t.duplicatesMerged()).isEqualTo(wellFormed - jobs.size()).isPositive();
        assertThat(t.postingsRejected()).isEqualTo(defective);
        int newOverDays = 0;
        for (int day = 0; day < DAYS; day++) {
            newOverDays += truth.ingest(day).newPostings();
        }
        assertThat(newOverDays).isEqualTo(wellFormed + defective);
        assertThat(truth.ingest(0).closedPostings()).isZero();
        assertThat(truth.ingest(DAYS - 1).closedJobs()).isPositive();
    }

    @Test
    void theJsonHoldsTheSameNumbers(@TempDir Path dir) throws Exception {
        GroundTruth.write(corpus, dir);
        JsonNode root = Corpus.JSON.readTree(Files.readAllBytes(dir.resolve("ground-truth.json")));
        JsonNode last = root.get("days").get(DAYS - 1);
        SegmentStats backend = truth.stats(DAYS - 1, 30, "backend");
        JsonNode b = last.get("windows").get("30d").get("backend");
        assertThat(b.get("active_jobs").asInt()).isEqualTo(backend.activeJobs());
        assertThat(b.get("technologies").get("PostgreSQL").asInt()).isEqualTo(backend.technologies().get("PostgreSQL"));
        assertThat(b.get("salary").get("median_usd").asDouble()).isEqualTo(backend.medianSalary());
        assertThat(root.get("totals").get("duplicates_merged").asInt()).isEqualTo(truth.totals().duplicatesMerged());
        assertThat(last.get("active_jobs_counted_on").size()).isEqualTo(truth.activeJobs(DAYS - 1).size());
        assertThat(Files.size(dir.resolve("corpus.json"))).isPositive();
    }
}
