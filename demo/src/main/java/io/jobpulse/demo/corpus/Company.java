package io.jobpulse.demo.corpus;

/**
 * A hiring company.
 *
 * @param name      as boards show it, identical on every board
 * @param slug      lower-case, dash-separated: the board token of its applicant-tracking board
 * @param hqCountry ISO-2 code of its home country, where most of its jobs are
 * @param ats       the applicant-tracking board it publishes on, or null when it posts on aggregators only
 */
public record Company(String name, String slug, String hqCountry, Board ats) {

    /** The board token its {@link #ats} board uses: greenhouse and recruitee tokens have no dashes. */
    public String boardToken() {
        return ats == Board.GREENHOUSE || ats == Board.RECRUITEE ? slug.replace("-", "") : slug;
    }
}
