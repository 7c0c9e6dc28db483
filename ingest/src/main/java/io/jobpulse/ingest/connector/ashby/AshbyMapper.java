package io.jobpulse.ingest.connector.ashby;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobpulse.ingest.connector.BoardUrls;
import io.jobpulse.ingest.connector.ItemSink;
import io.jobpulse.ingest.connector.PostingDraft;
import io.jobpulse.ingest.connector.PostingDraft.LocationDraft;
import io.jobpulse.ingest.connector.PostingDraft.SalaryDraft;

import java.util.ArrayList;
import java.util.List;

import static io.jobpulse.ingest.connector.JsonDocuments.array;
import static io.jobpulse.ingest.connector.JsonDocuments.bool;
import static io.jobpulse.ingest.connector.JsonDocuments.number;
import static io.jobpulse.ingest.connector.JsonDocuments.text;

/**
 * Maps one Ashby job. Primary and secondary locations come with postal addresses; compensation's first "Salary"
 * component gives min/max/currency/interval and the tier summary the raw text. Unlisted jobs are skipped.
 */
final class AshbyMapper {

    private final String board;
    private final String company;

    AshbyMapper(String board, String company) {
        this.board = board;
        this.company = company;
    }

    void map(JsonNode job, ItemSink sink) {
        String id = job.isObject() ? BoardUrls.id(job, "id") : null;
        if (id == null) {
            sink.rejected(null, "job without id", job.toString());
            return;
        }
        if (Boolean.FALSE.equals(bool(job, "isListed"))) {
            return; // not shown on the public board
        }
        PostingDraft.Builder b = PostingDraft.builder(board + ":" + id).board(board).company(company).rawPayload(job::toString);
        b.title(text(job, "title"));
        String html = text(job, "descriptionHtml");
        if (html != null) {
            b.descriptionHtml(html);
        } else {
            b.descriptionText(text(job, "descriptionPlain"));
        }
        b.url(text(job, "jobUrl"));
        b.applyUrl(text(job, "applyUrl"));
        b.postedAt(text(job, "publishedAt"));
        b.updatedAt(text(job, "updatedAt"));
        Boolean remote = bool(job, "isRemote");
        b.remote(remote);
        b.workplaceType(text(job, "workplaceType"));
        b.employmentType(text(job, "employmentType"));
        b.department(text(job, "department"));
        b.attribute("team", text(job, "team"));
        String location = text(job, "location");
        b.locationRaw(location);
        b.location(location(location, job.get("address"), remote));
        for (JsonNode secondary : array(job, "secondaryLocations")) {
            b.location(location(text(secondary, "location"), secondary.get("address"), null));
        }
        JsonNode compensation = job.get("compensation");
        if (compensation != null && compensation.isObject()
                && !Boolean.FALSE.equals(bool(job, "shouldDisplayCompensationOnJobPostings"))) {
            String raw = text(compensation, "compensationTierSummary");
            if (raw == null) {
                raw = text(compensation, "scrapeableCompensationSalarySummary");
            }
            JsonNode salary = salaryComponent(compensation);
            if (salary != null || raw != null) {
                b.salary(new SalaryDraft(number(salary, "minValue"), number(salary, "maxValue"),
                        text(salary, "currencyCode"), text(salary, "interval"), raw));
            }
            List<String> tiers = new ArrayList<>();
            for (JsonNode tier : array(compensation, "compensationTiers")) {
                String t = text(tier, "title");
                String s = text(tier, "tierSummary");
                if (s != null) {
                    tiers.add(t == null ? s : t + ": " + s);
                }
            }
            if (tiers.size() > 1) {
                b.attribute("compensation_tiers", String.join(" | ", tiers));
            }
        }
        sink.parsed(b.build());
    }

    private static JsonNode salaryComponent(JsonNode compensation) {
        for (JsonNode c : array(compensation, "summaryComponents")) {
            if ("Salary".equalsIgnoreCase(text(c, "compensationType"))) {
                return c;
            }
        }
        for (JsonNode tier : array(compensation, "compensationTiers")) {
            for (JsonNode c : array(tier, "components")) {
                if ("Salary".equalsIgnoreCase(text(c, "compensationType"))) {
                    return c;
                }
            }
        }
        return null;
    }

    private static LocationDraft location(String raw, JsonNode address, Boolean remote) {
        if (raw == null) {
            return null;
        }
        JsonNode postal = address == null ? null : address.get("postalAddress");
        return new LocationDraft(raw, text(postal, "addressLocality"), text(postal, "addressRegion"),
                text(postal, "addressCountry"), remote);
    }
}
