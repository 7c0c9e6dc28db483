package io.jobpulse.ingest.connector.arbeitnow;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobpulse.ingest.connector.BoardUrls;
import io.jobpulse.ingest.connector.ConnectorOption;
import io.jobpulse.ingest.connector.FetchContext;
import io.jobpulse.ingest.connector.FetchOutcome;
import io.jobpulse.ingest.connector.ItemSink;
import io.jobpulse.ingest.connector.JobBoardConnector;
import io.jobpulse.ingest.connector.JsonDocuments;
import io.jobpulse.ingest.connector.PostingDraft;
import io.jobpulse.ingest.connector.PostingDraft.LocationDraft;
import io.jobpulse.ingest.connector.SourceOptions;
import io.jobpulse.ingest.http.FetchedResponse;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.jobpulse.ingest.connector.ConnectorOption.Type.INT;
import static io.jobpulse.ingest.connector.ConnectorOption.Type.STRING;
import static io.jobpulse.ingest.connector.JsonDocuments.bool;
import static io.jobpulse.ingest.connector.JsonDocuments.text;
import static io.jobpulse.ingest.connector.JsonDocuments.texts;

/** Arbeitnow job board API: {@code GET /api/job-board-api}, paged by following {@code links.next}. */
public final class ArbeitnowConnector implements JobBoardConnector {

    public static final String DEFAULT_BASE_URL = "https://www.arbeitnow.com";

    @Override
    public String name() {
        return "arbeitnow";
    }

    @Override
    public String description() {
        return "Arbeitnow job board API: jobs in Europe (mostly Germany), paged via links.next";
    }

    @Override
    public String terms() {
        return "Free public API; by using it you agree to link back to Arbeitnow (each job's url is kept) and not to "
                + "abuse it. Default 0.5 requests/s and at most max-pages pages per run.";
    }

    @Override
    public double defaultRequestsPerSecond() {
        return 0.5;
    }

    @Override
    public List<ConnectorOption> options() {
        return List.of(
                ConnectorOption.optional("max-pages", INT, 50, "Stop (as a partial fetch) after this many pages"),
                ConnectorOption.optional("base-url", STRING, DEFAULT_BASE_URL, "API root"));
    }

    @Override
    public String defaultInstanceId(SourceOptions options) {
        return "arbeitnow";
    }

    @Override
    public FetchOutcome fetch(FetchContext ctx, ItemSink sink) throws Exception {
        URI base = BoardUrls.of(ctx.options().string("base-url"), "/api/job-board-api");
        int maxPages = ctx.options().integer("max-pages");
        Set<String> visited = new HashSet<>();
        URI next = base;
        int pages = 0;
        while (next != null) {
            if (!visited.add(next.toString())) {
                return FetchOutcome.partial("links.next loops back to " + next);
            }
            if (pages == maxPages) {
                return FetchOutcome.partial("stopped after max-pages=" + maxPages);
            }
            FetchedResponse response = ctx.get(next);
            pages++;
            JsonNode root = JsonDocuments.parse(response, sink).orElse(null);
            if (root == null) {
                return FetchOutcome.partial("malformed page " + pages);
            }
            JsonNode data = root.get("data");
            if (data == null || !data.isArray()) {
                sink.rejected(null, "page " + pages + " has no 'data' array", response.text());
                return FetchOutcome.partial("unexpected page format");
            }
            for (JsonNode job : data) {
                map(job, sink);
            }
            String link = text(root, "links", "next");
            next = link == null ? null : base.resolve(link);
            if (next != null && !sameOrigin(next, base)) {
                return FetchOutcome.partial("links.next points to another host: " + next);
            }
        }
        return FetchOutcome.complete();
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort();
    }

    static void map(JsonNode job, ItemSink sink) {
        String id = job.isObject() ? BoardUrls.id(job, "slug") : null;
        if (id == null) {
            sink.rejected(null, "job without slug", job.toString());
            return;
        }
        PostingDraft.Builder b = PostingDraft.builder(id).rawPayload(job::toString);
        b.title(text(job, "title"));
        b.company(text(job, "company_name"));
        b.descriptionHtml(text(job, "description"));
        b.url(text(job, "url"));
        b.postedAt(text(job, "created_at"));
        Boolean remote = bool(job, "remote");
        b.remote(remote);
        if (Boolean.TRUE.equals(remote)) {
            b.workplaceType("remote");
        }
        String location = text(job, "location");
        b.locationRaw(location);
        b.location(location == null ? null : new LocationDraft(location, null, null, null, remote));
        List<String> types = texts(job, "job_types", null);
        b.employmentType(types.isEmpty() ? null : String.join(", ", types));
        if (types.size() > 1) {
            b.attribute("job_types", String.join(", ", types));
        }
        texts(job, "tags", null).forEach(b::tag);
        b.attribute("visa_sponsorship", text(job, "visa_sponsorship"));
        sink.parsed(b.build());
    }
}
