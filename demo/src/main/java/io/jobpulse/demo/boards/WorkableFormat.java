package io.jobpulse.demo.boards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobpulse.demo.corpus.Board;
import io.jobpulse.demo.corpus.Company;
import io.jobpulse.demo.corpus.Job;
import io.jobpulse.demo.corpus.Listing;
import io.jobpulse.demo.corpus.Place;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Workable account widget API: {@code GET /api/v1/widget/accounts/{account}?details=true}, the account's name and
 * description, then its jobs with dates (no times) and locations split into city, region and country. The widget
 * states no salary: pay is in the description text.
 */
final class WorkableFormat implements BoardFormat {

    private static final Pattern ACCOUNT = Pattern.compile("/api/v1/widget/accounts/([^/]+)");

    @Override
    public Board board() {
        return Board.WORKABLE;
    }

    @Override
    public BoardResponse respond(String path, Map<String, String> query, BoardDay day, String serverUrl) {
        Matcher m = ACCOUNT.matcher(path);
        if (!m.matches()) {
            return BoardResponse.notFound(path);
        }
        String account = m.group(1);
        Company company = day.corpus().companies().stream()
                .filter(c -> c.ats() == Board.WORKABLE && c.boardToken().equals(account)).findFirst().orElse(null);
        if (company == null) {
            return BoardResponse.notFound("account " + account);
        }
        boolean details = "true".equals(query.get("details"));
        List<Listing> listings = day.listings(Board.WORKABLE, account);
        ObjectNode root = BoardDay.object();
        root.put("name", company.name());
        root.put("description", "<p>" + company.name() + " is hiring.</p>");
        ArrayNode jobs = root.putArray("jobs");
        for (Listing l : listings) {
            jobs.add(job(l, day, serverUrl, details));
        }
        return BoardResponse.json(root);
    }

    private static ObjectNode job(Listing l, BoardDay day, String serverUrl, boolean details) {
        Job j = day.job(l);
        Place p = j.place();
        ObjectNode n = BoardDay.object();
        n.put("title", day.title(l));
        n.put("shortcode", l.itemId());
        n.put("code", "");
        n.put("employment_type", BoardDay.contract(j) ? "Contract" : "Full-time");
        n.put("telecommuting", p.remote());
        n.put("department", BoardDay.department(j));
        n.put("url", BoardDay.jobUrl(serverUrl, l));
        n.put("shortlink", BoardDay.jobUrl(serverUrl, l));
        n.put("application_url", BoardDay.jobUrl(serverUrl, l) + "/apply");
        String date = l.postedAt().atZone(ZoneOffset.UTC).toLocalDate().toString();
        n.put("published_on", date);
        n.put("created_at", date);
        n.put("country", p.countryName());
        n.put("city", p.city());
        n.put("state", p.region() == null ? "" : p.region());
        n.put("education", "");
        n.put("experience", "");
        n.put("function", BoardDay.department(j));
        n.put("industry", "");
        ArrayNode locations = n.putArray("locations");
        ObjectNode loc = locations.addObject().put("country", p.countryName()).put("countryCode", p.countryCode())
                .put("city", p.city()).put("hidden", false);
        if (p.region() != null) {
            loc.put("region", p.region());
        } else {
            loc.putNull("region");
        }
        if (details) {
            n.put("description", day.descriptionHtml(l));
        }
        return n;
    }
}
