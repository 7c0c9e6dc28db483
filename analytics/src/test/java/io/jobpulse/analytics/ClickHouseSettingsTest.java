package io.jobpulse.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClickHouseSettingsTest {

    @Test
    void theDatabaseReplacesTheUrlsPathAndKeepsItsParameters() {
        assertThat(new ClickHouseSettings("jdbc:clickhouse:http://127.0.0.1:8123/default", "jobpulse", null, null).databaseUrl())
                .isEqualTo("jdbc:clickhouse:http://127.0.0.1:8123/jobpulse");
        assertThat(new ClickHouseSettings("jdbc:clickhouse:http://ch:8123?compress=0", "jp", "u", "p").databaseUrl())
                .isEqualTo("jdbc:clickhouse:http://ch:8123/jp?compress=0");
    }

    @Test
    void databaseNamesMustBePlainIdentifiers() {
        assertThatThrownBy(() -> new ClickHouseSettings("jdbc:clickhouse:http://h:1/d", "x; DROP DATABASE y", null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClickHouseSettings("http://h:1/d", "ok", null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultsToTheDefaultUserWithoutPassword() {
        ClickHouseSettings s = new ClickHouseSettings("jdbc:clickhouse:http://h:1/d", "ok", "", null);
        assertThat(s.user()).isEqualTo("default");
        assertThat(s.password()).isEmpty();
        assertThat(s.toString()).doesNotContain("password");
    }
}
