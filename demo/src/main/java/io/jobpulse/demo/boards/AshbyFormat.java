package io.jobpulse.demo.boards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobpulse.demo.corpus.Board;
import io.jobpulse.demo.corpus.Job;
import io.jobpulse.demo.corpus.Listing;
import io.jobpulse.demo.corpus.Place;
import io.jobpulse.demo.corpus.Salary;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ashby public job board API: {@code GET /posting-api/job-board/{board}?includeCompensation=true}, with postal
 * addresses and compensation components.
 */
final class AshbyFormat implements BoardFormat {

    private static final Pattern BOARD = Pattern.compile("/posting-api/job-board/([^/]+)");

    @Override
    public Board board() {
        return Board.ASHBY;
    }

    @Override
    public BoardResponse respond(String path, Map<String, String> query, BoardDay day, String serverUrl) {
        Matcher m = BOARD.matcher(path);
        if (!m.matches()) {
            return BoardResponse.notFound(path);
        }
        boolean compensation = "true".equals(query.get("includeCompensation"));
        ObjectNode root = BoardDay.object();
        root.put("apiVersion", "1");
        ArrayNode jobs = root.putArray("jobs");
        for (Listing l : day.listings(Board.ASHBY, m.group(1))) {
            jobs.add(job(l, day, serverUrl, compensation));
        }
        return BoardResponse.json(root);
    }

    private static ObjectNode job(Listing l, BoardDay day, String serverUrl, boolean withCompensation) {
        Job j = day.job(l);
        Place p = j.place();
        ObjectNode n = BoardDay.object();
        n.put("id", l.itemId());
        n.put("title", day.title(l));
        n.put("location", p.text());
        n.putArray("secondaryLocations");
        n.put("department", BoardDay.department(j));
        n.put("team", BoardDay.department(j));
        n.put("isListed", true);
        n.put("isRemote", p.remote());
        n.put("workplaceType", switch (j.workMode()) {
            case "remote" -> "Remote";
            case "hybrid" -> "Hybrid";
            default -> "OnSite";
        });
        String html = day.descriptionHtml(l);
        n.put("descriptionHtml", html);
        n.put("descriptionPlain", html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip());
        n.put("publishedAt", l.postedAt().toString());
        n.put("updatedAt", day.updatedAt(l).toString());
        n.put("employmentType", BoardDay.contract(j) ? "Contract" : "FullTime");
        if (!p.remote()) {
            ObjectNode postal = n.putObject("address").putObject("postalAddress");
            postal.put("addressLocality", p.city());
            if (p.region() != null) {
                postal.put("addressRegion", p.region());
            }
            postal.put("addressCountry", p.countryName());
        }
        n.put("jobUrl", BoardDay.jobUrl(serverUrl, l));
        n.put("applyUrl", BoardDay.jobUrl(serverUrl, l) + "/application");
        Salary s = day.version(l).salary();
        n.put("shouldDisplayCompensationOnJobPostings", s != null);
        if (withCompensation) {
            ObjectNode comp = n.putObject("compensation");
            ArrayNode summary = comp.putArray("summaryComponents");
            ArrayNode tiers = comp.putArray("compensationTiers");
            if (s != null) {
                String text = summary(s);
                comp.put("compensationTierSummary", text);
                comp.put("scrapeableCompensationSalarySummary", text);
                ObjectNode component = BoardDay.object().put("id", "s-" + l.itemId().substring(0, 8)).put("summary", text)
                        .put("compensationType", "Salary").put("interval", s.hourly() ? "1 HOUR" : "1 YEAR")
                        .put("currencyCode", s.currency()).put("minValue", s.min()).put("maxValue", s.max());
                summary.add(component);
                ObjectNode tier = tiers.addObject().put("id", "t-" + l.itemId().substring(0, 8)).put("tierSummary", text)
                        .put("title", "Base");
                tier.putNull("additionalInformation");
                tier.putArray("components").add(component.deepCopy());
            } else {
                comp.putNull("compensationTierSummary");
                comp.putNull("scrapeableCompensationSalarySummary");
            }
        }
        return n;
    }

    /** Ashby's own short form: "$150K – $190K", "€60 – €75 per hour". */
    private static String summary(Salary s) {
        String symbol = switch (s.currency()) {
            case "USD" -> "$";
            case "EUR" -> "€";
            case "GBP" -> "£";
            default -> s.currency() + " ";
        };
        if (s.hourly()) {
            return symbol + s.min() + " – " + symbol + s.max() + " per hour";
        }
        return String.format(Locale.ROOT, "%s%dK – %s%dK", symbol, s.min() / 1000, symbol, s.max() / 1000);
    }
}
