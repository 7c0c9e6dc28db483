package io.jobpulse.demo.boards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobpulse.demo.corpus.Board;
import io.jobpulse.demo.corpus.Job;
import io.jobpulse.demo.corpus.Listing;
import io.jobpulse.demo.corpus.Salary;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Remotive remote-jobs API: {@code GET /api/remote-jobs}, a legal notice and every remote job in one document;
 * the region candidates must be in as free text, pay as free text, times without a zone (UTC).
 */
final class RemotiveFormat implements BoardFormat {

    @Override
    public Board board() {
        return Board.REMOTIVE;
    }

    @Override
    public BoardResponse respond(String path, Map<String, String> query, BoardDay day, String serverUrl) {
        if (!path.equals("/api/remote-jobs")) {
            return BoardResponse.notFound(path);
        }
        List<Listing> listings = day.listings(Board.REMOTIVE, Board.REMOTIVE.connector());
        String search = query.get("search");
        ObjectNode root = BoardDay.object();
        root.put("00-warning", "This API is for personal/non-commercial use. Please link back to the job URL on "
                + "Remotive and mention Remotive as a source.");
        root.put("0-legal-notice", "Remotive job listings are delayed by 24 hours.");
        ArrayNode jobs = BoardDay.array();
        for (Listing l : listings) {
            if (search == null || day.title(l).toLowerCase(java.util.Locale.ROOT).contains(search.toLowerCase(java.util.Locale.ROOT))) {
                jobs.add(job(l, day, serverUrl));
            }
        }
        root.put("job-count", jobs.size());
        root.set("jobs", jobs);
        return BoardResponse.json(root);
    }

    private static ObjectNode job(Listing l, BoardDay day, String serverUrl) {
        Job j = day.job(l);
        ObjectNode n = BoardDay.object();
        n.put("id", Long.parseLong(l.itemId()));
        n.put("url", BoardDay.jobUrl(serverUrl, l));
        n.put("title", day.title(l));
        n.put("company_name", j.company().name());
        n.put("company_logo", serverUrl + "/logos/" + j.company().slug() + ".png");
        n.put("category", j.role().equals("design") ? "Design" : j.role().equals("product_manager") ? "Product" : "Software Development");
        n.putArray("tags");
        n.put("job_type", BoardDay.contract(j) ? "contract" : "full_time");
        n.put("publication_date", LocalDateTime.ofInstant(l.postedAt(), ZoneOffset.UTC).toString());
        n.put("candidate_required_location", j.place().text());
        Salary s = day.version(l).salary();
        n.put("salary", s == null ? "" : s.text());
        n.put("description", day.descriptionHtml(l));
        return n;
    }
}
