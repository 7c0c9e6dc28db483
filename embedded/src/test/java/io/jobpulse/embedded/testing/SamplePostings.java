package io.jobpulse.embedded.testing;

import io.jobpulse.contracts.avro.JobPosting;
import io.jobpulse.contracts.avro.Location;
import io.jobpulse.contracts.avro.PostingStatus;
import io.jobpulse.contracts.avro.Salary;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Realistic {@link JobPosting} values for tests. */
public final class SamplePostings {

    private SamplePostings() {
    }

    public static JobPosting greenhouse(String sourceId, String title) {
        return JobPosting.newBuilder()
                .setId("greenhouse:" + sourceId)
                .setSource("greenhouse")
                .setSourceId(sourceId)
                .setBoard("acme")
                .setStatus(PostingStatus.ACTIVE)
                .setContentHash("c0ffee" + sourceId)
                .setTitle(title)
                .setCompany("Acme Robotics")
                .setDescriptionText("We build warehouse robots.\nYou will write Go and Kotlin services on Kubernetes.")
                .setDescriptionHtml("<p>We build warehouse robots.</p><p>You will write Go and Kotlin services on Kubernetes.</p>")
                .setUrl("https://boards.greenhouse.io/acme/jobs/" + sourceId)
                .setPostedAt(Instant.parse("2026-11-20T09:30:00Z"))
                .setFetchedAt(Instant.parse("2026-11-28T12:00:00Z"))
                .setLocationRaw("Berlin, Germany; Remote - EU")
                .setLocations(List.of(
                        Location.newBuilder().setRaw("Berlin, Germany").setCity("Berlin").setCountry("DE").build(),
                        Location.newBuilder().setRaw("Remote - EU").setRemote(true).build()))
                .setRemote(true)
                .setWorkplaceType("hybrid")
                .setEmploymentType("full_time")
                .setDepartment("Engineering")
                .setSalary(Salary.newBuilder().setMin(70000.0).setMax(90000.0).setCurrency("EUR").setPeriod("year")
                        .setRaw("€70.000–90.000").build())
                .setTags(List.of("backend"))
                .setAttributes(Map.of("requisition_id", "REQ-" + sourceId))
                .build();
    }
}
