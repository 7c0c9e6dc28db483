package io.jobpulse.ingest.config;

import io.jobpulse.ingest.connector.ConnectorRegistry;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestConfigParserTest {

    private final IngestConfigParser parser = new IngestConfigParser(ConnectorRegistry.builtIn());

    private IngestConfig parse(String yaml) throws ConfigException {
        return parser.parse(yaml, "sources.yaml");
    }

    @Test
    void parsesSourcesWithTypedOptionsAndDefaults() throws Exception {
        IngestConfig c = parse("""
                contact: ops@example.org
                http:
                  request-timeout: 20s
                  max-retries: 2
                kafka:
                  transactional-id: ingest-eu
                sources:
                  - connector: greenhouse
                    board: gitlab
                  - id: muse-se
                    connector: themuse
                    category: [Software Engineering, Data Science]
                    max-pages: 5
                  - connector: remotive
                    enabled: false
                    min-interval: 12h
                """);
        assertThat(c.contact()).isEqualTo("ops@example.org");
        assertThat(c.http().requestTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(c.http().maxRetries()).isEqualTo(2);
        assertThat(c.http().userAgent()).contains("ops@example.org");
        assertThat(c.publish().transactionalId()).isEqualTo("ingest-eu");
        assertThat(c.sources()).extracting(SourceSettings::id).containsExactly("greenhouse:gitlab", "muse-se", "remotive");
        assertThat(c.sources().get(0).options().string("base-url")).isEqualTo("https://boards-api.greenhouse.io");
        assertThat(c.sources().get(1).options().strings("category")).containsExactly("Software Engineering", "Data Science");
        assertThat(c.sources().get(1).options().integer("max-pages")).isEqualTo(5);
        assertThat(c.sources().get(2).enabled()).isFalse();
        assertThat(c.sources().get(2).minInterval()).isEqualTo(Duration.ofHours(12));
        assertThat(c.enabledSources()).hasSize(2);
    }

    @Test
    void errorsNameTheLineAndTheField() {
        assertThatThrownBy(() -> parse("""
                sources:
                  - connector: greenhouse
                    board: gitlab
                  - connector: lever
                """)).isInstanceOf(ConfigException.class)
                .hasMessage("sources.yaml:4: sources[1].site: required by connector lever (Site name, as in jobs.lever.co/<site>)");

        assertThatThrownBy(() -> parse("""
                sources:
                  - connector: lever
                    site: x
                    page-size: lots
                """)).hasMessage("sources.yaml:4: sources[0].page-size: must be a whole number, not 'lots'");

        assertThatThrownBy(() -> parse("""
                sources:
                  - connector: greenhouse
                    board: gitlab
                    boards: typo
                """)).hasMessageStartingWith("sources.yaml:4: sources[0].boards: unknown option for connector greenhouse");

        assertThatThrownBy(() -> parse("""
                sources:
                  - connector: monster
                """)).hasMessageStartingWith("sources.yaml:2: sources[0].connector: unknown connector 'monster'; one of greenhouse, lever");

        assertThatThrownBy(() -> parse("""
                http:
                  request-timeout: soon
                sources: []
                """)).hasMessageStartingWith("sources.yaml:2: http.request-timeout: not a duration: 'soon'");

        assertThatThrownBy(() -> parse("""
                sources:
                  - connector: greenhouse
                    board: [a, b
                """)).hasMessageStartingWith("sources.yaml:").hasMessageContaining("invalid YAML");

        assertThatThrownBy(() -> parse("""
                sources:
                  - connector: greenhouse
                    board: a
                  - connector: greenhouse
                    board: a
                """)).hasMessageStartingWith("sources.yaml:4: sources[1].id: duplicate source id 'greenhouse:a'");
    }

    @Test
    void theExampleFileParses() throws Exception {
        IngestConfig c = parser.parse(Path.of("sources.example.yaml"));
        assertThat(c.sources()).hasSizeGreaterThanOrEqualTo(13);
        assertThat(c.sources().stream().map(s -> s.connector().name()).distinct().toList())
                .containsAll(List.of("greenhouse", "lever", "ashby", "workable", "recruitee", "personio", "remotive",
                        "arbeitnow", "remoteok", "themuse", "hn", "jsonld", "file"));
    }

    @Test
    void anUnreadableFileIsAConfigError() throws Exception {
        Path p = Files.createTempFile("bad", ".yaml");
        Files.write(p, new byte[]{(byte) 0xff, (byte) 0xfe, 0x00});
        assertThatThrownBy(() -> parser.parse(p)).isInstanceOf(ConfigException.class).hasMessageContaining("not valid UTF-8");
    }
}
