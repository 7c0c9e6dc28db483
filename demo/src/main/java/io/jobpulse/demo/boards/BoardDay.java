package io.jobpulse.demo.boards;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobpulse.demo.corpus.Board;
import io.jobpulse.demo.corpus.Corpus;
import io.jobpulse.demo.corpus.Job;
import io.jobpulse.demo.corpus.JobText;
import io.jobpulse.demo.corpus.JobVersion;
import io.jobpulse.demo.corpus.Listing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The corpus as the boards show it on one simulated day: listings per board instance, newest first. */
final class BoardDay {

    static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Corpus corpus;
    private final int day;
    private final Map<String, List<Listing>> byBoard = new LinkedHashMap<>();
    private final Map<String, Listing> byPostingId = new LinkedHashMap<>();

    BoardDay(Corpus corpus, int day) {
        this.corpus = corpus;
        this.day = day;
        for (Listing l : corpus.listingsOn(day)) {
            byBoard.computeIfAbsent(key(l.board(), l.boardToken()), k -> new ArrayList<>()).add(l);
            byPostingId.put(l.postingId(), l);
        }
    }

    private static String key(Board board, String token) {
        return board + "/" + token;
    }

    int day() {
        return day;
    }

    Corpus corpus() {
        return corpus;
    }

    /** Listings of one board instance (an ATS board's token, or an aggregator's name). */
    List<Listing> listings(Board board, String token) {
        return byBoard.getOrDefault(key(board, token), List.of());
    }

    Listing listing(String postingId) {
        return byPostingId.get(postingId);
    }

    Job job(Listing l) {
        return corpus.job(l.jobId());
    }

    JobVersion version(Listing l) {
        return job(l).versionOn(day);
    }

    /** The title the board shows: empty for a listing whose defect is a missing title. */
    String title(Listing l) {
        return "missing title".equals(l.defect()) ? "" : job(l).title();
    }

    /** The description HTML the board shows: empty for a listing whose defect is a missing description. */
    String descriptionHtml(Listing l) {
        return "missing description".equals(l.defect()) ? "" : JobText.descriptionHtml(job(l), version(l));
    }

    /** When the listing's content last changed: its publication, or a later edit of the job. */
    Instant updatedAt(Listing l) {
        Instant edited = version(l).updatedAt();
        return edited.isAfter(l.postedAt()) ? edited : l.postedAt();
    }

    static String department(Job j) {
        return switch (j.role()) {
            case "product_manager" -> "Product";
            case "design" -> "Design";
            default -> "Engineering";
        };
    }

    static boolean contract(Job j) {
        return j.employmentType().equals("contract");
    }

    /** Link back to the posting: a page on the sample server itself. */
    static String jobUrl(String serverUrl, Listing l) {
        return serverUrl + "/jobs/" + l.postingId();
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static ArrayNode array() {
        return JSON.createArrayNode();
    }
}
