package io.jobpulse.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeniorityClassifierTest {

    private static List<Seniority> levels(String text) {
        return Enrichers.enrich(text).seniority();
    }

    @Test
    void titles() {
        assertThat(levels("Acme | Senior Backend Engineer | Remote")).containsExactly(Seniority.SENIOR);
        assertThat(levels("Acme | Sr. Software Engineer | NYC")).containsExactly(Seniority.SENIOR);
        assertThat(levels("Hiring a Staff Engineer and a Principal Engineer")).containsExactly(Seniority.STAFF, Seniority.PRINCIPAL);
        assertThat(levels("Acme | Senior / Lead SWE | London")).containsExactly(Seniority.SENIOR, Seniority.LEAD);
        assertThat(levels("Acme | Junior Developer | Berlin")).containsExactly(Seniority.JUNIOR);
        assertThat(levels("Acme | Engineering Manager | Paris")).containsExactly(Seniority.MANAGER);
        assertThat(levels("Acme | Head of Engineering | Paris")).containsExactly(Seniority.EXECUTIVE);
        assertThat(levels("Acme | Software Engineering Intern | Paris")).containsExactly(Seniority.INTERN);
    }

    @Test
    void numberedLevels() {
        assertThat(levels("Acme | SDE II | Seattle")).containsExactly(Seniority.MID);
        assertThat(levels("Acme | Software Engineer II | Seattle")).containsExactly(Seniority.MID);
        assertThat(levels("Acme | Sr. Software Engineer II | Seattle")).containsExactly(Seniority.SENIOR);
        assertThat(levels("Acme | L5 Engineer | Seattle")).containsExactly(Seniority.SENIOR);
    }

    @Test
    void yearsOfExperienceOnlyWithoutATitleLevel() {
        assertThat(levels("Acme | Software Engineer | You have 8+ years of experience")).containsExactly(Seniority.SENIOR);
        assertThat(levels("Acme | Software Engineer | 2-4 years of professional experience")).containsExactly(Seniority.MID);
        assertThat(levels("Acme | Software Engineer | (3+ YoE)")).containsExactly(Seniority.MID);
        assertThat(levels("Acme | Staff Engineer | 10+ years of experience")).containsExactly(Seniority.STAFF);
        assertThat(levels("We have been in business for over 20 years")).isEmpty();
    }

    @Test
    void newGradAndEntryLevel() {
        assertThat(levels("We welcome new grads")).containsExactly(Seniority.JUNIOR);
        assertThat(levels("Entry-level software engineers")).containsExactly(Seniority.JUNIOR);
    }

    @Test
    void levelWordsThatAreNotLevels() {
        assertThat(levels("We build software for senior living communities")).isEmpty();
        assertThat(levels("You will lead the design of our platform")).isEmpty();
        assertThat(levels("Our staff love it here")).isEmpty();
        assertThat(levels("My principal engineer added MVCC to Postgres")).isEmpty();
        assertThat(levels("Founding Engineer")).isEmpty();
    }
}
