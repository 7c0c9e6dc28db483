package io.jobpulse.ingest.connector.lever;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobpulse.ingest.connector.BoardUrls;
import io.jobpulse.ingest.connector.ConnectorOption;
import io.jobpulse.ingest.connector.FetchContext;
import io.jobpulse.ingest.connector.FetchOutcome;
import io.jobpulse.ingest.connector.ItemSink;
import io.jobpulse.ingest.connector.JobBoardConnector;
import io.jobpulse.ingest.connector.JsonDocuments;
import io.jobpulse.ingest.connector.SourceOptions;
import io.jobpulse.ingest.http.FetchedResponse;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.jobpulse.ingest.connector.ConnectorOption.Type.INT;
import static io.jobpulse.ingest.connector.ConnectorOption.Type.STRING;

/**
 * Lever postings API: {@code GET /v0/postings/{site}?mode=json&skip=N&limit=M}, paged until a short page, on the
 * global host or the EU one ({@code region: eu}).
 */
public final class LeverConnector implements JobBoardConnector {

    public static final String GLOBAL_BASE_URL = "https://api.lever.co";
    public static final String EU_BASE_URL = "https://api.eu.lever.co";

    @Override
    public String name() {
        return "lever";
    }

    @Override
    public String description() {
        return "Lever postings API: published postings of one site, paged, global or EU host";
    }

    @Override
    public String terms() {
        return "Public postings API for a company's own job site; link back to hostedUrl (kept as url) and apply via "
                + "applyUrl. No published rate limit: paged requests at 1 request/s by default.";
    }

    @Override
    public List<ConnectorOption> options() {
        return List.of(
                ConnectorOption.required("site", STRING, "Site name, as in jobs.lever.co/<site>"),
                ConnectorOption.optional("region", STRING, "global", "global or eu (api.eu.lever.co)"),
                ConnectorOption.optional("company", STRING, null, "Company name (default: the site name)"),
                ConnectorOption.optional("page-size", INT, 100, "Postings per request (limit)"),
                ConnectorOption.optional("max-pages", INT, 100, "Stop (as a partial fetch) after this many pages"),
                ConnectorOption.optional("base-url", STRING, null, "API root; overrides region"));
    }

    @Override
    public String defaultInstanceId(SourceOptions options) {
        return "lever:" + options.string("site");
    }

    @Override
    public FetchOutcome fetch(FetchContext ctx, ItemSink sink) throws Exception {
        SourceOptions o = ctx.options();
        String site = o.string("site");
        String base = o.has("base-url") ? o.string("base-url")
                : "eu".equalsIgnoreCase(o.string("region")) ? EU_BASE_URL : GLOBAL_BASE_URL;
        int pageSize = Math.max(1, o.integer("page-size"));
        LeverMapper mapper = new LeverMapper(site, o.has("company") ? o.string("company") : site);
        Set<String> seen = new HashSet<>();
        for (int page = 0; page < o.integer("max-pages"); page++) {
            URI uri = BoardUrls.of(base, "/v0/postings/%s?mode=json&skip=" + (page * pageSize) + "&limit=" + pageSize, site);
            FetchedResponse response = ctx.get(uri);
            JsonNode root = JsonDocuments.parse(response, sink).orElse(null);
            if (root == null) {
                return FetchOutcome.partial("malformed page " + (page + 1));
            }
            if (!root.isArray()) {
                sink.rejected(null, "page " + (page + 1) + " is not a JSON array", response.text());
                return FetchOutcome.partial("unexpected page format");
            }
            int fresh = 0;
            for (JsonNode posting : root) {
                String id = BoardUrls.id(posting, "id");
                if (id != null && seen.add(id)) {
                    fresh++;
                }
                mapper.map(posting, sink);
            }
            if (root.size() < pageSize) {
                return FetchOutcome.complete();
            }
            if (fresh == 0) {
                return FetchOutcome.partial("paging returned only postings already seen (a loop) at page " + (page + 1));
            }
        }
        return FetchOutcome.partial("stopped after max-pages=" + o.integer("max-pages"));
    }
}
