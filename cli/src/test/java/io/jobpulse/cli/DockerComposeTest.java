package io.jobpulse.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs where the tests run, so this checks what {@code docker compose config} would catch and more:
 * official images with pinned tags, dependencies that exist and are healthy-checkable, and every jobpulse endpoint
 * pointing at a service and a port that service really exposes.
 */
class DockerComposeTest {

    private static final Set<String> OFFICIAL_IMAGE_REPOS = Set.of(
            "apache/kafka", "apicurio/apicurio-registry", "clickhouse/clickhouse-server", "grafana/grafana");
    private static final Pattern HOST_PORT = Pattern.compile("^(?:[a-z]+:)*(?://)?([a-z0-9-]+):(\\d+)");

    private static Map<String, Object> compose;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        Path file = repoRoot().resolve("docker-compose.yml");
        compose = new Yaml().load(Files.readString(file));
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root with docker-compose.yml").isNotNull();
        return dir;
    }

    @Test
    void hasTheInfrastructureAndOurThreeServices() {
        assertThat(services).containsKeys("kafka", "schema-registry", "clickhouse", "grafana", "ingest", "streams", "analytics");
    }

    @Test
    void infrastructureUsesOfficialImagesWithPinnedTags() {
        for (String name : List.of("kafka", "schema-registry", "clickhouse", "grafana")) {
            String image = (String) services.get(name).get("image");
            String repo = image.substring(0, image.lastIndexOf(':'));
            String tag = image.substring(image.lastIndexOf(':') + 1);
            assertThat(OFFICIAL_IMAGE_REPOS).as(name + " image").contains(repo);
            assertThat(tag).as(name + " tag").matches("\\d+\\.\\d+(\\.\\d+)?");
        }
        assertThat((String) services.get("schema-registry").get("image")).contains(":3.");
        assertThat((String) services.get("kafka").get("image")).contains(":4.");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyDependencyExistsAndHealthyConditionsHaveHealthchecks() {
        services.forEach((name, service) -> {
            assertThat(service).as(name + " healthcheck").containsKey("healthcheck");
            Object dependsOn = service.get("depends_on");
            if (dependsOn instanceof Map<?, ?> deps) {
                ((Map<String, Map<String, String>>) deps).forEach((dep, condition) -> {
                    assertThat(services).as(name + " depends on " + dep).containsKey(dep);
                    if ("service_healthy".equals(condition.get("condition"))) {
                        assertThat(services.get(dep)).as(dep + " healthcheck").containsKey("healthcheck");
                    }
                });
            }
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void endpointsInOurServicesPointAtExposedPortsOfExistingServices() {
        List<String> checked = new ArrayList<>();
        for (String name : List.of("ingest", "streams", "analytics")) {
            Map<String, Object> env = (Map<String, Object>) services.get(name).get("environment");
            assertThat(env).as(name + " environment").containsKeys("JOBPULSE_KAFKA_BOOTSTRAP", "JOBPULSE_REGISTRY_URL", "JOBPULSE_CLICKHOUSE_URL");
            for (String key : List.of("JOBPULSE_KAFKA_BOOTSTRAP", "JOBPULSE_REGISTRY_URL", "JOBPULSE_CLICKHOUSE_URL")) {
                String value = String.valueOf(env.get(key));
                Matcher m = HOST_PORT.matcher(value.replace("jdbc:clickhouse:", "").replace("http://", ""));
                assertThat(m.find()).as(key + "=" + value + " has host:port").isTrue();
                String host = m.group(1);
                String port = m.group(2);
                assertThat(services).as(key + " host " + host).containsKey(host);
                assertThat(containerPorts(services.get(host))).as(host + " exposes " + port + " for " + key).contains(port);
                checked.add(key);
            }
        }
        assertThat(checked).hasSize(9);
        // The registry serde and the ccompat API both live under the registry's root URL.
        assertThat(URI.create(String.valueOf(((Map<String, Object>) services.get("ingest").get("environment")).get("JOBPULSE_REGISTRY_URL"))).getPath())
                .isEmpty();
    }

    @Test
    void hostPortsAreUnique() {
        List<String> hostPorts = new ArrayList<>();
        services.values().forEach(s -> {
            Object ports = s.get("ports");
            if (ports instanceof List<?> list) {
                list.forEach(p -> hostPorts.add(String.valueOf(p).split(":")[0]));
            }
        });
        assertThat(hostPorts).doesNotHaveDuplicates().isNotEmpty();
    }

    @Test
    void mountedFilesExistInTheRepository() {
        services.forEach((name, service) -> {
            if (service.get("volumes") instanceof List<?> volumes) {
                for (Object v : volumes) {
                    String source = String.valueOf(v).split(":")[0];
                    if (source.startsWith("./")) {
                        assertThat(repoRoot().resolve(source.substring(2))).as(name + " mounts " + source).exists();
                    }
                }
            }
        });
        assertThat(repoRoot().resolve("Dockerfile")).exists();
    }

    private static List<String> containerPorts(Map<String, Object> service) {
        List<String> ports = new ArrayList<>();
        if (service.get("expose") instanceof List<?> expose) {
            expose.forEach(p -> ports.add(String.valueOf(p)));
        }
        if (service.get("ports") instanceof List<?> published) {
            published.forEach(p -> {
                String[] parts = String.valueOf(p).split(":");
                ports.add(parts[parts.length - 1]);
            });
        }
        return ports;
    }
}
