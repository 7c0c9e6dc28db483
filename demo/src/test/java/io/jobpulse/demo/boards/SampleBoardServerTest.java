package io.jobpulse.demo.boards;

import io.jobpulse.contracts.avro.JobPosting;
import io.jobpulse.demo.corpus.Board;
import io.jobpulse.demo.corpus.Corpus;
import io.jobpulse.demo.corpus.CorpusGenerator;
import io.jobpulse.demo.corpus.CorpusSettings;
import io.jobpulse.demo.corpus.Job;
import io.jobpulse.demo.corpus.JobVersion;
import io.jobpulse.demo.corpus.Listing;
import io.jobpulse.demo.corpus.Salary;
import io.jobpulse.ingest.config.SourceSettings;
import io.jobpulse.ingest.connector.FetchOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample boards through jobpulse's real ingest path: the generated sources.yaml parses, every connector reads its
 * board over HTTP, and what comes out normalized is exactly the corpus's listings of the day with their content.
 */
class SampleBoardServerTest {

    private static Corpus corpus;
    private static SampleBoardServer server;
    private static BoardFetch fetch;
    private static BoardFetch.Result day0;

    @BeforeAll
    static void start() throws Exception {
        corpus = CorpusGenerator.generate(new CorpusSettings(7, 700, 4, LocalDate.of(2026, 11, 28)));
        server = SampleBoardServer.start(corpus);
        fetch = new BoardFetch(server);
        day0 = fetch.fetchAll(Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void sourcesYamlNamesEveryBoardInstanceWithTheServersBaseUrl() {
        assertThat(fetch.config().enabledSources()).extracting(s -> s.connector().name())
                .containsAll(Arrays.stream(Board.values()).map(Board::connector).toList());
        assertThat(fetch.config().enabledSources()).hasSize(server.boardInstances().size());
        for (SourceSettings s : fetch.config().enabledSources()) {
            assertThat(s.options().string("base-url")).startsWith(server.url());
            assertThat(s.minInterval()).isZero();
        }
    }

    @Test
    void everyConnectorReadsItsBoardCompletely() {
        assertThat(day0.outcomes().values()).allMatch(o -> o instanceof FetchOutcome.Complete);
    }

    @Test
    void theDaysListingsComeOutExactlyAndDefectsAreRejected() {
        Set<String> wellFormed = corpus.listingsOn(0).stream().filter(l -> l.defect() == null)
                .map(Listing::postingId).collect(Collectors.toSet());
        Set<String> defective = corpus.listingsOn(0).stream().filter(l -> l.defect() != null)
                .map(Listing::postingId).collect(Collectors.toSet());
        assertThat(day0.accepted().keySet()).containsExactlyInAnyOrderElementsOf(wellFormed);
        assertThat(day0.rejected().keySet()).containsExactlyInAnyOrderElementsOf(defective);
        Set<Board> boards = EnumSet.noneOf(Board.class);
        corpus.listingsOn(0).forEach(l -> boards.add(l.board()));
        assertThat(boards).as("the sample corpus uses every board on day 0").containsExactlyInAnyOrder(Board.values());
    }

    @Test
    void normalizedPostingsCarryTheJobsTitleCompanyPlaceDateAndPay() {
        for (Listing l : corpus.listingsOn(0)) {
            if (l.defect() != null) {
                continue;
            }
            Job job = corpus.job(l.jobId());
            JobVersion v = job.versionOn(0);
            JobPosting p = day0.accepted().get(l.postingId());
            assertThat(p.getTitle()).as(l.postingId()).isEqualTo(job.title());
            assertThat(p.getCompany()).as(l.postingId()).isEqualTo(job.company().name());
            assertThat(p.getLocationRaw()).as(l.postingId()).contains(job.place().remote()
                    ? job.place().text().substring("Remote (".length(), job.place().text().length() - 1)
                    : job.place().text());
            assertThat(LocalDate.ofInstant(p.getPostedAt(), ZoneOffset.UTC)).as(l.postingId())
                    .isEqualTo(LocalDate.ofInstant(l.postedAt(), ZoneOffset.UTC));
            assertThat(p.getEmploymentType()).as(l.postingId()).isEqualTo(job.employmentType());
            for (String tech : v.technologies()) {
                assertThat(p.getTitle() + "\n" + p.getDescriptionText()).as(l.postingId()).contains(tech);
            }
            Salary s = v.salary();
            if (s == null) {
                assertThat(p.getSalary()).as(l.postingId()).isNull();
                assertThat(p.getDescriptionText()).as(l.postingId()).doesNotContain("Salary:");
            } else if (l.board() != Board.WORKABLE && l.board() != Board.ARBEITNOW) {
                // Boards with a salary field (structured or text) state it there; the others only in the text.
                assertThat(p.getSalary()).as(l.postingId()).isNotNull();
                assertThat(p.getSalary().getMin()).as(l.postingId()).isEqualTo((double) s.min());
                assertThat(p.getSalary().getMax()).as(l.postingId()).isEqualTo((double) s.max());
                assertThat(p.getSalary().getCurrency()).as(l.postingId()).isEqualTo(s.currency());
                assertThat(p.getSalary().getPeriod()).as(l.postingId()).isEqualTo(s.period());
            } else {
                assertThat(p.getDescriptionText()).as(l.postingId()).contains("Salary: " + s.text());
            }
            if (l.board() != Board.HN) { // the HN connector links to the comment on news.ycombinator.com itself
                assertThat(p.getUrl()).as(l.postingId()).isEqualTo(server.url() + "/jobs/" + l.postingId());
            }
        }
    }

    @Test
    void crossPostsShareCompanyTitleAndLocationAcrossBoards() {
        long crossPosted = 0;
        for (Job j : corpus.jobs()) {
            var ids = j.listings().stream().filter(l -> l.listedOn(0) && l.defect() == null).map(Listing::postingId).toList();
            if (ids.size() < 2) {
                continue;
            }
            crossPosted++;
            Set<String> keys = ids.stream().map(id -> day0.accepted().get(id))
                    .map(p -> p.getCompany() + "|" + p.getTitle()).collect(Collectors.toSet());
            assertThat(keys).as(j.id()).hasSize(1);
        }
        assertThat(crossPosted).isGreaterThan(20);
    }

    @Test
    void unchangedDocumentsAnswerNotModifiedAndPagesLinkToTheServer() throws Exception {
        BoardFetch.Result again = fetch.fetchAll(day0.validators());
        long notModified = again.outcomes().values().stream().filter(o -> o instanceof FetchOutcome.NotModified).count();
        // Single-document boards send their ETag back; paged ones (Lever, Arbeitnow, HN) read everything again.
        assertThat(notModified).isEqualTo(fetch.config().enabledSources().stream()
                .filter(s -> Set.of("greenhouse", "ashby", "workable", "recruitee", "remotive").contains(s.connector().name()))
                .count());

        Listing some = corpus.listingsOn(0).getFirst();
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.url() + "/jobs/" + some.postingId())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(corpus.job(some.jobId()).title());
    }

    @Test
    void laterDaysServeTheirOwnListingsWithEditsAndWithoutClosedJobs() throws Exception {
        try (SampleBoardServer later = SampleBoardServer.start(corpus)) {
            BoardFetch f = new BoardFetch(later);
            while (later.hasNextDay()) {
                later.advanceDay();
            }
            int last = later.day();
            BoardFetch.Result r = f.fetchAll(Map.of());
            Set<String> expected = corpus.listingsOn(last).stream().filter(l -> l.defect() == null)
                    .map(Listing::postingId).collect(Collectors.toSet());
            assertThat(r.accepted().keySet()).containsExactlyInAnyOrderElementsOf(expected);
            Set<String> closed = corpus.jobs().stream().filter(j -> j.closeDay() <= last)
                    .flatMap(j -> j.listings().stream()).map(Listing::postingId).collect(Collectors.toSet());
            assertThat(closed).isNotEmpty();
            assertThat(r.accepted().keySet()).doesNotContainAnyElementsOf(closed);
            long edited = 0;
            for (Listing l : corpus.listingsOn(last)) {
                Job j = corpus.job(l.jobId());
                if (l.defect() != null || j.versions().size() < 2 || j.versionOn(last) == j.versionOn(0)) {
                    continue;
                }
                edited++;
                JobPosting p = r.accepted().get(l.postingId());
                for (String tech : j.versionOn(last).technologies()) {
                    assertThat(p.getTitle() + "\n" + p.getDescriptionText()).as(l.postingId()).contains(tech);
                }
                if (j.versionOn(last).salary() != null) {
                    assertThat(p.getDescriptionText()).contains(j.versionOn(last).salary().text());
                }
            }
            assertThat(edited).isPositive();
        }
    }
}
