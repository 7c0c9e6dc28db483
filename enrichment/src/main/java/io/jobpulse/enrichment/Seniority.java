package io.jobpulse.enrichment;

/** Level of an advertised role, lowest first. */
public enum Seniority {
    INTERN, JUNIOR, MID, SENIOR, STAFF, PRINCIPAL, LEAD, MANAGER, DIRECTOR, EXECUTIVE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
