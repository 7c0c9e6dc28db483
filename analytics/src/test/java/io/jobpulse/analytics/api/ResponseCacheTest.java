package io.jobpulse.analytics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResponseCacheTest {

    @Test
    void keepsAnAnswerThenServesItStaleWhileOneRefreshReplacesIt() throws Exception {
        ResponseCache cache = new ResponseCache(Duration.ofMillis(50));
        AtomicInteger runs = new AtomicInteger();
        ResponseCache.Query<Integer> query = runs::incrementAndGet;
        assertThat(cache.get("k", query)).isEqualTo(1);
        assertThat(cache.get("k", query)).isEqualTo(1);
        assertThat(runs).hasValue(1);
        Thread.sleep(80);
        assertThat(cache.get("k", query)).as("stale answer, refresh started").isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> cache.get("k", query) == 2);
        assertThat(cache.get("other", () -> -1)).as("keys are separate").isEqualTo(-1);
    }

    @Test
    void failuresAreNotKept() throws Exception {
        ResponseCache cache = new ResponseCache(Duration.ofMinutes(1));
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> cache.get("k", () -> {
            runs.incrementAndGet();
            throw new SQLException("ClickHouse down");
        })).isInstanceOf(SQLException.class);
        assertThat(cache.get("k", () -> runs.incrementAndGet())).isEqualTo(2);
    }

    @Test
    void aZeroTtlAlwaysAsks() throws Exception {
        ResponseCache cache = new ResponseCache(Duration.ZERO);
        AtomicInteger runs = new AtomicInteger();
        cache.get("k", runs::incrementAndGet);
        cache.get("k", runs::incrementAndGet);
        assertThat(runs).hasValue(2);
    }
}
