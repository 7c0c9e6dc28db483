package io.jobpulse.ingest.connector.lever;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobpulse.ingest.connector.BoardUrls;
import io.jobpulse.ingest.connector.ItemSink;
import io.jobpulse.ingest.connector.PostingDraft;
import io.jobpulse.ingest.connector.PostingDraft.LocationDraft;
import io.jobpulse.ingest.connector.PostingDraft.SalaryDraft;

import static io.jobpulse.ingest.connector.JsonDocuments.array;
import static io.jobpulse.ingest.connector.JsonDocuments.number;
import static io.jobpulse.ingest.connector.JsonDocuments.text;
import static io.jobpulse.ingest.connector.JsonDocuments.texts;

/**
 * Maps one Lever posting. The description is Lever's own order: {@code opening}/{@code description}, each
 * {@code lists} entry as a heading and its list items, then {@code additional}.
 */
final class LeverMapper {

    private final String site;
    private final String company;

    LeverMapper(String site, String company) {
        this.site = site;
        this.company = company;
    }

    void map(JsonNode p, ItemSink sink) {
        String id = p.isObject() ? BoardUrls.id(p, "id") : null;
        if (id == null) {
            sink.rejected(null, "posting without id", p.toString());
            return;
        }
        PostingDraft.Builder b = PostingDraft.builder(site + ":" + id).board(site).company(company).rawPayload(p::toString);
        b.title(text(p, "text"));
        StringBuilder html = new StringBuilder();
        String description = text(p, "description");
        if (description != null) {
            html.append(description);
        }
        for (JsonNode list : array(p, "lists")) {
            String heading = text(list, "text");
            String content = text(list, "content");
            if (heading != null) {
                html.append("<h3>").append(org.jsoup.nodes.Entities.escape(heading)).append("</h3>");
            }
            if (content != null) {
                html.append("<ul>").append(content).append("</ul>");
            }
        }
        String additional = text(p, "additional");
        if (additional != null) {
            html.append(additional);
        }
        if (!html.isEmpty()) {
            b.descriptionHtml(html.toString());
        } else {
            b.descriptionText(text(p, "descriptionPlain"));
        }
        b.url(text(p, "hostedUrl"));
        b.applyUrl(text(p, "applyUrl"));
        b.postedAt(text(p, "createdAt"));
        b.updatedAt(text(p, "updatedAt"));
        JsonNode categories = p.get("categories");
        String location = text(categories, "location");
        String country = text(p, "country");
        b.locationRaw(location);
        b.location(location == null ? null : new LocationDraft(location, null, null, country, null));
        for (String l : texts(categories, "allLocations", null)) {
            b.location(new LocationDraft(l, null, null, l.equals(location) ? country : null, null));
        }
        b.employmentType(text(categories, "commitment"));
        b.department(text(categories, "department"));
        b.attribute("team", text(categories, "team"));
        b.attribute("country", country);
        String workplace = text(p, "workplaceType");
        if (workplace != null && !workplace.equalsIgnoreCase("unspecified")) {
            b.workplaceType(workplace);
            b.remote(workplace.equalsIgnoreCase("remote"));
        }
        JsonNode salary = p.get("salaryRange");
        String salaryText = text(p, "salaryDescriptionPlain");
        if (salary != null && salary.isObject() || salaryText != null) {
            b.salary(new SalaryDraft(number(salary, "min"), number(salary, "max"), text(salary, "currency"),
                    text(salary, "interval"), salaryText));
        }
        texts(p, "tags", null).forEach(b::tag);
        sink.parsed(b.build());
    }
}
