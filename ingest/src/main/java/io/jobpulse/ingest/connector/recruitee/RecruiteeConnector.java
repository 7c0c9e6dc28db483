package io.jobpulse.ingest.connector.recruitee;

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

/** Recruitee offers API: {@code GET https://{company}.recruitee.com/api/offers/}. */
public final class RecruiteeConnector implements JobBoardConnector {

    @Override
    public String name() {
        return "recruitee";
    }

    @Override
    public String description() {
        return "Recruitee careers-site offers API: published offers of one company, with salary and locations";
    }

    @Override
    public String terms() {
        return "Public careers-site API of one company; link back to careers_url (kept as url). No published rate "
                + "limit: one conditional request per company per run.";
    }

    @Override
    public List<ConnectorOption> options() {
        return List.of(
                ConnectorOption.required("company", STRING, "Careers site subdomain, as in <company>.recruitee.com"),
                ConnectorOption.optional("base-url", STRING, null, "API root (default: https://<company>.recruitee.com)"));
    }

    @Override
    public String defaultInstanceId(SourceOptions options) {
        return "recruitee:" + options.string("company");
    }

    @Override
    public FetchOutcome fetch(FetchContext ctx, ItemSink sink) throws Exception {
        String company = ctx.options().string("company");
        String base = ctx.options().has("base-url") ? ctx.options().string("base-url")
                : "https://" + BoardUrls.encode(company) + ".recruitee.com";
        RecruiteeMapper mapper = new RecruiteeMapper(company);
        return SingleDocumentFetch.run(ctx, sink, BoardUrls.of(base, "/api/offers/"), "offers",
                offer -> mapper.map(offer, sink));
    }
}
