package io.jobpulse.ingest.connector.recruitee;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobpulse.ingest.connector.BoardUrls;
import io.jobpulse.ingest.connector.ItemSink;
import io.jobpulse.ingest.connector.PostingDraft;
import io.jobpulse.ingest.connector.PostingDraft.LocationDraft;
import io.jobpulse.ingest.connector.PostingDraft.SalaryDraft;

import static io.jobpulse.ingest.connector.JsonDocuments.array;
import static io.jobpulse.ingest.connector.JsonDocuments.bool;
import static io.jobpulse.ingest.connector.JsonDocuments.number;
import static io.jobpulse.ingest.connector.JsonDocuments.text;
import static io.jobpulse.ingest.connector.JsonDocuments.texts;

/**
 * Maps one Recruitee offer: description and requirements together, remote/hybrid/on_site flags into the workplace
 * type, structured salary, and every location with city, state and country code. Unpublished offers are skipped.
 */
final class RecruiteeMapper {

    private final String companySlug;

    RecruiteeMapper(String companySlug) {
        this.companySlug = companySlug;
    }

    void map(JsonNode offer, ItemSink sink) {
        String id = offer.isObject() ? BoardUrls.id(offer, "id") : null;
        if (id == null) {
            sink.rejected(null, "offer without id", offer.toString());
            return;
        }
        String status = text(offer, "status");
        if (status != null && !status.equals("published")) {
            return;
        }
        PostingDraft.Builder b = PostingDraft.builder(companySlug + ":" + id).board(companySlug).rawPayload(offer::toString);
        b.title(text(offer, "title"));
        String company = text(offer, "company_name");
        b.company(company != null ? company : companySlug);
        String description = text(offer, "description");
        String requirements = text(offer, "requirements");
        if (description != null || requirements != null) {
            b.descriptionHtml((description == null ? "" : description)
                    + (requirements == null ? "" : "<h3>Requirements</h3>" + requirements));
        }
        b.url(text(offer, "careers_url"));
        b.applyUrl(text(offer, "careers_apply_url"));
        String published = text(offer, "published_at");
        b.postedAt(published != null ? published : text(offer, "created_at"));
        b.updatedAt(text(offer, "updated_at"));
        b.department(text(offer, "department"));
        b.employmentType(text(offer, "employment_type_code"));
        Boolean remote = bool(offer, "remote");
        b.remote(remote);
        if (Boolean.TRUE.equals(bool(offer, "hybrid"))) {
            b.workplaceType("hybrid");
        } else if (Boolean.TRUE.equals(remote)) {
            b.workplaceType("remote");
        } else if (Boolean.TRUE.equals(bool(offer, "on_site"))) {
            b.workplaceType("onsite");
        }
        String location = text(offer, "location");
        b.locationRaw(location);
        for (JsonNode l : array(offer, "locations")) {
            String city = text(l, "city");
            String state = text(l, "state");
            String country = text(l, "country");
            String code = text(l, "country_code");
            String raw = text(l, "name");
            if (raw == null) {
                raw = String.join(", ", java.util.stream.Stream.of(city, state, country)
                        .filter(java.util.Objects::nonNull).toList());
            }
            b.location(new LocationDraft(raw.isEmpty() ? null : raw, city, state, code != null ? code : country,
                    bool(l, "remote")));
        }
        if (location != null) {
            b.location(new LocationDraft(location, text(offer, "city"), text(offer, "state_name"),
                    text(offer, "country_code") != null ? text(offer, "country_code") : text(offer, "country"), remote));
        }
        JsonNode salary = offer.get("salary");
        if (salary != null && salary.isObject() && (number(salary, "min") != null || number(salary, "max") != null)) {
            b.salary(new SalaryDraft(number(salary, "min"), number(salary, "max"), text(salary, "currency"),
                    text(salary, "period"), null));
        }
        texts(offer, "tags", null).forEach(b::tag);
        b.attribute("experience", text(offer, "experience_code"));
        b.attribute("education", text(offer, "education_code"));
        b.attribute("category", text(offer, "category_code"));
        b.attribute("min_hours", text(offer, "min_hours"));
        b.attribute("max_hours", text(offer, "max_hours"));
        b.attribute("slug", text(offer, "slug"));
        sink.parsed(b.build());
    }
}
