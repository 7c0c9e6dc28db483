package io.jobpulse.benchmarks.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EndToEndReportTest {

    @Test
    void percentilesAreNearestRank() {
        double[] hundred = new double[100];
        for (int i = 0; i < 100; i++) {
            hundred[i] = i + 1;
        }
        assertThat(EndToEndReport.percentile(hundred, 0.50)).isEqualTo(50);
        assertThat(EndToEndReport.percentile(hundred, 0.99)).isEqualTo(99);
        // With few samples p99 is the largest one, never beyond it.
        assertThat(EndToEndReport.percentile(new double[] {1, 2, 3}, 0.99)).isEqualTo(3);
        assertThat(EndToEndReport.percentile(new double[] {1, 2, 3}, 0.50)).isEqualTo(2);
        assertThat(EndToEndReport.percentile(new double[] {7}, 0.50)).isEqualTo(7);
    }

    @Test
    void chartAxesEndOnRoundNumbers() {
        assertThat(EndToEndChart.niceCeiling(0.7)).isEqualTo(1.0);
        assertThat(EndToEndChart.niceCeiling(130)).isEqualTo(200);
        assertThat(EndToEndChart.niceCeiling(100_000)).isEqualTo(100_000);
        assertThat(EndToEndChart.niceCeiling(101_000)).isEqualTo(200_000);
        assertThat(EndToEndChart.niceCeiling(6_000)).isEqualTo(10_000);
    }
}
