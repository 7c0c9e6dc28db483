package io.jobpulse.ingest.normalize;

import io.jobpulse.contracts.avro.JobPosting;

/** The outcome of normalizing one draft. */
public sealed interface Normalization {

    /** A valid posting, content hash filled in. */
    record Accepted(JobPosting posting) implements Normalization {
    }

    /** The draft cannot become a posting; the reason goes to the dead-letter topic with the raw item. */
    record Rejected(String reason) implements Normalization {
    }
}
