package io.jobpulse.contracts;

import java.net.URI;
import java.util.Objects;

/**
 * Where the schema registry is. jobpulse speaks to Apicurio Registry 3.x: its native API for the serde, and the
 * Confluent-compatible API ({@code /apis/ccompat/v7}) for subjects and compatibility, so the topics stay readable by
 * Confluent-ecosystem consumers.
 *
 * @param baseUrl the registry's root, e.g. {@code http://127.0.0.1:8081}
 */
public record RegistrySettings(URI baseUrl) {

    public RegistrySettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String s = baseUrl.toString();
        if (s.endsWith("/")) {
            baseUrl = URI.create(s.substring(0, s.length() - 1));
        }
    }

    public static RegistrySettings of(String baseUrl) {
        return new RegistrySettings(URI.create(baseUrl));
    }

    /** Apicurio's native v3 API, used by its Kafka serde. */
    public String nativeApiUrl() {
        return baseUrl + "/apis/registry/v3";
    }

    /** The Confluent-compatible API. */
    public String confluentCompatUrl() {
        return baseUrl + "/apis/ccompat/v7";
    }
}
