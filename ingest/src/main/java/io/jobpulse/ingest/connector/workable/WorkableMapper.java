package io.jobpulse.ingest.connector.workable;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobpulse.ingest.connector.BoardUrls;
import io.jobpulse.ingest.connector.ItemSink;
import io.jobpulse.ingest.connector.PostingDraft;
import io.jobpulse.ingest.connector.PostingDraft.LocationDraft;

import java.util.ArrayList;
import java.util.List;

import static io.jobpulse.ingest.connector.JsonDocuments.array;
import static io.jobpulse.ingest.connector.JsonDocuments.bool;
import static io.jobpulse.ingest.connector.JsonDocuments.text;

/** Maps one Workable widget job; the account's {@code name} is the company. Hidden locations are left out. */
final class WorkableMapper {

    private final String account;
    private String company;

    WorkableMapper(String account) {
        this.account = account;
        this.company = account;
    }

    void root(JsonNode root) {
        String name = text(root, "name");
        if (name != null) {
            company = name;
        }
    }

    void map(JsonNode job, ItemSink sink) {
        String id = job.isObject() ? BoardUrls.id(job, "shortcode") : null;
        if (id == null) {
            sink.rejected(null, "job without shortcode", job.toString());
            return;
        }
        PostingDraft.Builder b = PostingDraft.builder(account + ":" + id).board(account).company(company).rawPayload(job::toString);
        b.title(text(job, "title"));
        b.descriptionHtml(text(job, "description"));
        String url = text(job, "url");
        b.url(url != null ? url : text(job, "shortlink"));
        b.applyUrl(text(job, "application_url"));
        String published = text(job, "published_on");
        b.postedAt(published != null ? published : text(job, "created_at"));
        b.employmentType(text(job, "employment_type"));
        Boolean telecommuting = bool(job, "telecommuting");
        b.remote(telecommuting);
        if (Boolean.TRUE.equals(telecommuting)) {
            b.workplaceType("remote");
        }
        b.department(text(job, "department"));
        b.attribute("code", text(job, "code"));
        b.attribute("experience", text(job, "experience"));
        b.attribute("function", text(job, "function"));
        b.attribute("industry", text(job, "industry"));
        b.attribute("education", text(job, "education"));
        for (JsonNode l : array(job, "locations")) {
            if (Boolean.TRUE.equals(bool(l, "hidden"))) {
                continue;
            }
            String city = text(l, "city");
            String region = text(l, "region");
            String country = text(l, "country");
            String code = text(l, "countryCode");
            String raw = join(city, region, country);
            if (raw != null) {
                b.location(new LocationDraft(raw, city, region, code != null ? code : country, telecommuting));
            }
        }
        String city = text(job, "city");
        String state = text(job, "state");
        String country = text(job, "country");
        String raw = join(city, state, country);
        b.locationRaw(raw);
        if (raw != null) {
            b.location(new LocationDraft(raw, city, state, country, telecommuting));
        }
        sink.parsed(b.build());
    }

    private static String join(String... parts) {
        List<String> present = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !present.contains(p)) {
                present.add(p);
            }
        }
        return present.isEmpty() ? null : String.join(", ", present);
    }
}
