package io.jobpulse.ingest.connector.themuse;

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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.jobpulse.ingest.connector.ConnectorOption.Type.INT;
import static io.jobpulse.ingest.connector.ConnectorOption.Type.STRING;
import static io.jobpulse.ingest.connector.ConnectorOption.Type.STRING_LIST;
import static io.jobpulse.ingest.connector.JsonDocuments.number;
import static io.jobpulse.ingest.connector.JsonDocuments.text;
import static io.jobpulse.ingest.connector.JsonDocuments.texts;

/** The Muse public jobs API: {@code GET /api/public/jobs?page=N}, pages 0 .. page_count-1. */
public final class TheMuseConnector implements JobBoardConnector {

    public static final String DEFAULT_BASE_URL = "https://www.themuse.com";

    @Override
    public String name() {
        return "themuse";
    }

    @Override
    public String description() {
        return "The Muse public jobs API: paged, filtered by category, level, location or company";
    }

    @Override
    public String terms() {
        return "Link back to the job's landing page on The Muse (kept as url) and credit The Muse. Unregistered use "
                + "is limited to 500 requests/hour (3600 with an api-key); default 0.1 requests/s and max-pages 20.";
    }

    @Override
    public double defaultRequestsPerSecond() {
        return 0.1;
    }

    @Override
    public List<ConnectorOption> options() {
        return List.of(
                ConnectorOption.optional("category", STRING_LIST, null, "Categories, e.g. Software Engineering"),
                ConnectorOption.optional("level", STRING_LIST, null, "Levels: Entry Level, Mid Level, Senior Level, management, Internship"),
                ConnectorOption.optional("location", STRING_LIST, null, "Locations, e.g. Berlin, Germany"),
                ConnectorOption.optional("company", STRING_LIST, null, "Company names"),
                ConnectorOption.optional("api-key", STRING, null, "Registered API key (raises the rate limit)"),
                ConnectorOption.optional("max-pages", INT, 20, "Stop (as a partial fetch) after this many pages"),
                ConnectorOption.optional("base-url", STRING, DEFAULT_BASE_URL, "API root"));
    }

    @Override
    public String defaultInstanceId(SourceOptions options) {
        List<String> parts = new ArrayList<>(List.of("themuse"));
        for (String k : List.of("category", "level", "location", "company")) {
            parts.addAll(options.strings(k));
        }
        return String.join(":", parts).toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    @Override
    public FetchOutcome fetch(FetchContext ctx, ItemSink sink) throws Exception {
        SourceOptions o = ctx.options();
        StringBuilder filters = new StringBuilder();
        for (String k : List.of("category", "level", "location", "company")) {
            for (String v : o.strings(k)) {
                filters.append('&').append(k).append('=').append(BoardUrls.encode(v));
            }
        }
        if (o.has("api-key")) {
            filters.append("&api_key=").append(BoardUrls.encode(o.string("api-key")));
        }
        int maxPages = o.integer("max-pages");
        Set<String> seen = new HashSet<>();
        int pageCount = Integer.MAX_VALUE;
        for (int page = 0; page < pageCount; page++) {
            if (page >= maxPages) {
                return FetchOutcome.partial("stopped after max-pages=" + maxPages + " of " + pageCount);
            }
            URI uri = URI.create(BoardUrls.of(o.string("base-url"), "/api/public/jobs") + "?page=" + page + filters);
            FetchedResponse response = ctx.get(uri);
            JsonNode root = JsonDocuments.parse(response, sink).orElse(null);
            if (root == null) {
                return FetchOutcome.partial("malformed page " + page);
            }
            JsonNode results = root.get("results");
            if (results == null || !results.isArray()) {
                sink.rejected(null, "page " + page + " has no 'results' array", response.text());
                return FetchOutcome.partial("unexpected page format");
            }
            Double count = number(root, "page_count");
            pageCount = count == null ? page + 1 : count.intValue();
            ctx.progress(page + 1, pageCount);
            int fresh = 0;
            for (JsonNode job : results) {
                String id = BoardUrls.id(job, "id");
                if (id != null && seen.add(id)) {
                    fresh++;
                }
                map(job, sink);
            }
            if (results.isEmpty()) {
                break;
            }
            if (fresh == 0) {
                return FetchOutcome.partial("page " + page + " repeats postings already seen (paging loop)");
            }
        }
        return FetchOutcome.complete();
    }

    static void map(JsonNode job, ItemSink sink) {
        String id = job.isObject() ? BoardUrls.id(job, "id") : null;
        if (id == null) {
            sink.rejected(null, "job without id", job.toString());
            return;
        }
        PostingDraft.Builder b = PostingDraft.builder(id).rawPayload(job::toString);
        b.title(text(job, "name"));
        b.company(text(job, "company", "name"));
        b.descriptionHtml(text(job, "contents"));
        b.url(text(job, "refs", "landing_page"));
        b.postedAt(text(job, "publication_date"));
        List<String> locations = texts(job, "locations", "name");
        boolean anyRemote = false;
        for (String l : locations) {
            boolean remote = l.toLowerCase(Locale.ROOT).contains("remote");
            anyRemote |= remote;
            b.location(new LocationDraft(l, null, null, null, remote ? Boolean.TRUE : null));
        }
        b.locationRaw(locations.isEmpty() ? null : String.join("; ", locations));
        if (anyRemote) {
            b.remote(true);
        }
        List<String> categories = texts(job, "categories", "name");
        b.department(categories.isEmpty() ? null : categories.getFirst());
        categories.forEach(b::tag);
        texts(job, "tags", "name").forEach(b::tag);
        List<String> levels = texts(job, "levels", "name");
        b.attribute("level", levels.isEmpty() ? null : String.join(", ", levels));
        b.attribute("type", text(job, "type"));
        b.attribute("company_short_name", text(job, "company", "short_name"));
        b.attribute("credit", "The Muse");
        sink.parsed(b.build());
    }
}
