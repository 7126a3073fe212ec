package org.clinicops.benchmark;

import java.time.Duration;
import java.util.List;

/** Measured durations of one hop, sorted, with nearest-rank percentiles. */
record Latencies(long[] sortedMicros) {

    static Latencies of(List<Duration> durations) {
        long[] micros = durations.stream().mapToLong(d -> d.toNanos() / 1_000).sorted().toArray();
        return new Latencies(micros);
    }

    int count() {
        return sortedMicros.length;
    }

    /** The smallest measured value that at least {@code percent} % of the values do not exceed; 0 when none. */
    double percentileMillis(double percent) {
        if (sortedMicros.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100 * sortedMicros.length);
        return sortedMicros[Math.max(rank, 1) - 1] / 1000.0;
    }

    double maxMillis() {
        return sortedMicros.length == 0 ? 0 : sortedMicros[sortedMicros.length - 1] / 1000.0;
    }
}
