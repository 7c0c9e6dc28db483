package io.jobpulse.ingest.run;

import io.jobpulse.contracts.Topics;
import io.jobpulse.contracts.avro.JobPosting;
import io.jobpulse.ingest.config.SourceSettings;
import io.jobpulse.ingest.connector.FetchContext;
import io.jobpulse.ingest.connector.FetchOutcome;
import io.jobpulse.ingest.connector.FetchedItem;
import io.jobpulse.ingest.connector.PostingDraft;
import io.jobpulse.ingest.http.HttpFetchException;
import io.jobpulse.ingest.http.HttpFetcher;
import io.jobpulse.ingest.normalize.Normalization;
import io.jobpulse.ingest.normalize.PostingNormalizer;
import io.jobpulse.ingest.publish.DeadLetter;
import io.jobpulse.ingest.publish.OutgoingRecord;
import io.jobpulse.ingest.publish.PostingPublisher;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * One source's part of a run: fetch through its connector, normalize each item, compare its content hash with the
 * checkpoint, and publish what is new or changed together with its checkpoint entry, in transactional batches (each
 * batch carries its postings' entries as chunk records, see {@link CheckpointStore}).
 * After a complete fetch (and only then), postings the checkpoint knows but the source no longer lists are
 * published as CLOSED and their checkpoint entries removed. The source's checkpoint header goes in the last batch.
 */
final class SourceRun {

    private static final Logger LOG = LoggerFactory.getLogger(SourceRun.class);
    private static final int MAX_IN_FLIGHT_BATCHES = 2;
    /** Postings whose serialized form is larger are rejected rather than failing the batch (broker default ~1 MB). */
    static final int MAX_RECORD_BYTES = 1_000_000;

    /** Thrown out of the item sink when publishing failed, to stop the connector. */
    private static final class PublishFailed extends RuntimeException {
        PublishFailed(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    private final SourceSettings source;
    private final SourceCheckpoint checkpoint;
    private final HttpFetcher http;
    private final PostingPublisher publisher;
    private final Serializer<JobPosting> serializer;
    private final PostingNormalizer normalizer;
    private final int transactionSize;
    private final int maxDeadLetterBytes;
    private final String runId;
    private final Clock clock;
    private final ProgressReporter progress;

    /** Normalization (HTML rendering, hashing, Avro) runs on these threads; results are applied in source order. */
    private final java.util.concurrent.ExecutorService workers;
    private final Deque<Pending> pending = new ArrayDeque<>();
    private final Set<String> seen = new HashSet<>();
    private final Map<String, String> duplicateCheck = new HashMap<>();
    private final Deque<CompletableFuture<Void>> inFlight = new ArrayDeque<>();
    private List<OutgoingRecord> batch = new ArrayList<>();
    /** The checkpoint entries of the postings in {@link #batch}, sent in the same transaction. */
    private final CheckpointStore.ChunkWriter chunks;
    private boolean unidentifiedRejection;
    private int fetched;
    private int created;
    private int changed;
    private int unchanged;
    private int closed;
    private int rejected;
    private Instant fetchedAt;

    /** A draft being normalized on a worker, in the order the source gave it. */
    private record Pending(PostingDraft draft, CompletableFuture<Prepared> result) {
    }

    /** A normalized posting, serialized when it differs from the checkpoint. */
    private record Prepared(Normalization normalization, byte[] value) {
    }

    private static final int MAX_PENDING = 512;

    SourceRun(SourceSettings source, SourceCheckpoint checkpoint, HttpFetcher http, PostingPublisher publisher,
              Serializer<JobPosting> serializer, int maxDescriptionChars, int transactionSize, int maxDeadLetterBytes,
              String runId, Clock clock, ProgressReporter progress, java.util.concurrent.ExecutorService workers) {
        this.workers = workers;
        this.source = source;
        this.checkpoint = checkpoint;
        this.http = http;
        this.publisher = publisher;
        this.serializer = serializer;
        this.normalizer = new PostingNormalizer(source.connector().name(), maxDescriptionChars);
        this.transactionSize = transactionSize;
        this.maxDeadLetterBytes = maxDeadLetterBytes;
        this.runId = runId;
        this.clock = clock;
        this.progress = progress;
        this.chunks = new CheckpointStore.ChunkWriter(checkpoint, runId);
    }

    SourceSummary run(boolean ignoreMinInterval) {
        Instant started = clock.instant();
        String name = source.connector().name();
        if (!ignoreMinInterval && checkpoint.lastCompleteAt() != null && !source.minInterval().isZero()) {
            Instant due = checkpoint.lastCompleteAt().plus(source.minInterval());
            if (started.isBefore(due)) {
                return summary(SourceSummary.Status.SKIPPED, 0, started, "not due until " + due
                        + " (min-interval " + source.minInterval() + ")");
            }
        }
        progress.started(source.id());
        fetchedAt = started.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        FetchContext ctx = new FetchContext(source.id(), source.options(), http, source.requestsPerSecond(),
                checkpoint.validators(), (pages, total) -> progress.page(source.id(), pages, total));
        ctx.beforeRequest(() -> applyPending(0));
        FetchOutcome outcome;
        String error = null;
        try {
            outcome = source.connector().fetch(ctx, this::accept);
            applyPending(0);
        } catch (PublishFailed e) {
            return failed(started, "publishing failed: " + e.getMessage());
        } catch (HttpFetchException e) {
            outcome = null;
            error = e.getMessage();
            applyPendingQuietly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(started, "interrupted");
        } catch (Exception e) {
            outcome = null;
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            LOG.debug("source {} failed", source.id(), e);
            applyPendingQuietly();
        } finally {
            progress.finished(source.id());
        }
        SourceSummary.Status status;
        String message;
        if (outcome == null) {
            status = SourceSummary.Status.FAILED;
            message = error;
        } else if (outcome instanceof FetchOutcome.NotModified) {
            status = SourceSummary.Status.NOT_MODIFIED;
            unchanged = checkpoint.postings().size();
            message = "";
        } else if (outcome instanceof FetchOutcome.Partial p) {
            status = SourceSummary.Status.PARTIAL;
            message = p.reason() + "; nothing closed";
        } else if (unidentifiedRejection) {
            status = SourceSummary.Status.PARTIAL;
            message = "some rejected items had no readable id; nothing closed";
        } else {
            status = SourceSummary.Status.COMPLETE;
            message = "";
        }
        try {
            if (status == SourceSummary.Status.COMPLETE) {
                closeUnlisted();
            }
            if (status == SourceSummary.Status.COMPLETE || status == SourceSummary.Status.NOT_MODIFIED) {
                Map<String, io.jobpulse.ingest.http.Validators> v = new HashMap<>(checkpoint.validators());
                v.putAll(ctx.newValidators());
                checkpoint.validators(v);
                checkpoint.lastCompleteAt(fetchedAt);
            }
            // Every earlier batch must have committed before the last one goes out: it records the fetch as complete
            // (validators) and may rewrite the instance's entries from the state those batches built.
            flush();
            drain(0);
            if (CheckpointStore.rewriteDue(checkpoint)) {
                batch.addAll(CheckpointStore.rewrite(checkpoint, runId));
            }
            batch.add(CheckpointStore.sourceEntry(checkpoint, name, fetchedAt, checkpoint.postings().size()));
            flush();
            drain(0);
        } catch (PublishFailed e) {
            return failed(started, "publishing failed: " + e.getMessage());
        }
        return summary(status, status == SourceSummary.Status.FAILED ? 1 : 0, started, message);
    }

    private void accept(FetchedItem item) {
        fetched++;
        progress.item(source.id());
        switch (item) {
            case FetchedItem.Parsed(PostingDraft draft) -> {
                pending.add(new Pending(draft, CompletableFuture.supplyAsync(() -> prepare(draft), workers)));
                applyPending(MAX_PENDING);
            }
            case FetchedItem.Rejected(String sourceId, String reason, Supplier<String> raw) -> {
                applyPending(0); // keep dead letters and postings in source order
                if (sourceId == null) {
                    unidentifiedRejection = true;
                } else {
                    seen.add(source.connector().name() + ":" + sourceId);
                }
                reject(sourceId, reason, raw);
            }
        }
    }

    /** On a worker: normalize, and serialize unless the checkpoint already has this content. */
    private Prepared prepare(PostingDraft draft) {
        Normalization n = normalizer.normalize(draft, fetchedAt);
        if (n instanceof Normalization.Accepted(JobPosting posting)) {
            SourceCheckpoint.PostingState previous = checkpoint.postings().get(posting.getId());
            if (previous == null || !previous.hash().equals(posting.getContentHash())) {
                return new Prepared(n, serializer.serialize(Topics.POSTINGS.name(), posting));
            }
        }
        return new Prepared(n, null);
    }

    /** Applies finished normalizations in order until at most {@code keep} are pending. */
    private void applyPending(int keep) {
        while (pending.size() > keep) {
            Pending p = pending.poll();
            Prepared prepared;
            try {
                prepared = p.result().join();
            } catch (CompletionException e) {
                reject(p.draft().sourceId(), "normalization failed: " + e.getCause(), p.draft().rawPayload());
                continue;
            }
            PostingDraft draft = p.draft();
            switch (prepared.normalization()) {
                case Normalization.Rejected(String reason) -> {
                    seen.add(source.connector().name() + ":" + draft.sourceId());
                    reject(draft.sourceId(), reason, draft.rawPayload());
                }
                case Normalization.Accepted(JobPosting posting) -> publishIfChanged(posting, prepared.value(), draft);
            }
        }
    }

    private void applyPendingQuietly() {
        try {
            applyPending(0);
        } catch (PublishFailed e) {
            pending.clear();
        }
    }

    private void publishIfChanged(JobPosting posting, byte[] value, PostingDraft draft) {
        String id = posting.getId();
        if (!seen.add(id)) {
            reject(posting.getSourceId(), "duplicate id within one response", draft.rawPayload());
            return;
        }
        SourceCheckpoint.PostingState previous = checkpoint.postings().get(id);
        if (previous != null && previous.hash().equals(posting.getContentHash())) {
            unchanged++;
            return;
        }
        if (value == null) {
            value = serializer.serialize(Topics.POSTINGS.name(), posting);
        }
        if (value.length > MAX_RECORD_BYTES) {
            reject(posting.getSourceId(), "posting of " + value.length + " bytes serialized exceeds "
                    + MAX_RECORD_BYTES, draft.rawPayload());
            return;
        }
        if (previous == null) {
            created++;
        } else {
            changed++;
        }
        checkpoint.postings().put(id, new SourceCheckpoint.PostingState(posting.getContentHash(), posting.getBoard()));
        batch.add(new OutgoingRecord(Topics.POSTINGS.name(), id, value));
        addChunkIfFull(chunks.put(id, posting.getContentHash(), posting.getBoard()));
        maybeFlush();
    }

    private void closeUnlisted() {
        String name = source.connector().name();
        List<String> gone = checkpoint.postings().keySet().stream().filter(id -> !seen.contains(id)).sorted().toList();
        for (String id : gone) {
            SourceCheckpoint.PostingState state = checkpoint.postings().remove(id);
            String sourceId = id.startsWith(name + ":") ? id.substring(name.length() + 1) : id;
            JobPosting event = PostingNormalizer.closed(id, name, sourceId, state.board(), state.hash(), fetchedAt);
            batch.add(new OutgoingRecord(Topics.POSTINGS.name(), id, serializer.serialize(Topics.POSTINGS.name(), event)));
            addChunkIfFull(chunks.closed(id));
            closed++;
            maybeFlush();
        }
    }

    private void reject(String sourceId, String reason, Supplier<String> raw) {
        rejected++;
        DeadLetter letter = new DeadLetter(source.id(), source.connector().name(), sourceId, reason, raw.get(), runId,
                clock.instant());
        batch.add(new OutgoingRecord(Topics.INGEST_DEAD_LETTERS.name(), source.id(), letter.toJson(maxDeadLetterBytes)));
        maybeFlush();
    }

    private void maybeFlush() {
        if (batch.size() >= transactionSize) {
            flush();
        }
    }

    private void addChunkIfFull(OutgoingRecord fullChunk) {
        if (fullChunk != null) {
            batch.add(fullChunk);
        }
    }

    private void flush() {
        addChunkIfFull(chunks.take());
        if (batch.isEmpty()) {
            return;
        }
        inFlight.add(publisher.publish(batch));
        batch = new ArrayList<>();
        drain(MAX_IN_FLIGHT_BATCHES);
    }

    /** Waits until at most {@code keep} batches are in flight, surfacing a failed one. */
    private void drain(int keep) {
        while (inFlight.size() > keep) {
            try {
                inFlight.poll().join();
            } catch (CompletionException e) {
                inFlight.forEach(f -> f.exceptionally(t -> null).join());
                inFlight.clear();
                throw new PublishFailed(e.getCause() == null ? e : e.getCause());
            }
        }
    }

    private SourceSummary failed(Instant started, String message) {
        return summary(SourceSummary.Status.FAILED, 1, started, message);
    }

    private SourceSummary summary(SourceSummary.Status status, int errors, Instant started, String message) {
        return new SourceSummary(source.id(), source.connector().name(), status, fetched, created, changed, unchanged,
                closed, rejected, errors, Duration.between(started, clock.instant()).toMillis(), message);
    }
}
