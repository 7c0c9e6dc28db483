package io.jobpulse.enrichment;

/** A work location: English city name (ASCII), region code (US states, Canadian provinces) and ISO 3166-1 alpha-2 country; city and region may be null. */
public record Location(String city, String region, String country) {}
