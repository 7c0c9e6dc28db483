package io.jobpulse.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WorkModeDetectorTest {

    private static List<WorkMode> modes(String text) {
        return Enrichers.enrich(text).workModes();
    }

    @Test
    void statedModes() {
        assertThat(modes("Acme | REMOTE | Full-time")).containsExactly(WorkMode.REMOTE);
        assertThat(modes("Acme | Berlin | ONSITE or REMOTE")).containsExactly(WorkMode.REMOTE, WorkMode.ONSITE);
        assertThat(modes("Acme | Hybrid (London) | Full-time")).containsExactly(WorkMode.HYBRID);
        assertThat(modes("Acme | In-Person, SF | Full-time")).containsExactly(WorkMode.ONSITE);
        assertThat(modes("Acme | Remote OK | Full-time")).containsExactly(WorkMode.REMOTE);
        assertThat(modes("Acme | NYC | Full-time")).isEmpty();
    }

    @Test
    void gluedHeaderWords() {
        assertThat(modes("Acme | London | ONSITEAcme builds tools")).containsExactly(WorkMode.ONSITE);
        assertThat(modes("Acme | San Carlos, CA | HybridAcme builds tools")).containsExactly(WorkMode.HYBRID);
    }

    @Test
    void negationsAndOtherSenses() {
        assertThat(modes("Acme | Berlin | Onsite, no remote")).containsExactly(WorkMode.ONSITE);
        assertThat(modes("We build remote sensing satellites and remote control software.")).isEmpty();
        assertThat(modes("Our database handles hybrid workloads.")).isEmpty();
        assertThat(modes("We meet in person a few times a year.")).isEmpty();
    }

    @Test
    void hybridDetailsAreNotOnsite() {
        assertThat(modes("Acme | NYC, Hybrid (in office 3 days a week)")).containsExactly(WorkMode.HYBRID);
        assertThat(modes("Acme | San Mateo, CA or Hybrid")).containsExactly(WorkMode.HYBRID, WorkMode.ONSITE);
    }

    @Test
    void structuredHintsCount() {
        StructuredHints hints = new StructuredHints(null, null, null, null, null, null, null, true, null);
        assertThat(Enrichers.SHARED.enrich(new PostingText("Engineer", "We build things.", null, hints)).workModes())
                .containsExactly(WorkMode.REMOTE);
    }

    @Test
    void aFewOfficeDaysAreHybrid() {
        assertThat(modes("Frontend Developer in Austin. On-site 3 days a week.")).containsExactly(WorkMode.HYBRID);
    }
}
