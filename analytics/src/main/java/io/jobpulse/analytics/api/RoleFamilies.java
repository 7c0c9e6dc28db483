package io.jobpulse.analytics.api;

import java.util.List;

/** The role families the enrichment assigns (EnrichedPosting.roles); the only values a role parameter accepts. */
public final class RoleFamilies {

    public static final List<String> ALL = List.of("backend", "frontend", "fullstack", "mobile", "devops",
            "data_engineering", "data_science", "security", "qa", "embedded", "game", "engineering_manager",
            "product_manager", "design", "sales", "marketing", "support", "operations", "other");

    private RoleFamilies() {
    }

    public static String require(String parameter, String value) {
        if (value == null || value.isEmpty()) {
            throw new BadRequest(parameter, parameter + " is required");
        }
        if (!ALL.contains(value)) {
            throw new BadRequest(parameter, parameter + " must be a role family: " + String.join(", ", ALL));
        }
        return value;
    }
}
