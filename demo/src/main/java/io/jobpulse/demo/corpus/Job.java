package io.jobpulse.demo.corpus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One job opening: what the generator knows about it (its labels are the ground truth), its content over the
 * simulated days, and every board it is listed on.
 *
 * @param id             corpus-wide id, e.g. {@code job-000042}
 * @param role           role family label
 * @param title          as every board shows it; names the level, the role and sometimes the main technology
 * @param place          a city, or remote within a region
 * @param workMode       remote, hybrid or onsite
 * @param employmentType full_time, or contract for hourly-paid jobs
 * @param postedAt       when it was first published; its UTC date is the day it counts on
 * @param firstDay       first simulated day it is listed (0 for jobs already open when the simulation starts)
 * @param closeDay       simulated day it is closed on ({@link Integer#MAX_VALUE}: still open at the end)
 * @param blurb          what the company does, one sentence without the company name
 * @param duties         what the job involves
 * @param versions       content over time, the first from {@code firstDay}
 * @param listings       where it is posted, in the order it appeared
 */
public record Job(String id, Company company, String role, Seniority seniority, String title, Place place,
                  String workMode, String employmentType, Instant postedAt, int firstDay, int closeDay, String blurb,
                  List<String> duties, List<JobVersion> versions, List<Listing> listings) {

    public Job {
        duties = List.copyOf(duties);
        versions = List.copyOf(versions);
        listings = List.copyOf(listings);
    }

    /** The content listed on a simulated day. */
    public JobVersion versionOn(int day) {
        JobVersion current = versions.getFirst();
        for (JobVersion v : versions) {
            if (v.fromDay() <= day) {
                current = v;
            }
        }
        return current;
    }

    /** The UTC publication date of its first listing. */
    public LocalDate postedOn() {
        return LocalDate.ofInstant(postedAt, ZoneOffset.UTC);
    }

    /**
     * The UTC date the job counts on during a simulated day: the publication date of the first of its well-formed
     * listings still up then (its first posting, or a repost once the first posting is gone).
     */
    public LocalDate countedOn(int day) {
        return listings.stream().filter(l -> l.defect() == null && l.listedOn(day))
                .min(java.util.Comparator.comparingInt(Listing::firstDay).thenComparing(Listing::postedAt))
                .map(l -> LocalDate.ofInstant(l.postedAt(), ZoneOffset.UTC))
                .orElse(postedOn());
    }

    /** Whether a well-formed listing of it is up on a simulated day: the job is open and visible. */
    public boolean activeOn(int day) {
        return listings.stream().anyMatch(l -> l.defect() == null && l.listedOn(day));
    }

    /** Whether every listing it has is defective, so ingest rejects all of it and it never counts. */
    public boolean rejectedEverywhere() {
        return listings.stream().allMatch(l -> l.defect() != null);
    }
}
