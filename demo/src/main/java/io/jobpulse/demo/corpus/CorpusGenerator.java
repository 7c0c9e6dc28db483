package io.jobpulse.demo.corpus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Generates a realistic, deterministic job market from {@link CorpusSettings}: companies on applicant-tracking boards
 * or posting on aggregators only, jobs with role, level, technology stack, place and pay drawn from weighted
 * distributions, and over the simulated days new jobs, edits (a technology or the pay changes), closures, reposts
 * under a new id, and the same job cross-posted on two or three boards with identical company, title and location.
 *
 * <p>Randomness comes from one {@code L64X128MixRandom} seeded with the settings' seed (an algorithm the JDK
 * specifies exactly) and is consumed in a fixed order; logarithms use {@link StrictMath}; nothing iterates a hash
 * order. So the same settings give the same corpus on every JVM.
 */
public final class CorpusGenerator {

    /** Share of jobs already open when the simulation starts (listed on day 0). */
    static final double BACKLOG_SHARE = 0.45;
    /** Backlog jobs were posted up to this many days before day 0. */
    static final int BACKLOG_DAYS = 45;
    /** Mean days a job stays open. */
    static final double MEAN_LIFETIME_DAYS = 35;
    static final double REMOTE_SHARE = 0.3;
    static final double HOURLY_SHARE = 0.05;
    static final double EDIT_PER_DAY = 0.03;
    static final double REPOST_SHARE = 0.04;
    /** A repost comes at most this many days after the first posting. */
    static final int MAX_REPOST_GAP_DAYS = 28;
    static final double DEFECT_SHARE = 0.01;

    private static final List<String> TEAMS = List.of("Payments", "Checkout", "Search", "Identity", "Onboarding",
            "Billing", "Messaging", "Logistics");

    private final CorpusSettings settings;
    private final RandomGenerator random;
    private final Set<String> usedIds = new HashSet<>();
    /** Company, title and place of every job so far: two distinct jobs never share them (see {@link #blockKey}). */
    private final Set<String> usedBlockKeys = new HashSet<>();
    private long nextNumericId;

    private CorpusGenerator(CorpusSettings settings) {
        this.settings = settings;
        this.random = RandomGeneratorFactory.of("L64X128MixRandom").create(settings.seed());
        this.nextNumericId = 4_100_000L + random.nextInt(100_000);
    }

    public static Corpus generate(CorpusSettings settings) {
        return new CorpusGenerator(settings).run();
    }

