package io.jobpulse.demo.boards;

import io.jobpulse.contracts.avro.JobPosting;
import io.jobpulse.ingest.config.IngestConfig;
import io.jobpulse.ingest.config.IngestConfigParser;
import io.jobpulse.ingest.config.SourceSettings;
import io.jobpulse.ingest.connector.ConnectorRegistry;
import io.jobpulse.ingest.connector.FetchContext;
import io.jobpulse.ingest.connector.FetchOutcome;
import io.jobpulse.ingest.connector.FetchedItem;
import io.jobpulse.ingest.http.HostRateLimiter;
import io.jobpulse.ingest.http.HttpFetcher;
import io.jobpulse.ingest.http.Validators;
import io.jobpulse.ingest.normalize.Normalization;
import io.jobpulse.ingest.normalize.PostingNormalizer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads every source of the server's generated sources.yaml the way an ingest run does: the real config parser,
 * connectors, HTTP client and normalizer (everything but Kafka).
 */
final class BoardFetch {

    /** What one pass over all sources produced. */
    record Result(Map<String, FetchOutcome> outcomes, Map<String, JobPosting> accepted, Map<String, String> rejected,
                  Map<String, Map<String, Validators>> validators) {
    }

    private final IngestConfig config;
    private final HttpFetcher http;

    BoardFetch(SampleBoardServer server) throws Exception {
        this.config = new IngestConfigParser(ConnectorRegistry.builtIn())
                .parse(SourcesFile.yaml(server, "demo-test"), "sources.yaml");
        this.http = new HttpFetcher(config.http(), new HostRateLimiter(), d -> Thread.sleep(d.toMillis()));
    }

    IngestConfig config() {
        return config;
    }

    Result fetchAll(Map<String, Map<String, Validators>> previous) throws Exception {
        Map<String, FetchOutcome> outcomes = new LinkedHashMap<>();
        Map<String, JobPosting> accepted = new LinkedHashMap<>();
        Map<String, String> rejected = new LinkedHashMap<>();
        Map<String, Map<String, Validators>> validators = new HashMap<>();
        Instant now = Instant.now();
        for (SourceSettings s : config.enabledSources()) {
            FetchContext ctx = new FetchContext(s.id(), s.options(), http, s.requestsPerSecond(),
                    previous.getOrDefault(s.id(), Map.of()), null);
            List<FetchedItem> items = new ArrayList<>();
            outcomes.put(s.id(), s.connector().fetch(ctx, items::add));
            validators.put(s.id(), ctx.newValidators());
            PostingNormalizer normalizer = new PostingNormalizer(s.connector().name());
            for (FetchedItem item : items) {
                switch (item) {
                    case FetchedItem.Parsed p -> {
                        switch (normalizer.normalize(p.draft(), now)) {
                            case Normalization.Accepted a -> accepted.put(a.posting().getId(), a.posting());
                            case Normalization.Rejected r -> rejected.put(s.connector().name() + ":" + p.draft().sourceId(), r.reason());
                        }
                    }
                    case FetchedItem.Rejected r -> rejected.put(String.valueOf(r.sourceId()), r.reason());
                }
            }
        }
        return new Result(outcomes, accepted, rejected, validators);
    }
}
