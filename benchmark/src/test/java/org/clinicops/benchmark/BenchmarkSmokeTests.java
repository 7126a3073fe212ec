package org.clinicops.benchmark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CI's short run of the benchmark: a few seconds at a low rate, checking that the report it writes has every hop and
 * that nothing was lost or doubled. No speed is asserted: figures are for the full run on a quiet machine.
 */
class BenchmarkSmokeTests {

    @TempDir
    Path out;

    @Test
    void aShortRunReportsEveryHopWithNothingLostOrDoubled() throws Exception {
        Path report = out.resolve("report.md");
        ClinicBenchmark.Outcome outcome = ClinicBenchmark.run(
                ClinicBenchmark.Options.parse("--rates=3", "--seconds=3", "--warmup-seconds=0", "--out=" + report));

        assertThat(Files.readString(report)).isEqualTo(outcome.text()).contains(ClinicBenchmark.RAW_HOP,
                ClinicBenchmark.RAW_CHAIN, ClinicBenchmark.SCREENING_TO_PLAN, ClinicBenchmark.PLAN_TO_ROW,
                ClinicBenchmark.ROW_TO_SENT, ClinicBenchmark.SCREENING_TO_ROW, ClinicBenchmark.SCREENING_TO_SENT);
        ClinicBenchmark.RateResult result = outcome.results().getFirst();
        assertThat(result.rawChains()).isEqualTo(9);
        assertThat(result.accepted()).as("refused: %s", result.refused()).isEqualTo(9);
        assertThat(result.raw()).allSatisfy(hop -> assertThat(hop.latencies().count()).isPositive());
        assertThat(result.clinic()).allSatisfy(hop -> assertThat(hop.latencies().count()).isPositive());
        assertThat(result.raw()).extracting(HopResult::lost, HopResult::doubled).containsOnly(
                org.assertj.core.groups.Tuple.tuple(0L, 0L));
        assertThat(result.clinic()).extracting(HopResult::lost, HopResult::doubled).containsOnly(
                org.assertj.core.groups.Tuple.tuple(0L, 0L));
    }
}
