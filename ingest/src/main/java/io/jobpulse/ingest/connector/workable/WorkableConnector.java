package io.jobpulse.ingest.connector.workable;

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

/** Workable account widget API: {@code GET /api/v1/widget/accounts/{account}?details=true}. */
public final class WorkableConnector implements JobBoardConnector {

    public static final String DEFAULT_BASE_URL = "https://apply.workable.com";

    @Override
    public String name() {
        return "workable";
    }

    @Override
    public String description() {
        return "Workable account widget API: published jobs of one account, with descriptions and locations";
    }

    @Override
    public String terms() {
        return "Public widget endpoint for embedding an account's jobs on its own site; link back to the job url "
                + "(kept as url). Workable rate-limits its APIs; one conditional request per account per run, "
                + "0.5 requests/s by default.";
    }

    @Override
    public double defaultRequestsPerSecond() {
        return 0.5;
    }

    @Override
    public List<ConnectorOption> options() {
        return List.of(
                ConnectorOption.required("account", STRING, "Account subdomain, as in apply.workable.com/<account>"),
                ConnectorOption.optional("base-url", STRING, DEFAULT_BASE_URL, "API root"));
    }

    @Override
    public String defaultInstanceId(SourceOptions options) {
        return "workable:" + options.string("account");
    }

    @Override
    public FetchOutcome fetch(FetchContext ctx, ItemSink sink) throws Exception {
        String account = ctx.options().string("account");
        WorkableMapper mapper = new WorkableMapper(account);
        return SingleDocumentFetch.run(ctx, sink,
                BoardUrls.of(ctx.options().string("base-url"), "/api/v1/widget/accounts/%s?details=true", account),
                "jobs", mapper::root, job -> mapper.map(job, sink));
    }
}
