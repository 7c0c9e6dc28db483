package io.jobpulse.demo.boards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobpulse.demo.corpus.Board;
import io.jobpulse.demo.corpus.Job;
import io.jobpulse.demo.corpus.JobText;
import io.jobpulse.demo.corpus.Listing;
import io.jobpulse.demo.corpus.Salary;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hacker News "Who is hiring?" through the HN Algolia API: {@code /api/v1/search_by_date} finds the monthly thread
 * among the {@code whoishiring} account's stories, {@code /api/v1/items/{id}} returns it with its comments. Each
 * listing is a top-level comment whose first line is {@code Company | Title | Location | Arrangement | Pay | URL},
 * in HN's HTML (paragraphs split by {@code <p>}, slashes and quotes as entities).
 */
final class HnFormat implements BoardFormat {

    /** Ids of the month's three stories: who is hiring, who wants to be hired, freelancers. */
    static final long THREAD_ID = 46_000_001L;

    @Override
    public Board board() {
        return Board.HN;
    }

    @Override
    public BoardResponse respond(String path, Map<String, String> query, BoardDay day, String serverUrl) {
        LocalDate month = day.corpus().settings().lastDay().withDayOfMonth(1);
        Instant threadAt = month.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(16 * 3600);
        String monthName = month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear();
        if (path.equals("/api/v1/search_by_date")) {
            ObjectNode root = BoardDay.object();
            ArrayNode hits = root.putArray("hits");
            hit(hits, threadAt.plusSeconds(1), "Ask HN: Who wants to be hired? (" + monthName + ")", THREAD_ID + 1);
            hit(hits, threadAt, "Ask HN: Who is hiring? (" + monthName + ")", THREAD_ID);
            hit(hits, threadAt.plusSeconds(2), "Ask HN: Freelancer? Seeking freelancer? (" + monthName + ")", THREAD_ID + 2);
            root.put("nbHits", 3).put("page", 0).put("nbPages", 1).put("hitsPerPage", 30);
            return BoardResponse.json(root);
        }
        if (!path.equals("/api/v1/items/" + THREAD_ID)) {
            return BoardResponse.notFound(path);
        }
        ObjectNode thread = BoardDay.object();
        thread.put("id", THREAD_ID);
        thread.put("created_at", threadAt + "");
        thread.put("created_at_i", threadAt.getEpochSecond());
        thread.put("type", "story");
        thread.put("author", "whoishiring");
        thread.put("title", "Ask HN: Who is hiring? (" + monthName + ")");
        thread.put("text", "Please state the location and include REMOTE for remote work, REMOTE (US) or similar if the "
                + "country is restricted, and ONSITE when remote work is &#x2F;not&#x2F; an option.");
        ArrayNode children = thread.putArray("children");
        for (Listing l : day.listings(Board.HN, Board.HN.connector())) {
            children.add(comment(l, day));
        }
        return BoardResponse.json(thread);
    }

    private static void hit(ArrayNode hits, Instant at, String title, long id) {
        hits.addObject().put("created_at", at.toString()).put("title", title).put("objectID", Long.toString(id))
                .put("author", "whoishiring").put("num_comments", 400);
    }

    private static ObjectNode comment(Listing l, BoardDay day) {
        Job j = day.job(l);
        List<String> first = new ArrayList<>();
        first.add(j.company().name());
        first.add(day.title(l));
        first.add(j.place().text());
        if (!j.place().remote()) {
            first.add(j.workMode().equals("hybrid") ? "HYBRID" : "ONSITE");
        }
        first.add(BoardDay.contract(j) ? "Contract" : "Full-time");
        Salary s = day.version(l).salary();
        if (s != null) {
            first.add(s.text().replace(" per hour", "/hr")); // how HN posters write hourly rates
        }
        first.add("https://" + j.company().slug() + ".example/careers");
        StringBuilder text = new StringBuilder(hn(String.join(" | ", first)));
        for (String p : JobText.paragraphs(j, day.version(l))) {
            text.append("<p>").append(hn(p));
        }
        ObjectNode n = BoardDay.object();
        n.put("id", Long.parseLong(l.itemId()));
        n.put("created_at", l.postedAt().toString().replace("Z", ".000Z"));
        n.put("created_at_i", l.postedAt().getEpochSecond());
        n.put("type", "comment");
        n.put("author", j.company().slug().replace("-", "_"));
        n.put("text", text.toString());
        n.put("parent_id", THREAD_ID);
        n.put("story_id", THREAD_ID);
        n.putArray("children");
        return n;
    }

    /** HN's escaping: markup characters, quotes and slashes as entities. */
    private static String hn(String s) {
        return JobText.escape(s).replace("'", "&#x27;").replace("/", "&#x2F;").replace("\"", "&quot;");
    }
}
