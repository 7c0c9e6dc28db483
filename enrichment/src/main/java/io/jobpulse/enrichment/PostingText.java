package io.jobpulse.enrichment;

/**
 * What the enricher reads from one posting. {@code description} may be plain text or HTML. {@code hints} carries
 * structured fields a job board already gave (may be {@link StructuredHints#NONE}).
 */
public record PostingText(String title, String description, String rawLocation, StructuredHints hints) {
    public PostingText {
        hints = hints == null ? StructuredHints.NONE : hints;
    }

    public static PostingText of(String title, String description) {
        return new PostingText(title, description, null, StructuredHints.NONE);
    }
}
