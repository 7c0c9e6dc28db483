package io.jobpulse.embedded.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpQueryRequestTest {

    private static HttpQueryRequest parse(String query, Map<String, String> headers) {
        return HttpQueryRequest.parse(query, headers::get);
    }

    @Test
    void readsWhatTheJdbcDriverSends() {
        HttpQueryRequest request = parse("query_id=q-1&compress=1&decompress=1&query=INSERT%20INTO%20t%20FORMAT%20RowBinary",
                Map.of("X-ClickHouse-Database", "analytics", "X-ClickHouse-Format", "RowBinaryWithNamesAndTypes"));
        assertThat(request.query()).isEqualTo("INSERT INTO t FORMAT RowBinary");
        assertThat(request.queryId()).isEqualTo("q-1");
        assertThat(request.database()).isEqualTo("analytics");
        assertThat(request.format()).isEqualTo("RowBinaryWithNamesAndTypes");
        assertThat(request.compressResponse()).isTrue();
        assertThat(request.compressedBody()).isTrue();
        assertThat(request.settings()).isEmpty();
    }

    @Test
    void separatesSettingsFromParametersAndClientSideOptions() {
        HttpQueryRequest request = parse("max_threads=2&param_skill=java&wait_end_of_query=1&session_id=s1"
                + "&session_timeout=5&beta.row_binary_for_simple_insert=true&user=default&default_format=JSON", Map.of());
        assertThat(request.settings()).containsExactly(Map.entry("max_threads", "2"));
        assertThat(request.parameters()).containsExactly(Map.entry("skill", "java"));
        assertThat(request.sessionId()).isEqualTo("s1");
        assertThat(request.sessionTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(request.format()).isEqualTo("JSON");
        assertThat(request.user()).isEqualTo("default");
    }

    @Test
    void headersWinOverUrlParametersAsInClickHouse() {
        HttpQueryRequest request = parse("database=from_url&default_format=CSV",
                Map.of("X-ClickHouse-Database", "from_header", "X-ClickHouse-Format", "TSV"));
        assertThat(request.database()).isEqualTo("from_header");
        assertThat(request.format()).isEqualTo("TSV");
    }

    @Test
    void defaultsToTabSeparatedAndNoSession() {
        HttpQueryRequest request = parse(null, Map.of());
        assertThat(request.format()).isEqualTo("TabSeparated");
        assertThat(request.sessionId()).isNull();
        assertThat(request.compressResponse()).isFalse();
        assertThat(request.sessionTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void refusesWhatCannotBeValid() {
        assertThatThrownBy(() -> parse("compress=maybe", Map.of()))
                .isInstanceOf(HttpQueryRequest.Rejected.class).hasMessageContaining("compress");
        assertThatThrownBy(() -> parse("session_timeout=99999", Map.of()))
                .isInstanceOf(HttpQueryRequest.Rejected.class).hasMessageContaining("3600");
        assertThatThrownBy(() -> parse("param_a%20b=1", Map.of()))
                .isInstanceOf(HttpQueryRequest.Rejected.class).hasMessageContaining("parameter name");
        assertThatThrownBy(() -> parse("max%3Bthreads=1", Map.of()))
                .isInstanceOf(HttpQueryRequest.Rejected.class).hasMessageContaining("setting");
        assertThatThrownBy(() -> parse("default_format=JSON%3B%20DROP", Map.of()))
                .isInstanceOf(HttpQueryRequest.Rejected.class).hasMessageContaining("format")
                .satisfies(e -> assertThat(((HttpQueryRequest.Rejected) e).status).isEqualTo(400));
    }
}
