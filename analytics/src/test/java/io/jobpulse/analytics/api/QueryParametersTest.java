package io.jobpulse.analytics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

    @Test
    void parsesRepeatedAndCommaSeparatedValues() {
        QueryParameters q = QueryParameters.parse("technology=Java&technology=C%2B%2B,Go&window=30d");
        assertThat(q.all("technology")).containsExactly("Java", "C++", "Go");
        assertThat(q.single("window")).isEqualTo("30d");
        assertThat(q.single("missing")).isNull();
    }

    @Test
    void technologyNamesAllowTheirPunctuationButNoQuotesOrSemicolons() {
        assertThat(QueryParameters.technology("t", "Node.js")).isEqualTo("Node.js");
        assertThat(QueryParameters.technology("t", "C#")).isEqualTo("C#");
        assertThat(QueryParameters.technology("t", "CI/CD")).isEqualTo("CI/CD");
        for (String bad : List.of("Java'", "x;DROP", "a\"b", "-- x", "\\", "a".repeat(51), "é")) {
            assertThatThrownBy(() -> QueryParameters.technology("t", bad)).as(bad).isInstanceOf(BadRequest.class);
        }
    }

    @Test
    void unknownParametersAreRejectedByName() {
        assertThatThrownBy(() -> QueryParameters.parse("window=7d&role=x").allowOnly(Set.of("window")))
                .isInstanceOf(BadRequest.class).hasMessageContaining("role");
    }

    @Test
    void windowsAreWholeDaysEndingToday() {
        TimeWindow w = TimeWindow.parse("7d", "30d");
        assertThat(w.from(LocalDate.of(2026, 11, 28))).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(TimeWindow.parse(null, "30d").days()).isEqualTo(30);
        assertThatThrownBy(() -> TimeWindow.parse("1y", "30d")).isInstanceOf(BadRequest.class);
    }

    @Test
    void integersAreBounded() {
        assertThat(QueryParameters.integer("limit", "5", 20, 1, 100)).isEqualTo(5);
        assertThat(QueryParameters.integer("limit", null, 20, 1, 100)).isEqualTo(20);
        assertThatThrownBy(() -> QueryParameters.integer("limit", "101", 20, 1, 100)).isInstanceOf(BadRequest.class);
        assertThatThrownBy(() -> QueryParameters.integer("limit", "9999999999", 20, 1, 100)).isInstanceOf(BadRequest.class);
    }

    @Test
    void locationsReadAsCityCountryAndRemote() {
        assertThat(RoleSummaryQuery.location(List.of("Berlin", ""), List.of("DE", "GB"), List.of("remote")))
                .isEqualTo("Berlin, DE; GB (remote)");
        assertThat(RoleSummaryQuery.location(List.of(), List.of(), List.of("remote"))).isEqualTo("Remote");
    }
}
