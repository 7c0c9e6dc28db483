package io.jobpulse.ingest.connector.greenhouse;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobpulse.ingest.connector.BoardUrls;
import io.jobpulse.ingest.connector.ItemSink;
import io.jobpulse.ingest.connector.PostingDraft;
import io.jobpulse.ingest.connector.PostingDraft.LocationDraft;
import org.jsoup.parser.Parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.jobpulse.ingest.connector.JsonDocuments.array;
import static io.jobpulse.ingest.connector.JsonDocuments.number;
import static io.jobpulse.ingest.connector.JsonDocuments.text;

/**
 * Maps one Greenhouse job. {@code content} is HTML escaped once more (e.g. {@code &lt;p&gt;}), so it is unescaped
 * once here; offices give the locations, {@code metadata} custom fields go to attributes (an "Employment Type"
 * field becomes the employment type), and {@code pay_input_ranges} (pay transparency) the salary.
 */
final class GreenhouseMapper {

    private final String board;
    private final String company;

    GreenhouseMapper(String board, String company) {
        this.board = board;
        this.company = company;
    }

    void map(JsonNode job, ItemSink sink) {
        String id = job.isObject() ? BoardUrls.id(job, "id") : null;
        if (id == null) {
            sink.rejected(null, "job without id", job.toString());
            return;
        }
        PostingDraft.Builder b = PostingDraft.builder(board + ":" + id).board(board).rawPayload(job::toString);
        b.title(text(job, "title"));
        String companyName = text(job, "company_name");
        b.company(companyName != null ? companyName : company != null ? company : board);
        String content = text(job, "content");
        if (content != null) {
            // content=true returns the HTML entity-escaped; unescape once to get the HTML itself.
            b.descriptionHtml(content.contains("&lt;") ? Parser.unescapeEntities(content, false) : content);
        }
        b.url(text(job, "absolute_url"));
        b.postedAt(text(job, "first_published"));
        b.updatedAt(text(job, "updated_at"));
        String location = text(job, "location", "name");
        b.locationRaw(location);
        for (JsonNode office : array(job, "offices")) {
            String raw = text(office, "location");
            b.location(LocationDraft.of(raw != null ? raw : text(office, "name")));
        }
        if (location != null) {
            for (String part : location.split("\\s*;\\s*")) {
                b.location(LocationDraft.of(part));
            }
        }
        List<String> departments = new ArrayList<>();
        for (JsonNode d : array(job, "departments")) {
            String n = text(d, "name");
            if (n != null) {
                departments.add(n);
            }
        }
        b.department(departments.isEmpty() ? null : String.join(", ", departments));
        b.language(text(job, "language"));
        b.attribute("requisition_id", text(job, "requisition_id"));
        b.attribute("internal_job_id", text(job, "internal_job_id"));
        for (JsonNode m : array(job, "metadata")) {
            String name = text(m, "name");
            JsonNode value = m.get("value");
            if (name == null || value == null || value.isNull()) {
                continue;
            }
            String v = value.isObject() ? value.toString() : value.asText();
            if (value.isArray()) {
                List<String> parts = new ArrayList<>();
                value.forEach(e -> parts.add(e.asText()));
                v = String.join(", ", parts);
            }
            String key = name.toLowerCase(Locale.ROOT);
            if (key.contains("employment type") || key.equals("job type")) {
                b.employmentType(v);
            }
            b.attribute("metadata." + name, v);
        }
        for (JsonNode range : array(job, "pay_input_ranges")) {
            Double min = number(range, "min_cents");
            Double max = number(range, "max_cents");
            String title = text(range, "title");
            b.salary(new PostingDraft.SalaryDraft(min == null ? null : min / 100, max == null ? null : max / 100,
                    text(range, "currency_type"), title != null && title.toLowerCase(Locale.ROOT).contains("hour")
                    ? "hour" : "year", title));
            break; // the first range is the primary one; all of them stay in the description
        }
        sink.parsed(b.build());
    }
}
