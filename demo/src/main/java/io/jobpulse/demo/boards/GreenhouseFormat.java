package io.jobpulse.demo.boards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobpulse.demo.corpus.Board;
import io.jobpulse.demo.corpus.Job;
import io.jobpulse.demo.corpus.Listing;
import io.jobpulse.demo.corpus.Salary;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Greenhouse job board API: {@code GET /v1/boards/{token}/jobs?content=true}, every job of a board in one document,
 * {@code content} HTML-escaped once more, offices, departments, metadata and pay transparency ranges in cents.
 */
final class GreenhouseFormat implements BoardFormat {

    private static final Pattern JOBS = Pattern.compile("/v1/boards/([^/]+)/jobs");
    /** Greenhouse states times with the board's UTC offset. */
    private static final ZoneOffset OFFSET = ZoneOffset.ofHours(-5);

    @Override
    public Board board() {
        return Board.GREENHOUSE;
    }

    @Override
    public BoardResponse respond(String path, Map<String, String> query, BoardDay day, String serverUrl) {
        Matcher m = JOBS.matcher(path);
        if (!m.matches()) {
            return BoardResponse.notFound(path);
        }
        String token = m.group(1);
        boolean content = "true".equals(query.get("content"));
        List<Listing> listings = day.listings(Board.GREENHOUSE, token);
        ArrayNode jobs = BoardDay.array();
        for (Listing l : listings) {
            jobs.add(job(l, day, serverUrl, content));
        }
        ObjectNode root = BoardDay.object();
        root.set("jobs", jobs);
        root.putObject("meta").put("total", listings.size());
        return BoardResponse.json(root);
    }

    private static ObjectNode job(Listing l, BoardDay day, String serverUrl, boolean content) {
        Job j = day.job(l);
        long id = Long.parseLong(l.itemId());
        ObjectNode n = BoardDay.object();
        n.put("absolute_url", BoardDay.jobUrl(serverUrl, l));
        n.put("internal_job_id", id / 2);
        n.putObject("location").put("name", j.place().text());
        ArrayNode metadata = n.putArray("metadata");
        metadata.addObject().put("id", 6112).put("name", "Employment Type")
                .put("value", BoardDay.contract(j) ? "Contract" : "Full-time").put("value_type", "single_select");
        n.put("id", id);
        n.put("updated_at", day.updatedAt(l).atOffset(OFFSET).toString());
        n.put("requisition_id", "REQ-" + (id % 100_000));
        n.put("title", day.title(l));
        n.put("company_name", j.company().name());
        n.put("first_published", l.postedAt().atOffset(OFFSET).toString());
        n.put("language", "en");
        if (content) {
            // content=true returns the description HTML with its markup escaped as entities.
            n.put("content", escape(day.descriptionHtml(l)));
            ArrayNode departments = n.putArray("departments");
            departments.addObject().put("id", 4000 + BoardDay.department(j).length()).put("name", BoardDay.department(j))
                    .putArray("child_ids");
            ArrayNode offices = n.putArray("offices");
            if (!j.place().remote()) {
                offices.addObject().put("id", 1000 + Math.abs(j.place().city().hashCode() % 1000))
                        .put("name", j.place().city()).put("location", j.place().text()).putArray("child_ids");
            }
            ArrayNode pay = n.putArray("pay_input_ranges");
            Salary s = day.version(l).salary();
            if (s != null) {
                pay.addObject().put("min_cents", s.min() * 100).put("max_cents", s.max() * 100)
                        .put("currency_type", s.currency())
                        .put("title", s.hourly() ? "Hourly rate" : "Annual base salary")
                        .put("blurb", "Final pay depends on experience.");
            }
        }
        return n;
    }

    private static String escape(String html) {
        return html.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
