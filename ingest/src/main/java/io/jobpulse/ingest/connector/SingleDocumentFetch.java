package io.jobpulse.ingest.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobpulse.ingest.http.FetchedResponse;

import java.net.URI;
import java.util.function.Consumer;

/**
 * The shape most board APIs share: one conditional GET returns every posting in one JSON array. Handles 304,
 * malformed JSON and a missing array the same way for each of them.
 */
public final class SingleDocumentFetch {

    private SingleDocumentFetch() {
    }

    /**
     * @param arrayField the field holding the postings, or null when the document itself is the array
     * @param perItem    maps one element
     */
    public static FetchOutcome run(FetchContext ctx, ItemSink sink, URI uri, String arrayField,
                                   Consumer<JsonNode> perItem) throws Exception {
        return run(ctx, sink, uri, arrayField, root -> { }, perItem);
    }

    /** As {@link #run(FetchContext, ItemSink, URI, String, Consumer)}, first handing the whole document to {@code onRoot}. */
    public static FetchOutcome run(FetchContext ctx, ItemSink sink, URI uri, String arrayField,
                                   Consumer<JsonNode> onRoot, Consumer<JsonNode> perItem) throws Exception {
        FetchedResponse response = ctx.get(uri, true, b -> b.header("Accept", "application/json"));
        if (response.notModified()) {
            return new FetchOutcome.NotModified();
        }
        JsonNode root = JsonDocuments.parse(response, sink).orElse(null);
        if (root == null) {
            return FetchOutcome.partial("malformed response");
        }
        JsonNode items = arrayField == null ? root : root.get(arrayField);
        if (items == null || !items.isArray()) {
            String what = arrayField == null ? "response is not a JSON array" : "response has no '" + arrayField + "' array";
            sink.rejected(null, what, response.text());
            return FetchOutcome.partial(what);
        }
        onRoot.accept(root);
        for (JsonNode item : items) {
            perItem.accept(item);
        }
        return FetchOutcome.complete();
    }
}