    private Corpus run() {
        List<Company> companies = companies();
        Weighted<Company> bySize = new Weighted<>();
        for (Company c : companies) {
            // A few large employers, many small ones.
            bySize.add(c, 1 + 9 * Math.pow(random.nextDouble(), 3));
        }
        int n = settings.jobs();
        int backlog = settings.days() == 1 ? n : (int) Math.round(n * BACKLOG_SHARE);
        List<Job> jobs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int firstDay = i < backlog ? 0 : 1 + (int) ((long) (i - backlog) * (settings.days() - 1) / (n - backlog));
            jobs.add(job(String.format(Locale.ROOT, "job-%06d", i + 1), bySize.pick(random), firstDay));
        }
        return new Corpus(settings, companies, jobs);
    }

    private List<Company> companies() {
        int count = Math.max(12, settings.jobs() / 25);
        List<String> names = CompanyNames.distinct(count, random);
        List<Company> out = new ArrayList<>(count);
        for (String name : names) {
            String hq = Places.HQ_COUNTRIES.pick(random);
            boolean europe = !hq.equals("US") && !hq.equals("CA");
            Weighted<Board> ats = new Weighted<Board>()
                    .add(Board.GREENHOUSE, europe ? 18 : 32).add(Board.LEVER, europe ? 12 : 20)
                    .add(Board.ASHBY, europe ? 10 : 16).add(Board.WORKABLE, europe ? 20 : 8)
                    .add(Board.RECRUITEE, europe ? 22 : 6).add(Board.HN, 16); // HN here: no ATS of its own
            Board board = ats.pick(random);
            out.add(new Company(name, CompanyNames.slug(name), hq, board == Board.HN ? null : board));
        }
        return out;
    }

    private Job job(String id, Company company, int firstDay) {
        RoleProfile profile;
        Seniority level;
        Place place;
        List<String> techs;
        String title;
        // Two open jobs with one company, title and place would be the same job to anyone reading the boards (and to
        // jobpulse's deduplication); a real company gives them different titles. Draw again until the job is distinct.
        int attempts = 0;
        do {
            profile = RoleProfiles.BY_WEIGHT.pick(random);
            level = profile.levels().pick(random);
            place = place(company);
            techs = stack(profile);
            title = title(profile, level, techs);
            if (++attempts > 30) {
                // A company with more jobs than distinct titles: number the team, as large employers do.
                title = title + ", " + TEAMS.get(random.nextInt(TEAMS.size())) + " " + (2 + random.nextInt(98));
            }
        } while (!usedBlockKeys.add(blockKey(company, title, place)));
        String workMode = place.remote() ? "remote" : random.nextDouble() < 0.6 ? "hybrid" : "onsite";
        boolean hourly = random.nextDouble() < HOURLY_SHARE;
        Salary salary = random.nextDouble() < salaryShare(place) ? salary(profile, level, place, hourly) : null;

        LocalDate postedDate = firstDay == 0 && settings.days() > 1
                ? settings.dateOf(0).minusDays(random.nextInt(BACKLOG_DAYS + 1))
                : settings.dateOf(firstDay);
        Instant postedAt = timeOn(postedDate);
        int lifetime = Math.max(1, (int) Math.ceil(-MEAN_LIFETIME_DAYS * StrictMath.log(1 - random.nextDouble())));
        int closeDay = firstDay + lifetime < settings.days() ? firstDay + lifetime : Integer.MAX_VALUE;
        int lastListedDay = Math.min(closeDay, settings.days()) - 1;

        List<JobVersion> versions = new ArrayList<>();
        versions.add(new JobVersion(firstDay, postedAt, techs, salary));
        for (int day = firstDay + 1; day <= lastListedDay && versions.size() < 3; day++) {
            if (random.nextDouble() < EDIT_PER_DAY) {
                versions.add(edit(profile, versions.getLast(), day));
            }
        }

        String blurb = CompanyNames.blurb(random);
        List<String> duties = duties(profile);
        List<Listing> listings = listings(id, company, place, title, firstDay, closeDay, postedAt, lastListedDay);
        return new Job(id, company, profile.role(), level, title, place, workMode, hourly ? "contract" : "full_time",
                postedAt, firstDay, closeDay, blurb, duties, versions, listings);
    }

    private Place place(Company company) {
        if (company.ats() != Board.WORKABLE && random.nextDouble() < REMOTE_SHARE) {
            return Places.REMOTE.pick(random);
        }
        return Places.citiesIn(random.nextDouble() < 0.8 ? company.hqCountry() : null).pick(random);
    }

    private List<String> stack(RoleProfile profile) {
        LinkedHashSet<String> techs = new LinkedHashSet<>();
        for (RoleProfile.Slot slot : profile.stack()) {
            if (random.nextDouble() < slot.probability()) {
                techs.addAll(slot.groups().pick(random));
            }
        }
        return List.copyOf(techs);
    }

    private String title(RoleProfile profile, Seniority level, List<String> techs) {
        String noun = profile.titleNouns().pick(random);
        if (profile.role().equals("mobile")) {
            noun = techs.contains("iOS") ? "iOS Engineer" : techs.contains("Android") ? "Android Engineer" : noun;
        }
        String title = switch (level) {
            case JUNIOR -> "Junior " + noun;
            case MID -> (noun.endsWith("Engineer") || noun.endsWith("Scientist") || noun.endsWith("Designer"))
                    && random.nextBoolean() ? noun + " II" : "Mid-level " + noun;
            case SENIOR -> "Senior " + noun;
            case STAFF -> "Staff " + noun;
            case PRINCIPAL -> "Principal " + noun;
            case LEAD -> "Lead " + noun;
            case MANAGER -> noun;
        };
        double r = random.nextDouble();
        if (r < profile.techInTitle() && !techs.isEmpty() && !title.contains(techs.getFirst())) {
            return title + " (" + techs.getFirst() + ")";
        }
        if (r > 0.75 && Set.of("backend", "frontend", "fullstack", "engineering_manager").contains(profile.role())) {
            return title + ", " + TEAMS.get(random.nextInt(TEAMS.size()));
        }
        return title;
    }

    private static double salaryShare(Place place) {
        if (place.remote()) {
            return 0.6;
        }
        return switch (place.countryCode()) {
            case "US" -> 0.8;
            case "CA", "GB" -> 0.6;
            default -> 0.45;
        };
    }

    private Salary salary(RoleProfile profile, Seniority level, Place place, boolean hourly) {
        double mid = profile.seniorUsd() * level.payFactor() * place.payFactor() * (0.94 + 0.12 * random.nextDouble());
        double spread = 0.10 + 0.06 * random.nextDouble();
        if (hourly) {
            double rate = mid / Salary.HOURS_PER_YEAR * 1.15;
            return new Salary(Math.round(rate * (1 - spread)), Math.round(rate * (1 + spread)), place.currency(), "hour");
        }
        return new Salary(Math.round(mid * (1 - spread) / 1000) * 1000, Math.round(mid * (1 + spread) / 1000) * 1000,
                place.currency(), "year");
    }

    /** A later version: a technology added, one dropped, or the pay raised. */
    private JobVersion edit(RoleProfile profile, JobVersion previous, int day) {
        Instant at = timeOn(settings.dateOf(day));
        double r = random.nextDouble();
        if (r < 0.4 && previous.salary() != null) {
            Salary s = previous.salary();
            double raise = 1.05 + 0.05 * random.nextDouble();
            long min = s.hourly() ? Math.round(s.min() * raise) : Math.round(s.min() * raise / 1000) * 1000;
            long max = s.hourly() ? Math.round(s.max() * raise) : Math.round(s.max() * raise / 1000) * 1000;
            return new JobVersion(day, at, previous.technologies(), new Salary(min, max, s.currency(), s.period()));
        }
        List<String> techs = new ArrayList<>(previous.technologies());
        RoleProfile.Slot slot = profile.stack().get(random.nextInt(profile.stack().size()));
        List<String> group = slot.groups().pick(random);
        boolean added = false;
        for (String t : group) {
            if (!techs.contains(t)) {
                techs.add(t);
                added = true;
            }
        }
        if (!added && techs.size() > 2) {
            techs.removeLast(); // the main technologies (which the title may name) stay
        }
        return new JobVersion(day, at, techs, previous.salary());
    }

    private List<String> duties(RoleProfile profile) {
        List<String> pool = new ArrayList<>(profile.duties());
        List<String> out = new ArrayList<>();
        int count = 3 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            out.add(pool.remove(random.nextInt(pool.size())));
        }
        return out;
    }

    private List<Listing> listings(String jobId, Company company, Place place, String title, int firstDay,
                                   int closeDay, Instant postedAt, int lastListedDay) {
        List<Listing> out = new ArrayList<>();
        boolean inGermanySpeakingBoardArea = !place.remote() && Set.of("DE", "NL").contains(place.countryCode())
                || "EU".equals(place.remoteRegion());
        List<Board> aggregators = new ArrayList<>();
        if (place.remote() && random.nextDouble() < 0.45) {
            aggregators.add(Board.REMOTIVE);
        }
        if (inGermanySpeakingBoardArea && random.nextDouble() < 0.5) {
            aggregators.add(Board.ARBEITNOW);
        }
        if (random.nextDouble() < 0.12) {
            aggregators.add(Board.HN);
        }
        if (company.ats() != null) {
            Listing ats = new Listing(company.ats(), company.boardToken(), itemId(company.ats(), title, company),
                    jobId, firstDay, closeDay, postedAt, false, null);
            int repostDay = lastListedDay - firstDay >= 2 ? firstDay + 1 + random.nextInt(lastListedDay - firstDay) : -1;
            boolean repost = random.nextDouble() < REPOST_SHARE && repostDay > 0
                    // Reposted within the period a reader (and jobpulse) still connects it to the first posting.
                    && !settings.dateOf(repostDay).isAfter(postedAt.atZone(ZoneOffset.UTC).toLocalDate().plusDays(MAX_REPOST_GAP_DAYS));
            if (repost) {
                out.add(ats.endingOn(repostDay));
                out.add(new Listing(company.ats(), company.boardToken(), itemId(company.ats(), title, company), jobId,
                        repostDay, closeDay, timeOn(settings.dateOf(repostDay)), true, null));
            } else {
                out.add(ats);
            }
        } else if (aggregators.isEmpty()) {
            aggregators.add(place.remote() ? (inGermanySpeakingBoardArea && random.nextBoolean() ? Board.ARBEITNOW : Board.REMOTIVE)
                    : inGermanySpeakingBoardArea ? Board.ARBEITNOW : Board.HN);
        }
        for (Board board : aggregators.subList(0, Math.min(aggregators.size(), 3 - Math.min(out.size(), 1)))) {
            // Cross-posted the same UTC day, on the same simulated day or the next one.
            int day = random.nextDouble() < 0.7 || firstDay + 1 > lastListedDay ? firstDay : firstDay + 1;
            Instant endOfDay = postedAt.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC)
                    .toInstant().minusSeconds(1);
            Instant at = postedAt.plusSeconds(300 + random.nextInt(3 * 3600));
            out.add(new Listing(board, board.connector(), itemId(board, title, company), jobId, day, closeDay,
                    at.isAfter(endOfDay) ? endOfDay : at, false, null));
        }
        if (company.ats() == null && out.size() == 1 && out.getFirst().board() != Board.HN
                && random.nextDouble() < DEFECT_SHARE) {
            Listing only = out.getFirst();
            String defect = only.board() == Board.REMOTIVE ? "missing title" : "missing description";
            out.set(0, new Listing(only.board(), only.boardToken(), only.itemId(), jobId, only.firstDay(), only.endDay(),
                    only.postedAt(), false, defect));
        }
        return out;
    }

    private String itemId(Board board, String title, Company company) {
        while (true) {
            String id = switch (board) {
                case GREENHOUSE, RECRUITEE, REMOTIVE, HN -> Long.toString(nextNumericId += 1 + random.nextInt(40));
                case LEVER, ASHBY -> new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                        (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
                case WORKABLE -> String.format(Locale.ROOT, "%010X", random.nextLong(0x10000000000L));
                case ARBEITNOW -> slugOf(title + " " + company.name()) + "-" + (100_000 + random.nextInt(900_000));
            };
            if (usedIds.add(board + ":" + id)) {
                return id;
            }
        }
    }

    /** What makes two postings the same job on sight: company, title without bracketed notes, and country or remote. */
    static String blockKey(Company company, String title, Place place) {
        String t = title.replaceAll("\\([^)]*\\)", " ").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
        return company.name() + "|" + t + "|" + (place.remote() ? "remote" : place.countryCode());
    }

    private static String slugOf(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private Instant timeOn(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(7 * 3600 + random.nextInt(12 * 3600));
    }
}
