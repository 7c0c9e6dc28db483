package io.jobpulse.ingest.connector.remoteok;

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
import java.util.List;

import static io.jobpulse.ingest.connector.ConnectorOption.Type.STRING;
import static io.jobpulse.ingest.connector.JsonDocuments.number;
import static io.jobpulse.ingest.connector.JsonDocuments.text;
import static io.jobpulse.ingest.connector.JsonDocuments.texts;

/** Remote OK API: {@code GET /api}, an array whose first element is the legal notice, not a job. */
public final class RemoteOkConnector implements JobBoardConnector {

    public static final String DEFAULT_BASE_URL = "https://remoteok.com";

    @Override
    public String name() {
        return "remoteok";
    }

    @Override
    public String description() {
        return "Remote OK API: the latest remote jobs (first array element is the legal notice and is skipped)";
    }

    @Override
    public String terms() {
        return "Remote OK's API terms (in its first element): link back to the job's URL on Remote OK and mention "
                + "Remote OK as the source; no heavy polling. Default min-interval 1h, one request per run.";
    }

    @Override
    public Duration defaultMinInterval() {
        return Duration.ofHours(1);
    }

    @Override
    public double defaultRequestsPerSecond() {
        return 0.2;
    }

    @Override
    public List<ConnectorOption> options() {
        return List.of(ConnectorOption.optional("base-url", STRING, DEFAULT_BASE_URL, "API root"));
    }

    @Override
    public String defaultInstanceId(SourceOptions options) {
        return "remoteok";
    }

    @Override
    public FetchOutcome fetch(FetchContext ctx, ItemSink sink) throws Exception {
        return SingleDocumentFetch.run(ctx, sink, BoardUrls.of(ctx.options().string("base-url"), "/api"), null,
                job -> map(job, sink));
    }

    static void map(JsonNode job, ItemSink sink) {
        if (job.isObject() && (job.has("legal") || job.has("last_updated") && !job.has("id"))) {
            return; // the legal notice
        }
        String id = job.isObject() ? BoardUrls.id(job, "id") : null;
        if (id == null) {
            sink.rejected(null, "job without id", job.toString());
            return;
        }
        PostingDraft.Builder b = PostingDraft.builder(id).rawPayload(job::toString);
        b.title(text(job, "position"));
        b.company(text(job, "company"));
        b.descriptionHtml(text(job, "description"));
        b.url(text(job, "url"));
        b.applyUrl(text(job, "apply_url"));
        String date = text(job, "date");
        b.postedAt(date != null ? date : text(job, "epoch"));
        String location = text(job, "location");
        b.locationRaw(location);
        b.location(location == null ? null : new LocationDraft(location, null, null, null, true));
        b.remote(true);
        b.workplaceType("remote");
        Double min = number(job, "salary_min");
        Double max = number(job, "salary_max");
        if (min != null && min > 0 || max != null && max > 0) {
            // Remote OK states salaries as yearly USD.
            b.salary(new SalaryDraft(min != null && min > 0 ? min : null, max != null && max > 0 ? max : null,
                    "USD", "year", null));
        }
        texts(job, "tags", null).forEach(b::tag);
        b.attribute("slug", text(job, "slug"));
        b.attribute("company_logo", text(job, "company_logo"));
        b.attribute("credit", "Remote OK");
        sink.parsed(b.build());
    }
}
