package io.jobpulse.analytics.testing;

import io.jobpulse.contracts.avro.EnrichedPosting;
import io.jobpulse.contracts.avro.EnrichedSalary;
import io.jobpulse.contracts.avro.PostingStatus;
import io.jobpulse.contracts.avro.ResolvedLocation;
import io.jobpulse.contracts.avro.TechnologyMatch;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Builds enriched postings for tests: a random but reproducible mix of roles, technologies, places and pay. */
public final class TestPostings {

    public static final List<String> ROLES = List.of("backend", "frontend", "devops", "data_engineering");
    public static final List<String> TECHNOLOGIES = List.of("Java", "Kotlin", "PostgreSQL", "Kafka", "React",
            "TypeScript", "Kubernetes", "Terraform", "Python", "Spark", "C++", "Go");
    public static final List<String> LEVELS = List.of("junior", "mid", "senior", "staff", "lead");
    public static final List<String[]> PLACES = List.of(new String[] {"Berlin", "DE"}, new String[] {"Munich", "DE"},
            new String[] {"London", "GB"}, new String[] {"New York", "US"}, new String[] {"Austin", "US"},
            new String[] {"Paris", "FR"});

    private final Random random;
    private final LocalDate today;
    private int next;

    public TestPostings(long seed, LocalDate today) {
        this.random = new Random(seed);
        this.today = today;
    }

    /** A new active posting somewhere in the last {@code maxAgeDays} days. */
    public EnrichedPosting next(String prefix, int maxAgeDays) {
        int n = next++;
        String id = prefix + ":" + n;
        LocalDate day = today.minusDays(random.nextInt(maxAgeDays));
        Instant posted = day.atTime(8 + random.nextInt(10), random.nextInt(60)).toInstant(ZoneOffset.UTC);
        List<String> roles = new ArrayList<>(List.of(ROLES.get(random.nextInt(ROLES.size()))));
        if (random.nextInt(4) == 0) {
            String second = ROLES.get(random.nextInt(ROLES.size()));
            if (!roles.contains(second)) {
                roles.add(second);
            }
        }
        List<TechnologyMatch> technologies = new ArrayList<>();
        for (String t : TECHNOLOGIES) {
            if (random.nextInt(4) == 0) {
                technologies.add(TechnologyMatch.newBuilder().setName(t).setCategory("test").setEvidence(List.of()).build());
            }
        }
        List<String> seniority = random.nextInt(6) == 0 ? List.of() : List.of(LEVELS.get(random.nextInt(LEVELS.size())));
        List<ResolvedLocation> locations = new ArrayList<>();
        String[] place = PLACES.get(random.nextInt(PLACES.size()));
        locations.add(ResolvedLocation.newBuilder().setCity(place[0]).setCountry(place[1]).setRegion(null).build());
        List<String> workModes = switch (random.nextInt(3)) {
            case 0 -> List.of("remote");
            case 1 -> List.of("hybrid");
            default -> List.of("onsite");
        };
        EnrichedSalary salary = null;
        if (random.nextInt(3) > 0) {
            double min = 40_000 + random.nextInt(100) * 1_000;
            salary = EnrichedSalary.newBuilder().setMin(min).setMax(min + 20_000).setCurrency("USD").setPeriod("year")
                    .setAnnualMin(min).setAnnualMax(min + 20_000).setUsdAnnualMin(min).setUsdAnnualMax(min + 20_000)
                    .setFromStructuredFields(true).build();
        }
        return EnrichedPosting.newBuilder()
                .setId(id).setCanonicalId(id).setDuplicateOf(null).setSource(prefix).setSourceId(String.valueOf(n))
                .setBoard("acme").setStatus(PostingStatus.ACTIVE).setVersion(1_000_000L + n).setContentHash("h" + n)
                .setTitle("Engineer <b>" + n + "</b> & co").setCompany("Company " + (n % 7))
                .setDescriptionText("Build things " + n).setUrl("https://jobs.example.org/" + n).setLocationRaw(place[0])
                .setPostedAt(posted).setFirstSeenAt(posted).setLastSeenAt(posted).setClosedAt(null).setDay(day)
                .setTechnologies(technologies).setSeniority(seniority).setRoles(roles).setWorkModes(workModes)
                .setLocations(locations).setRemoteRegions(workModes.contains("remote") ? List.of("EU") : List.of())
                .setSalary(salary).setTaxonomyVersion("test-1").setEnrichedAt(posted)
                .build();
    }

    /** The same posting, updated: a new title and technologies, a higher version. */
    public static EnrichedPosting updated(EnrichedPosting p, List<String> technologies, long versionBump) {
        return EnrichedPosting.newBuilder(p)
                .setTitle(p.getTitle() + " (updated)")
                .setTechnologies(technologies.stream()
                        .map(t -> TechnologyMatch.newBuilder().setName(t).setCategory("test").setEvidence(List.of()).build())
                        .toList())
                .setVersion(p.getVersion() + versionBump)
                .build();
    }

    /**
     * The same posting re-enriched under other role families and reposted on another day (posted_at moves with it),
     * with a higher version: its old (role, day) keys must stop counting.
     */
    public static EnrichedPosting moved(EnrichedPosting p, List<String> roles, LocalDate day, long versionBump) {
        Instant posted = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
        return EnrichedPosting.newBuilder(p).setRoles(roles).setDay(day).setPostedAt(posted)
                .setVersion(p.getVersion() + versionBump).build();
    }

    /** The same posting, closed, with a higher version. */
    public static EnrichedPosting closed(EnrichedPosting p, long versionBump) {
        return EnrichedPosting.newBuilder(p).setStatus(PostingStatus.CLOSED).setClosedAt(p.getLastSeenAt())
                .setVersion(p.getVersion() + versionBump).build();
    }

    /** A near-duplicate of {@code canonical} from another board. */
    public static EnrichedPosting duplicateOf(EnrichedPosting canonical, String id) {
        return EnrichedPosting.newBuilder(canonical).setId(id).setDuplicateOf(canonical.getId())
                .setCanonicalId(canonical.getId()).setVersion(canonical.getVersion() + 1).build();
    }
}
