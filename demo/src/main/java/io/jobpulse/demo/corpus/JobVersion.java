package io.jobpulse.demo.corpus;

import java.time.Instant;
import java.util.List;

/**
 * A job's content from a simulated day on, until the next edit.
 *
 * @param fromDay      first simulated day this version is listed
 * @param updatedAt    when the edit was made (the posting time for the first version)
 * @param technologies canonical technology names the title and description name, in the order written
 * @param salary       pay stated, or null
 */
public record JobVersion(int fromDay, Instant updatedAt, List<String> technologies, Salary salary) {

    public JobVersion {
        technologies = List.copyOf(technologies);
    }
}
