package io.jobpulse.demo.corpus;

import java.time.Instant;

/**
 * One posting of a job on one board, with its own id there.
 *
 * @param board      where it is listed
 * @param boardToken the board's token (company slug on applicant-tracking boards, the board's name on aggregators)
 * @param itemId     the id the board gives the item (Greenhouse job id, Lever UUID, Arbeitnow slug, HN comment id...)
 * @param jobId      the job it advertises
 * @param firstDay   first simulated day it is listed
 * @param endDay     first simulated day it is no longer listed ({@link Integer#MAX_VALUE}: still listed at the end)
 * @param postedAt   publication time the board states
 * @param repost     whether it replaces an earlier listing of the same job on the same board
 * @param defect     why ingest must reject it (e.g. "missing title"), or null for a well-formed posting
 */
public record Listing(Board board, String boardToken, String itemId, String jobId, int firstDay, int endDay,
                      Instant postedAt, boolean repost, String defect) {

    /** The id jobpulse gives the posting: {@code <connector>:<source id>}, the source id board-prefixed on ATS boards. */
    public String postingId() {
        return board.connector() + ":" + (board.aggregator() ? itemId : boardToken + ":" + itemId);
    }

    public boolean listedOn(int day) {
        return firstDay <= day && day < endDay;
    }

    Listing endingOn(int day) {
        return new Listing(board, boardToken, itemId, jobId, firstDay, day, postedAt, repost, defect);
    }
}
