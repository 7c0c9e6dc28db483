package io.jobpulse.ingest.connector.hn;

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

import java.util.List;
import java.util.Locale;

import static io.jobpulse.ingest.connector.ConnectorOption.Type.STRING;
import static io.jobpulse.ingest.connector.JsonDocuments.array;
import static io.jobpulse.ingest.connector.JsonDocuments.text;

/**
 * Hacker News "Ask HN: Who is hiring?" through the HN Algolia API: the newest monthly thread by the
 * {@code whoishiring} account ({@code /api/v1/search_by_date}), then its top-level comments ({@code /api/v1/items/{id}}),
 * one posting each. A new month's thread replaces the last, so last month's postings close once it is fetched.
 */
public final class HnWhoIsHiringConnector implements JobBoardConnector {

    public static final String DEFAULT_BASE_URL = "https://hn.algolia.com";

    @Override
    public String name() {
        return "hn";
    }

    @Override
    public String description() {
        return "HN \"Who is hiring?\" monthly thread via the HN Algolia API: one posting per top-level comment";
    }

    @Override
    public String terms() {
        return "HN Algolia API is public and key-less; link back to each comment on news.ycombinator.com (kept as "
                + "url) and credit Hacker News. Two requests per run at 1 request/s; comments are the posters' own text.";
    }

    @Override
    public List<ConnectorOption> options() {
        return List.of(
                ConnectorOption.optional("thread-id", STRING, null, "A specific thread's item id (default: the newest monthly thread)"),
                ConnectorOption.optional("base-url", STRING, DEFAULT_BASE_URL, "API root"));
    }

    @Override
    public String defaultInstanceId(SourceOptions options) {
        return "hn:whoishiring";
    }

    @Override
    public FetchOutcome fetch(FetchContext ctx, ItemSink sink) throws Exception {
        String base = ctx.options().string("base-url");
        String threadId = ctx.options().string("thread-id");
        if (threadId == null) {
            FetchedResponse search = ctx.get(BoardUrls.of(base,
                    "/api/v1/search_by_date?tags=story,author_whoishiring&hitsPerPage=30"));
            JsonNode root = JsonDocuments.parse(search, sink).orElse(null);
            if (root == null) {
                return FetchOutcome.partial("malformed search response");
            }
            for (JsonNode hit : array(root, "hits")) {
                String title = text(hit, "title");
                if (title != null && title.toLowerCase(Locale.ROOT).contains("who is hiring")) {
                    threadId = text(hit, "objectID");
                    break;
                }
            }
            if (threadId == null) {
                throw new IllegalStateException("no \"Who is hiring?\" thread in the search results");
            }
        }
        FetchedResponse item = ctx.get(BoardUrls.of(base, "/api/v1/items/%s", threadId));
        JsonNode thread = JsonDocuments.parse(item, sink).orElse(null);
        if (thread == null) {
            return FetchOutcome.partial("malformed thread");
        }
        JsonNode children = thread.get("children");
        if (children == null || !children.isArray()) {
            sink.rejected(null, "thread " + threadId + " has no 'children' array", item.text());
            return FetchOutcome.partial("unexpected thread format");
        }
        HnCommentMapper mapper = new HnCommentMapper(threadId);
        for (JsonNode comment : children) {
            mapper.map(comment, sink);
        }
        return FetchOutcome.complete();
    }
}
