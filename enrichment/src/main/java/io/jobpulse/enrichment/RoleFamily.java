package io.jobpulse.enrichment;

/** Role families; {@link #SOFTWARE_ENGINEER_GENERAL} is a software role whose family the text does not make clear. */
public enum RoleFamily {
    BACKEND, FRONTEND, FULLSTACK, MOBILE, DEVOPS, DATA_ENGINEERING, DATA_SCIENCE, SECURITY, QA, EMBEDDED, GAME,
    ENGINEERING_MANAGER, PRODUCT_MANAGER, DESIGN, SALES, MARKETING, SUPPORT, OPERATIONS, OTHER, SOFTWARE_ENGINEER_GENERAL;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
