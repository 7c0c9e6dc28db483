package io.jobpulse.contracts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PipelineEndpointsTest {

    @TempDir
    Path dataDir;

    @Test
    void optionsWinOverEnvironmentWhichWinsOverTheStackFile() throws Exception {
        new PipelineEndpoints("127.0.0.1:9092", RegistrySettings.of("http://127.0.0.1:8081"),
                "jdbc:clickhouse:http://127.0.0.1:8123/default").writeTo(dataDir);

        PipelineEndpoints fromFile = PipelineEndpoints.resolve(null, null, null, dataDir, Map.of());
        assertThat(fromFile.kafkaBootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(fromFile.registry().baseUrl()).hasToString("http://127.0.0.1:8081");

        PipelineEndpoints fromEnv = PipelineEndpoints.resolve(null, null, null, dataDir,
                Map.of(PipelineEndpoints.ENV_KAFKA, "kafka:29092", PipelineEndpoints.ENV_REGISTRY, "http://registry:8080/"));
        assertThat(fromEnv.kafkaBootstrapServers()).isEqualTo("kafka:29092");
        assertThat(fromEnv.registry().nativeApiUrl()).isEqualTo("http://registry:8080/apis/registry/v3");
        assertThat(fromEnv.clickHouseJdbcUrl()).isEqualTo("jdbc:clickhouse:http://127.0.0.1:8123/default");

        PipelineEndpoints fromOption = PipelineEndpoints.resolve("broker:1", null, null, dataDir,
                Map.of(PipelineEndpoints.ENV_KAFKA, "kafka:29092"));
        assertThat(fromOption.kafkaBootstrapServers()).isEqualTo("broker:1");
    }

    @Test
    void aFileLeftByAKilledStackIsIgnored() throws Exception {
        Files.writeString(dataDir.resolve(PipelineEndpoints.ENDPOINTS_FILE),
                "pid=2147483646\nkafka.bootstrap.servers=127.0.0.1:1\n");
        assertThatThrownBy(() -> PipelineEndpoints.resolve(null, null, null, dataDir, Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("./jobpulse stack");
    }

    @Test
    void missingRegistryOrClickHouseIsAClearErrorForCommandsThatNeedThem() {
        PipelineEndpoints kafkaOnly = PipelineEndpoints.resolve("127.0.0.1:9092", null, null, dataDir, Map.of());
        assertThatThrownBy(kafkaOnly::requireRegistry).hasMessageContaining(PipelineEndpoints.ENV_REGISTRY);
        assertThatThrownBy(kafkaOnly::requireClickHouse).hasMessageContaining(PipelineEndpoints.ENV_CLICKHOUSE);
    }
}
