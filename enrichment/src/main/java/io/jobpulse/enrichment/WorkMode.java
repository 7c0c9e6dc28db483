package io.jobpulse.enrichment;

/** Where the work happens, as the posting states it; several may apply. */
public enum WorkMode {
    REMOTE, HYBRID, ONSITE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
