package io.jobpulse.streams.aggregate;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AggregateCellsTest {

    private static final int DAY = 20_412; // 2025-11-20

    private static Contribution job(List<String> techs, Double salary) {
        return new Contribution(DAY, "v1", List.of("backend"), techs, List.of("senior"), List.of("DE|Berlin"),
                List.of("hybrid"), salary);
    }

    @Test
    void aJobCountsInItsCellsForItsRolesAndForAllRoles() {
        Map<String, Double> cells = AggregateCells.cells(job(List.of("Go", "Kafka"), 120_000.0));
        String day = java.time.LocalDate.ofEpochDay(DAY).toString();
        assertThat(cells).containsKeys(
                "postings|*|" + day + "||", "postings|backend|" + day + "||",
                "technology|backend|" + day + "|Go|", "technology_pair|*|" + day + "|Go|Kafka",
                "seniority|*|" + day + "|senior|", "location|*|" + day + "|DE|", "location|*|" + day + "|DE|Berlin",
                "work_mode|backend|" + day + "|hybrid|", "salary|*|" + day + "|*|", "salary|backend|" + day + "|senior|");
        assertThat(cells.get("salary|*|" + day + "|*|")).isEqualTo(120_000.0);
        assertThat(cells.get("postings|*|" + day + "||")).isNull();
    }

    @Test
    void diffRetractsTheOldAndAddsTheNew() {
        var deltas = AggregateCells.diff(job(List.of("Go"), 100_000.0), job(List.of("Rust"), 110_000.0));
        Map<String, CellDelta> byKey = new java.util.HashMap<>();
        deltas.forEach(e -> byKey.put(e.getKey(), e.getValue()));
        String day = java.time.LocalDate.ofEpochDay(DAY).toString();
        assertThat(byKey.get("technology|*|" + day + "|Go|").countDelta()).isEqualTo(-1);
        assertThat(byKey.get("technology|*|" + day + "|Rust|").countDelta()).isEqualTo(1);
        assertThat(byKey).doesNotContainKey("postings|*|" + day + "||");
        CellDelta salary = byKey.get("salary|*|" + day + "|*|");
        assertThat(salary).isEqualTo(CellDelta.of(0, 100_000.0, 110_000.0, "v1"));

        assertThat(AggregateCells.diff(job(List.of("Go"), null), job(List.of("Go"), null))).isEmpty();
        assertThat(AggregateCells.diff(job(List.of("Go"), null), null)).allSatisfy(e -> assertThat(e.getValue().countDelta()).isEqualTo(-1));
    }

    @Test
    void quantilesAreExactAndRetractionRemovesTheFigure() {
        CellState s = CellState.empty();
        for (double v : new double[]{100, 200, 200, 300, 1000}) {
            s = s.apply(CellDelta.of(1, null, v, "v1"));
        }
        assertThat(s.count()).isEqualTo(5);
        assertThat(s.quantile(0)).isEqualTo(100);
        assertThat(s.quantile(0.25)).isEqualTo(200);
        assertThat(s.quantile(0.5)).isEqualTo(200);
        assertThat(s.quantile(0.75)).isEqualTo(300);
        assertThat(s.quantile(1)).isEqualTo(1000);
        s = s.apply(CellDelta.of(-1, 1000.0, null, "v1")).apply(CellDelta.of(-1, 200.0, null, "v1"));
        assertThat(s.salaryCount()).isEqualTo(3);
        assertThat(s.quantile(0.5)).isEqualTo(200);
        assertThat(s.quantile(0.75)).isEqualTo(250);
        assertThat(CellState.empty().quantile(0.5)).isNull();
    }

    @Test
    void cellKeysRoundTripAndNeverGainSeparators() {
        CellKey k = CellKey.of("technology", "backend", DAY, "C|C++", "");
        assertThat(CellKey.parse(k.encode())).isEqualTo(k);
        assertThat(k.encode().split("\\|", -1)).hasSize(5);
    }
}
