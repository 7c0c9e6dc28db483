package io.jobpulse.ingest.testing;

import io.jobpulse.ingest.connector.ConnectorOption;
import io.jobpulse.ingest.connector.FetchContext;
import io.jobpulse.ingest.connector.FetchOutcome;
import io.jobpulse.ingest.connector.FetchedItem;
import io.jobpulse.ingest.connector.JobBoardConnector;
import io.jobpulse.ingest.connector.PostingDraft;
import io.jobpulse.ingest.connector.SourceOptions;
import io.jobpulse.ingest.http.HostRateLimiter;
import io.jobpulse.ingest.http.HttpFetcher;
import io.jobpulse.ingest.http.HttpSettings;
import io.jobpulse.ingest.http.Validators;
import io.jobpulse.ingest.normalize.Normalization;
import io.jobpulse.ingest.normalize.PostingNormalizer;
import io.jobpulse.contracts.avro.JobPosting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs one connector against a {@link BoardServer} with fast retries and collects what it hands over. */
public final class ConnectorHarness {

    /** What one fetch produced. */
    public record Result(FetchOutcome outcome, List<FetchedItem> items, Map<String, Validators> validators) {

        public List<PostingDraft> drafts() {
            return items.stream().filter(i -> i instanceof FetchedItem.Parsed).map(i -> ((FetchedItem.Parsed) i).draft()).toList();
        }

        public List<FetchedItem.Rejected> rejected() {
            return items.stream().filter(i -> i instanceof FetchedItem.Rejected).map(i -> (FetchedItem.Rejected) i).toList();
        }

        public PostingDraft draft(String sourceId) {
            return drafts().stream().filter(d -> d.sourceId().equals(sourceId)).findFirst()
                    .orElseThrow(() -> new AssertionError("no draft " + sourceId + " in " + drafts().stream().map(PostingDraft::sourceId).toList()));
        }

        /** Normalizes a draft the way a run does, failing the test if it is rejected. */
        public JobPosting posting(String connector, String sourceId) {
            Normalization n = new PostingNormalizer(connector).normalize(draft(sourceId), Instant.parse("2026-01-15T12:00:00Z"));
            if (n instanceof Normalization.Accepted(JobPosting p)) {
                return p;
            }
            throw new AssertionError("rejected: " + n);
        }
    }

    private ConnectorHarness() {
    }

    public static HttpSettings fastHttp() {
        return new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), 3, Duration.ofMillis(10),
                Duration.ofMillis(50), Duration.ofSeconds(2), 8L * 1024 * 1024, HttpSettings.userAgent("tests@jobpulse.invalid"), 1000);
    }

    public static Result fetch(JobBoardConnector connector, Map<String, Object> options) throws Exception {
        return fetch(connector, options, Map.of());
    }

    public static Result fetch(JobBoardConnector connector, Map<String, Object> options,
                               Map<String, Validators> previous) throws Exception {
        Map<String, Object> values = new HashMap<>();
        for (ConnectorOption o : connector.options()) {
            if (o.defaultValue() != null) {
                values.put(o.name(), o.defaultValue());
            }
        }
        values.putAll(options);
        HttpFetcher http = new HttpFetcher(fastHttp(), new HostRateLimiter(), d -> Thread.sleep(d.toMillis()));
        FetchContext ctx = new FetchContext("test", SourceOptions.of(values), http, 1000, previous, null);
        List<FetchedItem> items = new ArrayList<>();
        FetchOutcome outcome = connector.fetch(ctx, items::add);
        return new Result(outcome, items, ctx.newValidators());
    }
}
