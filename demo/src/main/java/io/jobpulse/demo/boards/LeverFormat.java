package io.jobpulse.demo.boards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobpulse.demo.corpus.Board;
import io.jobpulse.demo.corpus.Job;
import io.jobpulse.demo.corpus.JobText;
import io.jobpulse.demo.corpus.Listing;
import io.jobpulse.demo.corpus.Salary;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lever postings API: {@code GET /v0/postings/{site}?mode=json&skip=N&limit=M}, a bare JSON array per page; the
 * description split into an opening, titled lists and closing text; times in epoch milliseconds.
 */
final class LeverFormat implements BoardFormat {

    private static final Pattern POSTINGS = Pattern.compile("/v0/postings/([^/]+)");

    @Override
    public Board board() {
        return Board.LEVER;
    }

    @Override
    public BoardResponse respond(String path, Map<String, String> query, BoardDay day, String serverUrl) {
        Matcher m = POSTINGS.matcher(path);
        if (!m.matches() || !"json".equals(query.get("mode"))) {
            return BoardResponse.notFound(path);
        }
        List<Listing> listings = day.listings(Board.LEVER, m.group(1));
        int skip = intParam(query, "skip", 0);
        int limit = intParam(query, "limit", 100);
        ArrayNode page = BoardDay.array();
        for (int i = skip; i < Math.min(listings.size(), skip + limit); i++) {
            page.add(posting(listings.get(i), day, serverUrl));
        }
        return BoardResponse.json(page);
    }

    private static int intParam(Map<String, String> query, String name, int dflt) {
        try {
            return query.containsKey(name) ? Math.max(0, Integer.parseInt(query.get(name))) : dflt;
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    private static ObjectNode posting(Listing l, BoardDay day, String serverUrl) {
        Job j = day.job(l);
        JobText.Sections s = JobText.sections(j, day.version(l));
        ObjectNode n = BoardDay.object();
        n.put("id", l.itemId());
        n.put("text", day.title(l));
        ObjectNode categories = n.putObject("categories");
        categories.put("commitment", BoardDay.contract(j) ? "Contract" : "Full-time");
        categories.put("department", BoardDay.department(j));
        categories.put("location", j.place().text());
        categories.putArray("allLocations").add(j.place().text());
        if (j.place().remote()) {
            n.putNull("country");
        } else {
            n.put("country", j.place().countryCode());
        }
        n.put("createdAt", l.postedAt().toEpochMilli());
        n.put("updatedAt", day.updatedAt(l).toEpochMilli());
        n.put("descriptionPlain", s.intro());
        n.put("description", "<div>" + JobText.escape(s.intro()) + "</div>");
        ArrayNode lists = n.putArray("lists");
        lists.addObject().put("text", JobText.DUTIES_HEADING).put("content", s.dutiesItemsHtml());
        lists.addObject().put("text", JobText.REQUIREMENTS_HEADING).put("content", s.requirementsItemsHtml());
        n.put("additional", s.closingHtml());
        n.put("additionalPlain", String.join("\n", s.closing()));
        n.put("hostedUrl", BoardDay.jobUrl(serverUrl, l));
        n.put("applyUrl", BoardDay.jobUrl(serverUrl, l) + "/apply");
        n.put("workplaceType", j.workMode());
        Salary salary = day.version(l).salary();
        if (salary != null) {
            n.putObject("salaryRange").put("currency", salary.currency())
                    .put("interval", salary.hourly() ? "per-hour-wage" : "per-year-salary")
                    .put("min", salary.min()).put("max", salary.max());
        }
        n.putArray("tags");
        return n;
    }
}
