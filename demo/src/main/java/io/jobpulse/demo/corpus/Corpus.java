package io.jobpulse.demo.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated sample job market: companies, jobs with their versions, and every listing on every board over the
 * simulated days. Immutable; {@link #toJson()} is the canonical byte form (same settings, same bytes).
 */
public final class Corpus {

    static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final CorpusSettings settings;
    private final List<Company> companies;
    private final List<Job> jobs;
    private final Map<String, Job> jobsById = new LinkedHashMap<>();

    Corpus(CorpusSettings settings, List<Company> companies, List<Job> jobs) {
        this.settings = settings;
        this.companies = List.copyOf(companies);
        this.jobs = List.copyOf(jobs);
        jobs.forEach(j -> jobsById.put(j.id(), j));
    }

    public CorpusSettings settings() {
        return settings;
    }

    public List<Company> companies() {
        return companies;
    }

    public List<Job> jobs() {
        return jobs;
    }

    public Job job(String id) {
        Job j = jobsById.get(id);
        if (j == null) {
            throw new IllegalArgumentException("no job " + id);
        }
        return j;
    }

    public LocalDate dateOf(int day) {
        return settings.dateOf(day);
    }

    /** Every listing up on a simulated day, newest first (the order boards list them), defective ones included. */
    public List<Listing> listingsOn(int day) {
        List<Listing> out = new ArrayList<>();
        for (Job j : jobs) {
            for (Listing l : j.listings()) {
                if (l.listedOn(day)) {
                    out.add(l);
                }
            }
        }
        out.sort(Comparator.comparing(Listing::postedAt).reversed().thenComparing(Listing::postingId));
        return out;
    }

    /** Listings up on a simulated day on one board instance ({@code boardToken} of an ATS board, or the aggregator). */
    public List<Listing> listingsOn(int day, Board board, String boardToken) {
        return listingsOn(day).stream().filter(l -> l.board() == board && l.boardToken().equals(boardToken)).toList();
    }

    /** The canonical byte form: settings, companies, jobs with their versions and listings (descriptions are derived). */
    public byte[] toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("seed", settings.seed());
        root.put("jobs", settings.jobs());
        root.put("days", settings.days());
        root.put("last_day", settings.lastDay().toString());
        root.put("companies", companies.stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("slug", c.slug());
            m.put("hq_country", c.hqCountry());
            m.put("ats", c.ats() == null ? null : c.ats().connector());
            return m;
        }).toList());
        root.put("job_list", jobs.stream().map(Corpus::jobJson).toList());
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> jobJson(Job j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id());
        m.put("company", j.company().name());
        m.put("role", j.role());
        m.put("seniority", j.seniority().label());
        m.put("title", j.title());
        m.put("location", j.place().text());
        m.put("work_mode", j.workMode());
        m.put("employment_type", j.employmentType());
        m.put("posted_at", j.postedAt().toString());
        m.put("first_day", j.firstDay());
        m.put("close_day", j.closeDay() == Integer.MAX_VALUE ? null : j.closeDay());
        m.put("blurb", j.blurb());
        m.put("duties", j.duties());
        m.put("versions", j.versions().stream().map(v -> {
            Map<String, Object> vm = new LinkedHashMap<>();
            vm.put("from_day", v.fromDay());
            vm.put("updated_at", v.updatedAt().toString());
            vm.put("technologies", v.technologies());
            vm.put("salary", v.salary() == null ? null : v.salary().text());
            return vm;
        }).toList());
        m.put("listings", j.listings().stream().map(l -> {
            Map<String, Object> lm = new LinkedHashMap<>();
            lm.put("posting_id", l.postingId());
            lm.put("first_day", l.firstDay());
            lm.put("end_day", l.endDay() == Integer.MAX_VALUE ? null : l.endDay());
            lm.put("posted_at", l.postedAt().toString());
            lm.put("repost", l.repost());
            lm.put("defect", l.defect());
            return lm;
        }).toList());
        return m;
    }
}
