package io.jobpulse.demo.boards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobpulse.demo.corpus.Board;
import io.jobpulse.demo.corpus.Job;
import io.jobpulse.demo.corpus.Listing;

import java.util.List;
import java.util.Map;

/**
 * Arbeitnow job board API: {@code GET /api/job-board-api?page=N}, {@value #PAGE_SIZE} jobs a page, paged by
 * following {@code links.next} (an absolute URL, null on the last page); times in epoch seconds; no salary field.
 */
final class ArbeitnowFormat implements BoardFormat {

    static final int PAGE_SIZE = 100;

    @Override
    public Board board() {
        return Board.ARBEITNOW;
    }

    @Override
    public BoardResponse respond(String path, Map<String, String> query, BoardDay day, String serverUrl) {
        if (!path.equals("/api/job-board-api")) {
            return BoardResponse.notFound(path);
        }
        List<Listing> listings = day.listings(Board.ARBEITNOW, Board.ARBEITNOW.connector());
        int pages = Math.max(1, (listings.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int page;
        try {
            page = Integer.parseInt(query.getOrDefault("page", "1"));
        } catch (NumberFormatException e) {
            page = 1;
        }
        page = Math.max(1, page);
        String endpoint = serverUrl + prefix() + "/api/job-board-api";
        ObjectNode root = BoardDay.object();
        ArrayNode data = root.putArray("data");
        int from = (page - 1) * PAGE_SIZE;
        for (int i = from; i < Math.min(listings.size(), from + PAGE_SIZE); i++) {
            data.add(job(listings.get(i), day, serverUrl));
        }
        ObjectNode links = root.putObject("links");
        links.put("first", endpoint + "?page=1");
        links.putNull("last");
        if (page > 1) {
            links.put("prev", endpoint + "?page=" + (page - 1));
        } else {
            links.putNull("prev");
        }
        if (page < pages) {
            links.put("next", endpoint + "?page=" + (page + 1));
        } else {
            links.putNull("next");
        }
        ObjectNode meta = root.putObject("meta");
        meta.put("current_page", page).put("from", data.isEmpty() ? 0 : from + 1).put("path", endpoint)
                .put("per_page", PAGE_SIZE).put("to", from + data.size())
                .put("terms", "This is a free public API for jobs, please do not abuse. By using the API, you agree to link back to Arbeitnow.")
                .put("info", "Jobs are updated every hour and order by the newest job.");
        return BoardResponse.json(root);
    }

    private static ObjectNode job(Listing l, BoardDay day, String serverUrl) {
        Job j = day.job(l);
        ObjectNode n = BoardDay.object();
        n.put("slug", l.itemId());
        n.put("company_name", j.company().name());
        n.put("title", day.title(l));
        n.put("description", day.descriptionHtml(l));
        n.put("remote", j.place().remote());
        n.put("url", BoardDay.jobUrl(serverUrl, l));
        n.putArray("tags").add(BoardDay.department(j));
        n.putArray("job_types").add(BoardDay.contract(j) ? "contract" : "full time");
        n.put("location", j.place().text());
        n.put("created_at", l.postedAt().getEpochSecond());
        return n;
    }
}
