package io.jobpulse.enrichment;

/** Evidence: characters [start, end) of the analysed text (title, newline, plain-text description) and their text. */
public record Span(int start, int end, String text) {}
