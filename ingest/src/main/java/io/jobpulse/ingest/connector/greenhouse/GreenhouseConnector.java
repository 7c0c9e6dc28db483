package io.jobpulse.ingest.connector.greenhouse;

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
import java.util.List;

import static io.jobpulse.ingest.connector.ConnectorOption.Type.STRING;

/** Greenhouse job board API: {@code GET /v1/boards/{board}/jobs?content=true}, one document per board. */
public final class GreenhouseConnector implements JobBoardConnector {

    public static final String DEFAULT_BASE_URL = "https://boards-api.greenhouse.io";

    @Override
    public String name() {
        return "greenhouse";
    }

    @Override
    public String description() {
        return "Greenhouse job board API: every published job of one board, with content, offices and departments";
    }

    @Override
    public String terms() {
        return "Public, key-less board API meant for embedding a company's own board; link back to each job's "
                + "absolute_url (kept as url). No published rate limit: one request per board per run, conditional.";
    }

    @Override
    public List<ConnectorOption> options() {
        return List.of(
                ConnectorOption.required("board", STRING, "Board token, as in boards.greenhouse.io/<token>"),
                ConnectorOption.optional("company", STRING, null, "Company name when the API gives none (default: the board token)"),
                ConnectorOption.optional("base-url", STRING, DEFAULT_BASE_URL, "API root"));
    }

    @Override
    public String defaultInstanceId(SourceOptions options) {
        return "greenhouse:" + options.string("board");
    }

    @Override
    public FetchOutcome fetch(FetchContext ctx, ItemSink sink) throws Exception {
        String board = ctx.options().string("board");
        URI uri = BoardUrls.of(ctx.options().string("base-url"), "/v1/boards/%s/jobs?content=true", board);
        FetchedResponse response = ctx.get(uri, true, b -> b.header("Accept", "application/json"));
        if (response.notModified()) {
            return new FetchOutcome.NotModified();
        }
        JsonNode root = JsonDocuments.parse(response, sink).orElse(null);
        if (root == null) {
            return FetchOutcome.partial("malformed response");
        }
        JsonNode jobs = root.get("jobs");
        if (jobs == null || !jobs.isArray()) {
            sink.rejected(null, "response has no 'jobs' array", response.text());
            return FetchOutcome.partial("response has no 'jobs' array");
        }
        GreenhouseMapper mapper = new GreenhouseMapper(board, ctx.options().string("company"));
        for (JsonNode job : jobs) {
            mapper.map(job, sink);
        }
        return FetchOutcome.complete();
    }
}
