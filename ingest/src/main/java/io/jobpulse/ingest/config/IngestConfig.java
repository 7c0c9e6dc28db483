package io.jobpulse.ingest.config;

import io.jobpulse.ingest.http.HttpSettings;

import java.util.List;

/**
 * {@code sources.yaml}, parsed once by {@link IngestConfigParser}: nothing else reads the YAML.
 *
 * @param contact             operator contact for the User-Agent
 * @param http                HTTP client settings
 * @param publish             publishing settings
 * @param maxDescriptionChars descriptions beyond this are rejected
 * @param sources             every source entry (disabled ones included)
 */
public record IngestConfig(String contact, HttpSettings http, PublishSettings publish, int maxDescriptionChars,
                           List<SourceSettings> sources) {

    public IngestConfig {
        sources = List.copyOf(sources);
    }

    public List<SourceSettings> enabledSources() {
        return sources.stream().filter(SourceSettings::enabled).toList();
    }
}
