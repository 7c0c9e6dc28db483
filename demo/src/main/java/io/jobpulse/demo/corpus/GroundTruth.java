package io.jobpulse.demo.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a correct pipeline shows for a corpus, computed from the generator's own labels (never from jobpulse's
 * enrichment): per simulated day, the active jobs and, per time window and role, technology counts, level mix,
 * locations, work modes and salary figures; plus what ingest should report per day.
 *
 * <p>Conventions, also written into the JSON:
 * <ul>
 *   <li>A job counts once however many boards list it (cross-posts and reposts are duplicates of it).</li>
 *   <li>A job is active on a day when a well-formed listing of it is up; closed jobs leave every count.</li>
 *   <li>A job counts on the UTC publication date of the first of its listings still up (the first posting, or its
 *       repost once the first is gone); a window of N days holds the jobs counted on the N dates ending at the
 *       corpus's last day (the demo's "today").</li>
 *   <li>Salary figures are yearly USD midpoints: hourly pay times {@value Salary#HOURS_PER_YEAR}, converted with
 *       {@link UsdRates}, rounded to cents.</li>
 *   <li>Listings with a defect are rejected by ingest and count nowhere.</li>
 * </ul>
 */
public final class GroundTruth {

    /** Windows reported, in days: those of the query API. */
    public static final List<Integer> WINDOWS = List.of(7, 30, 90, 365);
    public static final String ALL_ROLES = "*";

    private final Corpus corpus;
    private final Map<Integer, List<Job>> activeByDay = new java.util.concurrent.ConcurrentHashMap<>();

    private GroundTruth(Corpus corpus) {
        this.corpus = corpus;
    }

    public static GroundTruth of(Corpus corpus) {
        return new GroundTruth(corpus);
    }

    public static String windowName(int days) {
        return days + "d";
    }

    /** Jobs active on a simulated day, in corpus order. */
    public List<Job> activeJobs(int day) {
        return activeByDay.computeIfAbsent(day, d -> corpus.jobs().stream().filter(j -> j.activeOn(d)).toList());
    }

    /** Whether a job counted on {@code date} falls in a window of {@code windowDays} ending on the last day. */
    public boolean inWindow(LocalDate date, int windowDays) {
        LocalDate end = corpus.settings().lastDay();
        return !date.isAfter(end) && date.isAfter(end.minusDays(windowDays));
    }

    /** The statistics of one role ({@link #ALL_ROLES} for all) and window on a simulated day. */
    public SegmentStats stats(int day, int windowDays, String role) {
        SortedMap<String, Integer> techs = new TreeMap<>();
        SortedMap<String, Integer> levels = new TreeMap<>();
        SortedMap<String, Integer> countries = new TreeMap<>();
        SortedMap<String, Integer> cities = new TreeMap<>();
        SortedMap<String, Integer> modes = new TreeMap<>();
        SortedMap<String, Integer> regions = new TreeMap<>();
        List<Double> salaries = new ArrayList<>();
        SortedMap<String, List<Double>> salaryByLevel = new TreeMap<>();
        int count = 0;
        for (Job j : activeJobs(day)) {
            if (!(role.equals(ALL_ROLES) || j.role().equals(role)) || !inWindow(j.countedOn(day), windowDays)) {
                continue;
            }
            count++;
            JobVersion v = j.versionOn(day);
            v.technologies().forEach(t -> techs.merge(t, 1, Integer::sum));
            levels.merge(j.seniority().label(), 1, Integer::sum);
            modes.merge(j.workMode(), 1, Integer::sum);
            if (j.place().remote()) {
                regions.merge(j.place().remoteRegion(), 1, Integer::sum);
            } else {
                countries.merge(j.place().countryCode(), 1, Integer::sum);
                cities.merge(j.place().city() + ", " + j.place().countryCode(), 1, Integer::sum);
            }
            if (v.salary() != null) {
                double usd = v.salary().usdAnnualMidpoint();
                salaries.add(usd);
                salaryByLevel.computeIfAbsent(j.seniority().label(), k -> new ArrayList<>()).add(usd);
            }
        }
        salaries.sort(null);
        salaryByLevel.values().forEach(l -> l.sort(null));
        return new SegmentStats(count, techs, levels, countries, cities, modes, regions, salaries, salaryByLevel);
    }

    /** What ingest should report for the run of a simulated day. */
    /**
     * @param listed         listings up (well-formed or not)
     * @param newPostings    listings first up today
     * @param acceptedNew    well-formed ones among them
     * @param rejectedNew    defective ones among them
     * @param rejectedListed defective listings up today: ingest rejects them on every run they are listed
     * @param closedPostings well-formed listings gone today (closed jobs, and first postings replaced by a repost)
     * @param closedJobs     jobs closed today
     * @param editedJobs     active jobs edited today
     */
    public record DayIngest(int listed, int newPostings, int acceptedNew, int rejectedNew, int rejectedListed,
                            int closedPostings, int closedJobs, int editedJobs) {
    }

    public DayIngest ingest(int day) {
        int listed = 0, fresh = 0, accepted = 0, rejected = 0, rejectedListed = 0, closedPostings = 0, closedJobs = 0;
        int edited = 0;
        for (Job j : corpus.jobs()) {
            for (Listing l : j.listings()) {
                listed += l.listedOn(day) ? 1 : 0;
                rejectedListed += l.listedOn(day) && l.defect() != null ? 1 : 0;
                if (l.firstDay() == day) {
                    fresh++;
                    if (l.defect() == null) {
                        accepted++;
                    } else {
                        rejected++;
                    }
                }
                if (l.defect() == null && l.endDay() == day && day > l.firstDay()) {
                    closedPostings++;
                }
            }
            if (j.closeDay() == day && !j.rejectedEverywhere()) {
                closedJobs++;
            }
            if (j.versions().stream().anyMatch(v -> v.fromDay() == day && day > j.firstDay()) && j.activeOn(day)) {
                edited++;
            }
        }
        return new DayIngest(listed, fresh, accepted, rejected, rejectedListed, closedPostings, closedJobs, edited);
    }

    /** Totals after the last simulated day, as the demo's summary states them. */
    public record Totals(int postingsIngested, int duplicatesMerged, int jobsClosed, int postingsRejected, int activeJobs) {
    }

    public Totals totals() {
        int postings = 0, rejected = 0, closed = 0;
        Set<String> jobs = new HashSet<>();
        for (Job j : corpus.jobs()) {
            for (Listing l : j.listings()) {
                if (l.defect() == null) {
                    postings++;
                    jobs.add(j.id());
                } else {
                    rejected++;
                }
            }
            if (j.closeDay() != Integer.MAX_VALUE && !j.rejectedEverywhere()) {
                closed++;
            }
        }
        int last = corpus.settings().days() - 1;
        return new Totals(postings, postings - jobs.size(), closed, rejected, activeJobs(last).size());
    }

    public byte[] toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        CorpusSettings s = corpus.settings();
        Map<String, Object> sm = new LinkedHashMap<>();
        sm.put("seed", s.seed());
        sm.put("jobs", s.jobs());
        sm.put("days", s.days());
        sm.put("last_day", s.lastDay().toString());
        root.put("settings", sm);
        root.put("conventions", List.of(
                "A job counts once however many boards list it; cross-posts and reposts are its duplicates.",
                "A job is active on a day when a well-formed listing of it is up; closed jobs leave every count.",
                "A job counts on the UTC publication date of the first of its listings still up (counted_on per day:"
                        + " the first posting, or its repost once the first is gone); a window of N days holds the jobs"
                        + " counted on the N dates ending at last_day.",
                "Salaries are yearly USD midpoints of the stated range: hourly pay x " + Salary.HOURS_PER_YEAR
                        + ", USD per unit " + new TreeMap<>(UsdRates.USD_PER_UNIT) + ", rounded to cents.",
                "Listings with a defect are rejected by ingest and count nowhere."));
        Totals t = totals();
        Map<String, Object> tm = new LinkedHashMap<>();
        tm.put("postings_ingested", t.postingsIngested());
        tm.put("duplicates_merged", t.duplicatesMerged());
        tm.put("jobs_closed", t.jobsClosed());
        tm.put("postings_rejected", t.postingsRejected());
        tm.put("active_jobs", t.activeJobs());
        root.put("totals", tm);
        Map<String, Object> jobs = new LinkedHashMap<>();
        for (Job j : corpus.jobs()) {
            jobs.put(j.id(), jobJson(j));
        }
        root.put("jobs", jobs);
        List<Object> days = new ArrayList<>();
        for (int day = 0; day < s.days(); day++) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("day", day);
            d.put("date", s.dateOf(day).toString());
            DayIngest in = ingest(day);
            Map<String, Object> im = new LinkedHashMap<>();
            im.put("listed", in.listed());
            im.put("new_postings", in.newPostings());
            im.put("accepted_new", in.acceptedNew());
            im.put("rejected_new", in.rejectedNew());
            im.put("rejected_listed", in.rejectedListed());
            im.put("closed_postings", in.closedPostings());
            im.put("closed_jobs", in.closedJobs());
            im.put("edited_jobs", in.editedJobs());
            d.put("ingest", im);
            Map<String, Object> active = new LinkedHashMap<>();
            for (Job j : activeJobs(day)) {
                active.put(j.id(), j.countedOn(day).toString());
            }
            d.put("active_jobs_counted_on", active);
            Map<String, Object> windows = new LinkedHashMap<>();
            for (int w : WINDOWS) {
                Map<String, Object> roles = new LinkedHashMap<>();
                roles.put(ALL_ROLES, stats(day, w, ALL_ROLES).toMap());
                for (RoleProfile p : RoleProfiles.ALL) {
                    roles.put(p.role(), stats(day, w, p.role()).toMap());
                }
                windows.put(windowName(w), roles);
            }
            d.put("windows", windows);
            days.add(d);
        }
        root.put("days", days);
        try {
            return Corpus.JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> jobJson(Job j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("company", j.company().name());
        m.put("title", j.title());
        m.put("role", j.role());
        m.put("seniority", j.seniority().label());
        m.put("city", j.place().city());
        m.put("country", j.place().countryCode());
        m.put("remote_region", j.place().remoteRegion());
        m.put("work_mode", j.workMode());
        m.put("posted_on", j.postedOn().toString());
        m.put("close_day", j.closeDay() == Integer.MAX_VALUE ? null : j.closeDay());
        m.put("rejected", j.rejectedEverywhere());
        m.put("postings", j.listings().stream().map(Listing::postingId).toList());
        m.put("versions", j.versions().stream().map(v -> {
            Map<String, Object> vm = new LinkedHashMap<>();
            vm.put("from_day", v.fromDay());
            vm.put("technologies", v.technologies().stream().sorted().toList());
            if (v.salary() != null) {
                Map<String, Object> sm = new LinkedHashMap<>();
                sm.put("min", v.salary().min());
                sm.put("max", v.salary().max());
                sm.put("currency", v.salary().currency());
                sm.put("period", v.salary().period());
                sm.put("usd_annual_midpoint", v.salary().usdAnnualMidpoint());
                vm.put("salary", sm);
            } else {
                vm.put("salary", null);
            }
            return vm;
        }).toList());
        return m;
    }

    /** Writes {@code corpus.json} and {@code ground-truth.json} into {@code dir}. */
    public static void write(Corpus corpus, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve("corpus.json"), corpus.toJson());
            Files.write(dir.resolve("ground-truth.json"), of(corpus).toJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
