package io.jobpulse.ingest.connector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One posting as a connector mapped it from its source's format, before normalization: text is as the source gives
 * it (HTML or plain), dates are the source's own strings, salary and locations carry whatever structure the source
 * has. {@link io.jobpulse.ingest.normalize.PostingNormalizer} turns it into a {@code JobPosting} or rejects it.
 *
 * @param sourceId        the posting's id within the source, board-prefixed where the source has boards
 * @param rawPayload      the source's item as text, computed only when the item goes to the dead-letter topic
 * @param descriptionHtml the description as HTML (entities decoded once if the source escapes its HTML)
 * @param descriptionText the description as plain text, when the source gives no HTML
 * @param postedAt        the source's publication time as given (ISO-8601, RFC 1123, epoch seconds or millis)
 * @param updatedAt       the source's last-update time as given
 */
public record PostingDraft(
        String sourceId,
        String board,
        String title,
        String company,
        String descriptionHtml,
        String descriptionText,
        String url,
        String applyUrl,
        String postedAt,
        String updatedAt,
        String locationRaw,
        List<LocationDraft> locations,
        Boolean remote,
        String workplaceType,
        String employmentType,
        String department,
        SalaryDraft salary,
        List<String> tags,
        String language,
        Map<String, String> attributes,
        Supplier<String> rawPayload) {

    public PostingDraft {
        Objects.requireNonNull(sourceId, "sourceId");
        locations = List.copyOf(locations);
        tags = List.copyOf(tags);
        attributes = Map.copyOf(attributes);
        rawPayload = rawPayload == null ? () -> "" : rawPayload;
    }

    /** One work location with the structure the source gives. */
    public record LocationDraft(String raw, String city, String region, String country, Boolean remote) {
        public static LocationDraft of(String raw) {
            return new LocationDraft(raw, null, null, null, null);
        }
    }

    /**
     * Pay as the source states it.
     *
     * @param period the source's own period wording (e.g. "per-year-salary", "1 YEAR", "HOUR"); normalized later
     */
    public record SalaryDraft(Double min, Double max, String currency, String period, String raw) {
    }

    public static Builder builder(String sourceId) {
        return new Builder(sourceId);
    }

    /** Connectors fill drafts field by field; unset fields stay null or empty. */
    public static final class Builder {
        private final String sourceId;
        private String board;
        private String title;
        private String company;
        private String descriptionHtml;
        private String descriptionText;
        private String url;
        private String applyUrl;
        private String postedAt;
        private String updatedAt;
        private String locationRaw;
        private final List<LocationDraft> locations = new ArrayList<>();
        private Boolean remote;
        private String workplaceType;
        private String employmentType;
        private String department;
        private SalaryDraft salary;
        private final List<String> tags = new ArrayList<>();
        private String language;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private Supplier<String> rawPayload;

        private Builder(String sourceId) {
            this.sourceId = sourceId;
        }

        public Builder board(String v) { this.board = v; return this; }
        public Builder title(String v) { this.title = v; return this; }
        public Builder company(String v) { this.company = v; return this; }
        public Builder descriptionHtml(String v) { this.descriptionHtml = v; return this; }
        public Builder descriptionText(String v) { this.descriptionText = v; return this; }
        public Builder url(String v) { this.url = v; return this; }
        public Builder applyUrl(String v) { this.applyUrl = v; return this; }
        public Builder postedAt(String v) { this.postedAt = v; return this; }
        public Builder updatedAt(String v) { this.updatedAt = v; return this; }
        public Builder locationRaw(String v) { this.locationRaw = v; return this; }
        public Builder remote(Boolean v) { this.remote = v; return this; }
        public Builder workplaceType(String v) { this.workplaceType = v; return this; }
        public Builder employmentType(String v) { this.employmentType = v; return this; }
        public Builder department(String v) { this.department = v; return this; }
        public Builder salary(SalaryDraft v) { this.salary = v; return this; }
        public Builder language(String v) { this.language = v; return this; }
        public Builder rawPayload(Supplier<String> v) { this.rawPayload = v; return this; }

        public Builder location(LocationDraft location) {
            if (location != null && location.raw() != null && !location.raw().isBlank()
                    && locations.stream().noneMatch(l -> l.raw().equals(location.raw()))) {
                locations.add(location);
            }
            return this;
        }

        public Builder tag(String tag) {
            if (tag != null && !tag.isBlank() && !tags.contains(tag.strip())) {
                tags.add(tag.strip());
            }
            return this;
        }

        /** Keeps a source-specific field users may want; blank values are dropped. */
        public Builder attribute(String key, String value) {
            if (value != null && !value.isBlank()) {
                attributes.put(key, value.strip());
            }
            return this;
        }

        public String sourceId() {
            return sourceId;
        }

        public PostingDraft build() {
            return new PostingDraft(sourceId, board, title, company, descriptionHtml, descriptionText, url, applyUrl,
                    postedAt, updatedAt, locationRaw, locations, remote, workplaceType, employmentType, department,
                    salary, tags, language, attributes, rawPayload);
        }
    }
}
