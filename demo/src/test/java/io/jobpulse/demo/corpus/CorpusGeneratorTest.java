package io.jobpulse.demo.corpus;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CorpusGeneratorTest {

    private static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 28);
    private static Corpus corpus;

    @BeforeAll
    static void generate() {
        corpus = CorpusGenerator.generate(new CorpusSettings(CorpusSettings.DEFAULT_SEED, 5000, 7, LAST_DAY));
    }

    @Test
    void sameSettingsGiveTheSameBytesAndAnotherSeedDoesNot() {
        CorpusSettings settings = new CorpusSettings(11, 400, 3, LAST_DAY);
        byte[] a = CorpusGenerator.generate(settings).toJson();
        byte[] b = CorpusGenerator.generate(settings).toJson();
        assertThat(a).isEqualTo(b);
        assertThat(GroundTruth.of(CorpusGenerator.generate(settings)).toJson())
                .isEqualTo(GroundTruth.of(CorpusGenerator.generate(settings)).toJson());
        assertThat(CorpusGenerator.generate(new CorpusSettings(12, 400, 3, LAST_DAY)).toJson()).isNotEqualTo(a);
    }

    @Test
    void theCorpusIsPinnedSoAChangeOfGeneratorOrJdkShows() throws Exception {
        // L64X128MixRandom and StrictMath are specified exactly: every JVM produces these bytes. Changing the
        // generator changes them on purpose; update the hash then.
        byte[] bytes = CorpusGenerator.generate(new CorpusSettings(1, 300, 3, LAST_DAY)).toJson();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(sha).isEqualTo(PINNED_SHA256);
    }

    static final String PINNED_SHA256 = "6a68f91448353f5637db0de03fed35a348ac5f515773c2329579203b2c9cf5ff";

    @Test
    void rolesFollowTheirWeights() {
        Map<String, Long> byRole = corpus.jobs().stream().collect(Collectors.groupingBy(Job::role, Collectors.counting()));
        assertThat(byRole.keySet()).containsExactlyInAnyOrderElementsOf(RoleProfiles.ALL.stream().map(RoleProfile::role).toList());
        for (RoleProfile p : RoleProfiles.ALL) {
            double share = byRole.get(p.role()) / 5000.0;
            assertThat(share).as(p.role()).isCloseTo(RoleProfiles.BY_WEIGHT.share(p), within(0.025));
        }
    }

    @Test
    void levelsAreWeightedToSeniorAndMid() {
        Map<Seniority, Long> levels = corpus.jobs().stream().collect(Collectors.groupingBy(Job::seniority, Collectors.counting()));
        assertThat(levels.keySet()).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Seniority.class));
        long senior = levels.get(Seniority.SENIOR);
        assertThat(levels.values()).allMatch(c -> c <= senior);
        assertThat(senior + levels.get(Seniority.MID)).isGreaterThan(2500);
        for (Job j : corpus.jobs()) {
            String t = j.title();
            switch (j.seniority()) {
                case JUNIOR -> assertThat(t).startsWith("Junior ");
                case MID -> assertThat(t.startsWith("Mid-level ") || t.contains(" II")).as(t).isTrue();
                case SENIOR -> assertThat(t).startsWith("Senior ");
                case STAFF -> assertThat(t).startsWith("Staff ");
                case PRINCIPAL -> assertThat(t).startsWith("Principal ");
                case LEAD -> assertThat(t).startsWith("Lead ");
                case MANAGER -> assertThat(t).startsWith("Engineering Manager");
            }
        }
    }

    @Test
    void payRisesWithLevelAndIsStatedInFourCurrenciesYearlyOrHourly() {
        Map<Seniority, List<Double>> usCity = new TreeMap<>();
        Set<String> currencies = new java.util.TreeSet<>();
        long hourly = 0, stated = 0;
        for (Job j : corpus.jobs()) {
            Salary s = j.versions().getFirst().salary();
            if (s == null) {
                continue;
            }
            stated++;
            currencies.add(s.currency());
            assertThat(s.min()).isLessThan(s.max());
            if (s.hourly()) {
                hourly++;
                assertThat(j.employmentType()).isEqualTo("contract");
                assertThat(s.max()).isBetween(15L, 400L);
            } else {
                assertThat(s.min()).isBetween(20_000L, 400_000L);
            }
            if ("US".equals(j.place().countryCode()) && !s.hourly() && j.role().equals("backend")) {
                usCity.computeIfAbsent(j.seniority(), k -> new ArrayList<>()).add(s.usdAnnualMidpoint());
            }
        }
        assertThat(currencies).containsExactlyInAnyOrder("USD", "EUR", "GBP", "CAD");
        assertThat(hourly).isGreaterThan(30);
        assertThat(stated).isBetween(2500L, 4000L);
        double junior = median(usCity.get(Seniority.JUNIOR));
        double mid = median(usCity.get(Seniority.MID));
        double senior = median(usCity.get(Seniority.SENIOR));
        double staff = median(usCity.get(Seniority.STAFF));
        assertThat(junior).isLessThan(mid);
        assertThat(mid).isLessThan(senior);
        assertThat(senior).isLessThan(staff).isBetween(160_000.0, 220_000.0);
    }

    @Test
    void stacksGoTogetherTheWayRealOnesDo() {
        for (Job j : corpus.jobs()) {
            List<String> t = j.versions().getFirst().technologies();
            if (t.contains("Ruby on Rails")) {
                assertThat(t).contains("Ruby");
            }
            if (t.contains("Spring Boot")) {
                assertThat(t).containsAnyOf("Java", "Kotlin");
            }
            if (t.contains("SwiftUI")) {
                assertThat(t).contains("Swift", "iOS");
                assertThat(j.title()).contains("iOS Engineer");
            }
            if (j.role().equals("design")) {
                assertThat(t).contains("Figma").hasSizeGreaterThan(1);
            }
            if (j.title().contains("(")) {
                assertThat(t.getFirst()).isEqualTo(j.title().substring(j.title().indexOf('(') + 1, j.title().indexOf(')')));
            }
        }
        Map<String, Long> backendLanguages = corpus.jobs().stream().filter(j -> j.role().equals("backend"))
                .map(j -> j.versions().getFirst().technologies().getFirst())
                .collect(Collectors.groupingBy(t -> t, Collectors.counting()));
        assertThat(backendLanguages.keySet()).contains("Go", "Java", "Python", "TypeScript", "Kotlin", "C#", "Rust");
    }

    @Test
    void placesAreRealCitiesOrRemoteRegionsAndCompaniesKeepMostJobsAtHome() {
        long remote = corpus.jobs().stream().filter(j -> j.place().remote()).count();
        assertThat(remote / 5000.0).isCloseTo(0.26, within(0.06)); // 30% of non-Workable companies' jobs
        long atHome = corpus.jobs().stream().filter(j -> !j.place().remote())
                .filter(j -> j.place().countryCode().equals(j.company().hqCountry())).count();
        assertThat(atHome / (double) (5000 - remote)).isGreaterThan(0.75);
        Set<String> cities = corpus.jobs().stream().filter(j -> !j.place().remote()).map(j -> j.place().text()).collect(Collectors.toSet());
        assertThat(cities).contains("Berlin, Germany", "London, United Kingdom", "New York, NY, United States", "Toronto, Canada");
        assertThat(corpus.jobs()).allMatch(j -> j.place().remote() == j.workMode().equals("remote"));
    }

    @Test
    void theMarketMovesBetweenDays() {
        Map<String, Integer> boardsPerJob = new HashMap<>();
        int reposts = 0, edits = 0, closed = 0, defects = 0;
        Set<Board> boards = EnumSet.noneOf(Board.class);
        for (Job j : corpus.jobs()) {
            boardsPerJob.put(j.id(), (int) j.listings().stream().map(Listing::board).distinct().count());
            reposts += (int) j.listings().stream().filter(Listing::repost).count();
            edits += j.versions().size() - 1;
            closed += j.closeDay() != Integer.MAX_VALUE ? 1 : 0;
            defects += (int) j.listings().stream().filter(l -> l.defect() != null).count();
            j.listings().forEach(l -> boards.add(l.board()));
            for (Listing l : j.listings()) {
                assertThat(l.firstDay()).isGreaterThanOrEqualTo(j.firstDay()).isLessThan(l.endDay());
                assertThat(l.endDay()).isLessThanOrEqualTo(j.closeDay());
            }
        }
        assertThat(boards).containsExactlyInAnyOrder(Board.values());
        long crossPosted = boardsPerJob.values().stream().filter(n -> n >= 2).count();
        assertThat(crossPosted / 5000.0).isBetween(0.15, 0.45);
        assertThat(boardsPerJob.values()).allMatch(n -> n >= 1 && n <= 3);
        assertThat(boardsPerJob.values()).contains(3);
        assertThat(reposts).isGreaterThan(20);
        assertThat(edits).isGreaterThan(100);
        assertThat(closed).isGreaterThan(200);
        assertThat(defects).isPositive();
        int total = corpus.jobs().stream().mapToInt(j -> j.listings().size()).sum();
        assertThat(total).isGreaterThan(6000);
        // New jobs arrive on every simulated day.
        for (int day = 1; day < 7; day++) {
            int d = day;
            assertThat(corpus.jobs().stream().filter(j -> j.firstDay() == d).count()).isGreaterThan(300);
        }
    }

    @Test
    void descriptionsNameExactlyTheJobsTechnologiesAndPay() {
        for (Job j : corpus.jobs().subList(0, 500)) {
            for (JobVersion v : j.versions()) {
                String html = JobText.descriptionHtml(j, v);
                v.technologies().forEach(t -> assertThat(html).contains(JobText.escape(t)));
                assertThat(html.contains("Salary: ")).isEqualTo(v.salary() != null);
                if (v.salary() != null) {
                    assertThat(html).contains(JobText.escape(v.salary().text()));
                }
                assertThat(html).contains(JobText.escape(j.title()));
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return SegmentStats.median(sorted);
    }
}
