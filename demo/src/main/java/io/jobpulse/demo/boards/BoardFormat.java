package io.jobpulse.demo.boards;

import io.jobpulse.demo.corpus.Board;

import java.util.Map;

/**
 * One board's public API, as documented by the board and as jobpulse's connector for it reads it: paths, envelope,
 * field names, paging and date formats. Serves the listings of the server's current simulated day.
 */
interface BoardFormat {

    Board board();

    /** Where the board lives on the server: {@code /greenhouse}, {@code /lever}... */
    default String prefix() {
        return "/" + board().connector();
    }

    /**
     * @param path      the request path below the board's prefix, e.g. {@code /v1/boards/acme/jobs}
     * @param query     decoded query parameters
     * @param day       the listings up today
     * @param serverUrl the server's root URL, for links
     */
    BoardResponse respond(String path, Map<String, String> query, BoardDay day, String serverUrl);
}
