package io.jobpulse.ingest.connector.ashby;

import io.jobpulse.ingest.connector.BoardUrls;
import io.jobpulse.ingest.connector.ConnectorOption;
import io.jobpulse.ingest.connector.FetchContext;
import io.jobpulse.ingest.connector.FetchOutcome;
import io.jobpulse.ingest.connector.ItemSink;
import io.jobpulse.ingest.connector.JobBoardConnector;
import io.jobpulse.ingest.connector.SingleDocumentFetch;
import io.jobpulse.ingest.connector.SourceOptions;

import java.util.List;

import static io.jobpulse.ingest.connector.ConnectorOption.Type.STRING;

/** Ashby public job board API: {@code GET /posting-api/job-board/{board}?includeCompensation=true}. */
public final class AshbyConnector implements JobBoardConnector {

    public static final String DEFAULT_BASE_URL = "https://api.ashbyhq.com";

    @Override
    public String name() {
        return "ashby";
    }

    @Override
    public String description() {
        return "Ashby public job board API: listed jobs of one board, with compensation and structured addresses";
    }

    @Override
    public String terms() {
        return "Public posting API for a company's own careers page; link back to jobUrl (kept as url). "
                + "No published rate limit: one conditional request per board per run.";
    }

    @Override
    public List<ConnectorOption> options() {
        return List.of(
                ConnectorOption.required("board", STRING, "Job board name, as in jobs.ashbyhq.com/<board>"),
                ConnectorOption.optional("company", STRING, null, "Company name (default: the board name)"),
                ConnectorOption.optional("base-url", STRING, DEFAULT_BASE_URL, "API root"));
    }

    @Override
    public String defaultInstanceId(SourceOptions options) {
        return "ashby:" + options.string("board");
    }

    @Override
    public FetchOutcome fetch(FetchContext ctx, ItemSink sink) throws Exception {
        String board = ctx.options().string("board");
        AshbyMapper mapper = new AshbyMapper(board, ctx.options().has("company") ? ctx.options().string("company") : board);
        return SingleDocumentFetch.run(ctx, sink,
                BoardUrls.of(ctx.options().string("base-url"), "/posting-api/job-board/%s?includeCompensation=true", board),
                "jobs", job -> mapper.map(job, sink));
    }
}
