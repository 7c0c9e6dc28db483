package io.jobpulse.ingest.connector.remotive;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobpulse.ingest.connector.BoardUrls;
import io.jobpulse.ingest.connector.ConnectorOption;
import io.jobpulse.ingest.connector.FetchContext;
import io.jobpulse.ingest.connector.FetchOutcome;
import io.jobpulse.ingest.connector.ItemSink;
import io.jobpulse.ingest.connector.JobBoardConnector;
import io.jobpulse.ingest.connector.PostingDraft;
import io.jobpulse.ingest.connector.PostingDraft.LocationDraft;
import io.jobpulse.ingest.connector.PostingDraft.SalaryDraft;
import io.jobpulse.ingest.connector.SingleDocumentFetch;
import io.jobpulse.ingest.connector.SourceOptions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.jobpulse.ingest.connector.ConnectorOption.Type.INT;
import static io.jobpulse.ingest.connector.ConnectorOption.Type.STRING;
import static io.jobpulse.ingest.connector.JsonDocuments.text;
import static io.jobpulse.ingest.connector.JsonDocuments.texts;

/** Remotive remote-jobs API: {@code GET /api/remote-jobs}, optionally by category or search. */
public final class RemotiveConnector implements JobBoardConnector {

    public static final String DEFAULT_BASE_URL = "https://remotive.com";

    @Override
    public String name() {
        return "remotive";
    }

    @Override
    public String description() {
        return "Remotive remote-jobs API: remote postings, optionally filtered by category or search term";
    }

    @Override
    public String terms() {
        return "Remotive asks API users to link back to the job's Remotive URL and mention Remotive as the source, "
                + "and to call the API only a few times a day (listings are delayed by 24 h anyway). Default "
                + "min-interval 6h, so an hourly schedule fetches it 4 times a day.";
    }

    @Override
    public Duration defaultMinInterval() {
        return Duration.ofHours(6);
    }

    @Override
    public double defaultRequestsPerSecond() {
        return 0.2;
    }

    @Override
    public List<ConnectorOption> options() {
        return List.of(
                ConnectorOption.optional("category", STRING, null, "Category slug, e.g. software-dev"),
                ConnectorOption.optional("search", STRING, null, "Search term over title and description"),
                ConnectorOption.optional("company", STRING, null, "Company name filter"),
                ConnectorOption.optional("limit", INT, null, "Maximum jobs returned"),
                ConnectorOption.optional("base-url", STRING, DEFAULT_BASE_URL, "API root"));
    }

    @Override
    public String defaultInstanceId(SourceOptions options) {
        List<String> parts = new ArrayList<>(List.of("remotive"));
        if (options.has("category")) {
            parts.add(options.string("category"));
        }
        if (options.has("search")) {
            parts.add(options.string("search"));
        }
        return String.join(":", parts);
    }

    @Override
    public FetchOutcome fetch(FetchContext ctx, ItemSink sink) throws Exception {
        SourceOptions o = ctx.options();
        List<String> query = new ArrayList<>();
        for (String k : List.of("category", "search", "company_name", "limit")) {
            String opt = k.equals("company_name") ? "company" : k;
            if (o.has(opt)) {
                query.add(k + "=" + BoardUrls.encode(String.valueOf(o.values().get(opt))));
            }
        }
        String path = "/api/remote-jobs" + (query.isEmpty() ? "" : "?" + String.join("&", query));
        return SingleDocumentFetch.run(ctx, sink, BoardUrls.of(o.string("base-url"), path.replace("%", "%%")), "jobs",
                job -> map(job, sink));
    }

    static void map(JsonNode job, ItemSink sink) {
        String id = job.isObject() ? BoardUrls.id(job, "id") : null;
        if (id == null) {
            sink.rejected(null, "job without id", job.toString());
            return;
        }
        PostingDraft.Builder b = PostingDraft.builder(id).rawPayload(job::toString);
        b.title(text(job, "title"));
        b.company(text(job, "company_name"));
        b.descriptionHtml(text(job, "description"));
        b.url(text(job, "url"));
        b.postedAt(text(job, "publication_date"));
        b.employmentType(text(job, "job_type"));
        String location = text(job, "candidate_required_location");
        b.locationRaw(location);
        b.location(location == null ? null : new LocationDraft(location, null, null, null, true));
        b.remote(true);
        b.workplaceType("remote");
        b.department(text(job, "category"));
        String salary = text(job, "salary");
        if (salary != null) {
            b.salary(new SalaryDraft(null, null, null, null, salary));
        }
        texts(job, "tags", null).forEach(b::tag);
        b.attribute("company_logo", text(job, "company_logo"));
        b.attribute("credit", "Remotive");
        sink.parsed(b.build());
    }
}
