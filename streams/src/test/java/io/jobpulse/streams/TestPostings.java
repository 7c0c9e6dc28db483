package io.jobpulse.streams;

import io.jobpulse.contracts.avro.JobPosting;
import io.jobpulse.contracts.avro.Location;
import io.jobpulse.contracts.avro.PostingStatus;
import io.jobpulse.contracts.avro.Salary;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** Postings for topology tests: realistic text, every field the enricher and the dedupe rule read under control. */
public final class TestPostings {

    public static final Instant POSTED = Instant.parse("2026-11-20T09:30:00Z");
    public static final String DAY = "2026-11-20";

    public static final String BACKEND_GO = """
            Acme Robotics builds the software that runs warehouse robots in 40 sites across Europe.
            As a backend engineer you will design and operate the services that plan robot routes.
            You will write Go services, store data in PostgreSQL and deploy them on Kubernetes.
            We value small pull requests, careful code review and on-call shared fairly across the team.
            Requirements: five years of building distributed systems, strong Go, experience with PostgreSQL.
            """;

    private TestPostings() {
    }

    public static Builder posting(String source, String sourceId) {
        return new Builder(source, sourceId);
    }

    /** Fluent builder over {@link JobPosting}: defaults are a Berlin backend Go job at Acme Robotics. */
    public static final class Builder {
        private final JobPosting.Builder b;

        Builder(String source, String sourceId) {
            b = JobPosting.newBuilder()
                    .setId(source + ":" + sourceId).setSource(source).setSourceId(sourceId).setBoard("acme")
                    .setStatus(PostingStatus.ACTIVE).setTitle("Senior Backend Engineer").setCompany("Acme Robotics")
                    .setDescriptionText(BACKEND_GO).setUrl("https://example.org/jobs/" + sourceId)
                    .setPostedAt(POSTED).setFetchedAt(Instant.parse("2026-11-28T12:00:00Z"))
                    .setLocationRaw("Berlin, Germany")
                    .setLocations(List.of(Location.newBuilder().setRaw("Berlin, Germany").setCity("Berlin").setCountry("DE").build()))
                    .setContentHash("");
        }

        public Builder title(String title) { b.setTitle(title); return this; }
        public Builder company(String company) { b.setCompany(company); return this; }
        public Builder description(String text) { b.setDescriptionText(text); return this; }
        public Builder fetchedAt(String instant) { b.setFetchedAt(Instant.parse(instant)); return this; }
        public Builder postedAt(Instant instant) { b.setPostedAt(instant); return this; }
        public Builder board(String board) { b.setBoard(board); return this; }

        public Builder location(String raw, String city, String country) {
            b.setLocationRaw(raw);
            b.setLocations(List.of(Location.newBuilder().setRaw(raw).setCity(city).setCountry(country).build()));
            return this;
        }

        public Builder salaryUsd(double min, double max) {
            b.setSalary(Salary.newBuilder().setMin(min).setMax(max).setCurrency("USD").setPeriod("year")
                    .setRaw("$" + min + " - $" + max).build());
            return this;
        }

        public Builder closed(String closedAt) {
            b.setStatus(PostingStatus.CLOSED).setClosedAt(Instant.parse(closedAt)).setFetchedAt(Instant.parse(closedAt))
                    .setTitle("").setDescriptionText("").setCompany(null).setLocations(List.of()).setLocationRaw(null)
                    .setSalary(null);
            return this;
        }

        public JobPosting build() {
            JobPosting p = b.build();
            if (p.getContentHash().isEmpty()) {
                // Like ingest: equal content, equal hash.
                String content = p.getTitle() + p.getCompany() + p.getDescriptionText() + p.getLocationRaw() + p.getSalary();
                p.setContentHash(HexFormat.of().formatHex(Integer.toString(content.hashCode()).getBytes()));
            }
            return p;
        }
    }
}
