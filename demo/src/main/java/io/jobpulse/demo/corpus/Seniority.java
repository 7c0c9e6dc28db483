package io.jobpulse.demo.corpus;

import java.util.Locale;

/** Levels the generator gives a job, named in its title the way real boards do ("Senior ...", "... II"). */
public enum Seniority {
    JUNIOR, MID, SENIOR, STAFF, PRINCIPAL, LEAD, MANAGER;

    /** The label jobpulse's enrichment uses for this level ({@code EnrichedPosting.seniority}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Years of experience a posting at this level asks for; consistent with the title so nothing contradicts it. */
    int yearsAsked() {
        return switch (this) {
            case JUNIOR -> 1;
            case MID -> 3;
            case SENIOR -> 5;
            case LEAD -> 6;
            case STAFF -> 8;
            case PRINCIPAL -> 10;
            case MANAGER -> 3;
        };
    }

    /** Pay relative to a senior of the same role. */
    double payFactor() {
        return switch (this) {
            case JUNIOR -> 0.55;
            case MID -> 0.78;
            case SENIOR, MANAGER -> 1.0;
            case LEAD -> 1.12;
            case STAFF -> 1.22;
            case PRINCIPAL -> 1.4;
        };
    }
}
