package io.jobpulse.ingest.connector.jsonld;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jobpulse.ingest.connector.ConnectorOption;
import io.jobpulse.ingest.connector.FetchContext;
import io.jobpulse.ingest.connector.FetchOutcome;
import io.jobpulse.ingest.connector.ItemSink;
import io.jobpulse.ingest.connector.JobBoardConnector;
import io.jobpulse.ingest.connector.JsonDocuments;
import io.jobpulse.ingest.connector.SourceOptions;
import io.jobpulse.ingest.http.FetchedResponse;
import io.jobpulse.ingest.http.HttpFetchException;
import io.jobpulse.ingest.http.RobotsPolicy;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static io.jobpulse.ingest.connector.ConnectorOption.Type.INT;
import static io.jobpulse.ingest.connector.ConnectorOption.Type.STRING;
import static io.jobpulse.ingest.connector.ConnectorOption.Type.STRING_LIST;

/**
 * schema.org {@code JobPosting} in JSON-LD, read from career pages: each configured URL, and optionally the pages
 * it links to whose URL matches {@code follow}. robots.txt of every host is fetched first and obeyed (our token is
 * {@code jobpulse}); a disallowed page is skipped and makes the fetch partial, so nothing closes on its account.
 */
public final class JsonLdConnector implements JobBoardConnector {

    static final String ROBOTS_TOKEN = "jobpulse";

    @Override
    public String name() {
        return "jsonld";
    }

    @Override
    public String description() {
        return "schema.org JobPosting JSON-LD embedded in career pages (robots.txt respected)";
    }

    @Override
    public String terms() {
        return "Pages are the site owner's: robots.txt (Allow/Disallow, Crawl-delay) is always obeyed, requests go "
                + "at 0.5/s per host by default, and each posting links back to its page (url).";
    }

    @Override
    public double defaultRequestsPerSecond() {
        return 0.5;
    }

    @Override
    public List<ConnectorOption> options() {
        return List.of(
                ConnectorOption.required("urls", STRING_LIST, "Career page URLs carrying JobPosting JSON-LD"),
                ConnectorOption.optional("follow", STRING, null, "Regex: also fetch links on those pages whose absolute URL matches (one level, same host)"),
                ConnectorOption.optional("max-pages", INT, 200, "Stop (as a partial fetch) after this many pages"),
                ConnectorOption.optional("company", STRING, null, "Company name when hiringOrganization is missing"),
                ConnectorOption.optional("name", STRING, null, "Instance name (default: first URL's host)"));
    }

    @Override
    public String defaultInstanceId(SourceOptions options) {
        if (options.has("name")) {
            return "jsonld:" + options.string("name");
        }
        List<String> urls = options.strings("urls");
        String host = urls.isEmpty() ? "unknown" : String.valueOf(URI.create(urls.getFirst().strip()).getHost());
        return "jsonld:" + host;
    }

    @Override
    public FetchOutcome fetch(FetchContext ctx, ItemSink sink) throws Exception {
        SourceOptions o = ctx.options();
        Pattern follow = o.has("follow") ? Pattern.compile(o.string("follow")) : null;
        int maxPages = o.integer("max-pages");
        Map<String, RobotsPolicy> robots = new HashMap<>();
        Deque<URI> queue = new ArrayDeque<>();
        Set<String> queued = new LinkedHashSet<>();
        Set<URI> seeds = new LinkedHashSet<>();
        for (String u : o.strings("urls")) {
            URI uri = URI.create(u.strip());
            seeds.add(uri);
            if (queued.add(uri.toString())) {
                queue.add(uri);
            }
        }
        JsonLdMapper mapper = new JsonLdMapper(o.string("company"));
        String partial = null;
        int pages = 0;
        while (!queue.isEmpty()) {
            URI page = queue.poll();
            if (pages >= maxPages) {
                partial = "stopped after max-pages=" + maxPages;
                break;
            }
            RobotsPolicy policy = robots.computeIfAbsent(origin(page), h -> robotsFor(ctx, page));
            if (!policy.allows(page)) {
                partial = "robots.txt disallows " + page;
                continue;
            }
            if (policy.crawlDelaySeconds() != null && policy.crawlDelaySeconds() > 0) {
                Thread.sleep((long) (Math.min(policy.crawlDelaySeconds(), 30) * 1000));
            }
            FetchedResponse response;
            try {
                response = ctx.get(page, false, b -> b.header("Accept", "text/html,application/xhtml+xml"));
            } catch (HttpFetchException e) {
                partial = "page failed: " + e.getMessage();
                continue;
            }
            pages++;
            Document doc = Jsoup.parse(response.text(), page.toString());
            int found = 0;
            for (Element script : doc.select("script[type=application/ld+json]")) {
                String json = script.data().strip();
                if (json.startsWith("<!--")) {
                    json = json.substring(4, json.endsWith("-->") ? json.length() - 3 : json.length()).strip();
                }
                JsonNode node;
                try {
                    node = JsonDocuments.MAPPER.readTree(json);
                } catch (JsonProcessingException e) {
                    sink.rejected(null, "malformed JSON-LD on " + page + ": " + e.getOriginalMessage(), json);
                    partial = "malformed JSON-LD on " + page;
                    continue;
                }
                List<JsonNode> postings = new ArrayList<>();
                collect(node, postings);
                for (JsonNode posting : postings) {
                    mapper.map(posting, page, found++, sink);
                }
            }
            if (follow != null && seeds.contains(page)) {
                for (Element a : doc.select("a[href]")) {
                    String href = a.absUrl("href");
                    int hash = href.indexOf('#');
                    if (hash >= 0) {
                        href = href.substring(0, hash);
                    }
                    if (href.isEmpty() || !follow.matcher(href).find()) {
                        continue;
                    }
                    URI link = URI.create(href.replace(" ", "%20"));
                    if (origin(link).equals(origin(page)) && queued.add(link.toString())) {
                        queue.add(link);
                    }
                }
            }
        }
        return partial == null ? FetchOutcome.complete() : FetchOutcome.partial(partial);
    }

    /** Finds JobPosting objects anywhere: top level, arrays, {@code @graph}, or nested (e.g. an ItemList). */
    static void collect(JsonNode node, List<JsonNode> out) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collect(n, out));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (isJobPosting(node.get("@type"))) {
            out.add(node);
            return;
        }
        node.forEach(child -> {
            if (child.isContainerNode()) {
                collect(child, out);
            }
        });
    }

    private static boolean isJobPosting(JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (isJobPosting(t)) {
                    return true;
                }
            }
            return false;
        }
        String t = type.asText();
        return t.equals("JobPosting") || t.endsWith("/JobPosting") || t.endsWith(":JobPosting");
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + String.valueOf(uri.getHost()).toLowerCase(Locale.ROOT)
                + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
    }

    /** RFC 9309: 4xx means no restrictions; an unreachable robots.txt (5xx, errors) means disallow all. */
    private static RobotsPolicy robotsFor(FetchContext ctx, URI page) {
        URI robotsUri = URI.create(origin(page) + "/robots.txt");
        try {
            FetchedResponse r = ctx.get(robotsUri);
            return RobotsPolicy.parse(r.text(), ROBOTS_TOKEN);
        } catch (HttpFetchException e) {
            return e.status() >= 400 && e.status() < 500 ? RobotsPolicy.ALLOW_ALL : RobotsPolicy.DISALLOW_ALL;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RobotsPolicy.DISALLOW_ALL;
        }
    }

}
