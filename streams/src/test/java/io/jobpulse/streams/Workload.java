package io.jobpulse.streams;

import io.jobpulse.contracts.avro.JobPosting;
import io.jobpulse.enrichment.Enrichment;
import io.jobpulse.enrichment.PostingEnricher;
import io.jobpulse.enrichment.PostingText;
import io.jobpulse.enrichment.Seniority;
import io.jobpulse.enrichment.StructuredHints;
import io.jobpulse.enrichment.TechnologyMention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A scripted history of postings for the real-broker tests: jobs created (some on two boards), re-published, changed
 * (technologies swapped) and closed, in two phases; and the truth about it computed independently of the topology:
 * straight from the final state of every job and the enrichment library.
 */
final class Workload {

    private static final String[] TECHS = {"Java", "Go", "Python", "Kafka", "PostgreSQL", "Kubernetes", "React",
            "TypeScript", "Rust", "Terraform", "Redis", "GraphQL"};
    private static final String[] TITLES = {"Senior Backend Engineer", "Platform Engineer", "Data Engineer",
            "Frontend Developer", "Staff Software Engineer"};
    private static final String[][] PLACES = {{"Berlin, Germany", "Berlin", "DE"}, {"London, UK", "London", "GB"},
            {"New York, NY", "New York", "US"}, {"Amsterdam, Netherlands", "Amsterdam", "NL"}};

    final List<JobPosting> phaseA = new ArrayList<>();
    final List<JobPosting> phaseB = new ArrayList<>();
    /** Job index -> member posting ids (one, or two for a job on two boards). */
    final Map<Integer, List<String>> members = new LinkedHashMap<>();
    private final Map<String, JobPosting> finalState = new HashMap<>();

    Workload(int jobs, long seed) {
        Random random = new Random(seed);
        Instant fetched = Instant.parse("2026-11-28T12:00:00Z");
        for (int i = 0; i < jobs; i++) {
            List<String> techs = pick(random, 2 + random.nextInt(3));
            String[] place = PLACES[i % PLACES.length];
            Instant posted = Instant.parse("2026-11-2" + (i % 3) + "T10:00:00Z");
            JobPosting gh = job(i, "greenhouse", "firm" + i + ":" + i, TITLES[i % TITLES.length], place, techs, posted, fetched);
            add(phaseA, i, gh);
            boolean twoBoards = i % 4 == 0;
            if (twoBoards) {
                add(phaseA, i, job(i, "hn", "4" + i, TITLES[i % TITLES.length], place, techs, posted, fetched.plusSeconds(60)));
            }
            Instant later = fetched.plusSeconds(86_400);
            if (!twoBoards && i % 3 == 0) {
                add(phaseB, i, job(i, "greenhouse", "firm" + i + ":" + i, TITLES[i % TITLES.length], place,
                        pick(random, 2 + random.nextInt(3)), posted, later));
            } else if (i % 5 == 0) {
                add(phaseB, i, JobPosting.newBuilder(gh).setFetchedAt(later).build());
            }
            if (i % 7 == 0) {
                add(phaseB, i, TestPostings.posting("greenhouse", "firm" + i + ":" + i).closed("2026-11-30T08:00:00Z").build());
                if (twoBoards && i % 8 == 0) {
                    add(phaseB, i, TestPostings.posting("hn", "4" + i).closed("2026-11-30T08:00:00Z").build());
                }
            }
        }
    }

    private void add(List<JobPosting> phase, int job, JobPosting p) {
        phase.add(p);
        List<String> ids = members.computeIfAbsent(job, k -> new ArrayList<>());
        if (!ids.contains(p.getId())) {
            ids.add(p.getId());
        }
        finalState.put(p.getId(), p);
    }

    private static JobPosting job(int i, String source, String sourceId, String title, String[] place, List<String> techs,
                                  Instant posted, Instant fetched) {
        String description = "Firm" + i + " makes logistics software for " + (100 + i) + " customers.\n"
                + "You will build services with " + String.join(", ", techs) + " in a team of " + (4 + i % 5) + ".\n"
                + "We review code carefully, deploy daily and share on-call fairly.\n";
        return TestPostings.posting(source, sourceId).company("Firm" + i).title(title)
                .location(place[0], place[1], place[2]).description(description).postedAt(posted)
                .fetchedAt(fetched.toString()).build();
    }

    private static List<String> pick(Random random, int n) {
        List<String> all = new ArrayList<>(List.of(TECHS));
        java.util.Collections.shuffle(all, random);
        return all.subList(0, n);
    }

    List<JobPosting> all() {
        List<JobPosting> all = new ArrayList<>(phaseA);
        all.addAll(phaseB);
        return all;
    }

    /**
     * The expected non-zero cells of the 'postings', 'technology' and 'seniority' aggregates for role '*': every job
     * with at least one open posting counts once, with what the enrichment library finds in its latest content.
     */
    Map<String, Long> truth(PostingEnricher enricher) {
        Map<String, Long> cells = new TreeMap<>();
        for (List<String> ids : members.values()) {
            JobPosting open = ids.stream().map(finalState::get)
                    .filter(p -> p.getStatus() == io.jobpulse.contracts.avro.PostingStatus.ACTIVE).findFirst().orElse(null);
            if (open == null) {
                continue;
            }
            var loc = open.getLocations().getFirst();
            Enrichment e = enricher.enrich(new PostingText(open.getTitle(), open.getDescriptionText(), open.getLocationRaw(),
                    new StructuredHints(null, null, null, null, loc.getCity(), null, loc.getCountry(), null, null)));
            String day = LocalDate.ofInstant(open.getPostedAt(), ZoneOffset.UTC).toString();
            cells.merge("postings|*|" + day + "||", 1L, Long::sum);
            e.technologies().stream().map(TechnologyMention::name).distinct()
                    .forEach(t -> cells.merge("technology|*|" + day + "|" + t + "|", 1L, Long::sum));
            List<String> levels = e.seniority().isEmpty() ? List.of("unspecified") : e.seniority().stream().map(Seniority::label).toList();
            levels.forEach(l -> cells.merge("seniority|*|" + day + "|" + l + "|", 1L, Long::sum));
        }
        return cells;
    }

    /** The same aggregates as {@link #truth}, from the topology's output: non-zero cells only. */
    static Map<String, Long> observed(Map<String, io.jobpulse.contracts.avro.AggregateRow> rows) {
        Map<String, Long> cells = new TreeMap<>();
        rows.forEach((key, row) -> {
            boolean compared = key.startsWith("postings|*|") || key.startsWith("technology|*|") || key.startsWith("seniority|*|");
            if (compared && row.getCount() != 0) {
                cells.put(key, row.getCount());
            }
        });
        return cells;
    }
}
