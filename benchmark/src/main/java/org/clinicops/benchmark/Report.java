package org.clinicops.benchmark;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The results as Markdown: per rate one table, a row per hop with its percentiles, throughput, lost and doubled
 * counts, and each figure's ratio to the raw chain's: a hop of the clinic against a raw hop, a stretch of several
 * hops (screening to confirmation) against the whole raw three-hop chain.
 */
final class Report {

    private Report() {
    }

    static String of(ClinicBenchmark.Options options, Instant started, List<ClinicBenchmark.RateResult> results) {
        StringBuilder text = new StringBuilder();
        text.append("# clinic-ops benchmark, ").append(started).append("\n\n");
        text.append("Rates ").append(options.rates()).append(" per second, ").append(options.seconds())
                .append(" s each (open model), after a ").append(options.warmupSeconds())
                .append(" s warm-up; ").append(ClinicBenchmark.CHAIRS).append(" chairs; ")
                .append(Runtime.getRuntime().availableProcessors()).append(" processors.\n")
                .append("Times in ms (s where marked); x raw = this figure / the raw chain's (a hop vs a raw hop,"
                        + " screening -> confirmation vs the raw 3 hops; for per s, higher is better).\n");
        for (ClinicBenchmark.RateResult result : results) {
            text.append("\n## ").append(result.rate()).append("/s offered for ").append(result.seconds())
                    .append(" s: raw ").append(result.rawChains()).append(" chains; clinic ")
                    .append(result.referrals()).append(" referrals, ").append(result.accepted())
                    .append(" screenings accepted").append(refusals(result.refused())).append("\n\n");
            text.append("| hop | n | p50 | p90 | p99 | max | per s | lost | doubled"
                    + " | p50 x raw | p90 x raw | p99 x raw | max x raw | per s x raw |\n");
            text.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            HopResult rawHop = result.raw().get(0);
            HopResult rawChain = result.raw().get(1);
            for (HopResult hop : result.raw()) {
                text.append(row(hop, null));
            }
            for (HopResult hop : result.clinic()) {
                boolean stretch = hop.name().startsWith("screening -> confirmation");
                text.append(row(hop, stretch ? rawChain : rawHop));
            }
        }
        return text.toString();
    }

    private static String refusals(List<String> refused) {
        if (refused.isEmpty()) {
            return "";
        }
        Map<String, Long> counts = new TreeMap<>(refused.stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())));
        return " (not accepted: " + counts + ")";
    }

    private static String row(HopResult hop, HopResult raw) {
        Latencies l = hop.latencies();
        StringBuilder row = new StringBuilder("| ").append(hop.name()).append(" | ").append(l.count())
                .append(" | ").append(time(l.percentileMillis(50)))
                .append(" | ").append(time(l.percentileMillis(90)))
                .append(" | ").append(time(l.percentileMillis(99)))
                .append(" | ").append(time(l.maxMillis()))
                .append(" | ").append(String.format("%.1f", hop.perSecond()))
                .append(" | ").append(hop.lost()).append(" | ").append(hop.doubled());
        if (raw == null) {
            return row.append(" | | | | | |\n").toString();
        }
        Latencies r = raw.latencies();
        return row.append(" | ").append(ratio(l.percentileMillis(50), r.percentileMillis(50)))
                .append(" | ").append(ratio(l.percentileMillis(90), r.percentileMillis(90)))
                .append(" | ").append(ratio(l.percentileMillis(99), r.percentileMillis(99)))
                .append(" | ").append(ratio(l.maxMillis(), r.maxMillis()))
                .append(" | ").append(ratio(hop.perSecond(), raw.perSecond())).append(" |\n").toString();
    }

    private static String time(double millis) {
        if (millis >= 10_000) {
            return String.format("%.1f s", millis / 1000);
        }
        return millis >= 100 ? String.format("%.0f", millis) : String.format("%.1f", millis);
    }

    private static String ratio(double value, double raw) {
        return raw == 0 ? "-" : String.format("%.1f", value / raw);
    }
}
