package org.clinicops.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One hop's figures: how long each event took from its start to its end, how many ends came per second (ends over
 * the time from the first start to the last end), how many starts never reached an end (lost) and how many reached
 * it more than once (doubled).
 */
record HopResult(String name, Latencies latencies, double perSecond, long lost, long doubled) {

    /** A start and the end it led to; the end is null when it never came. */
    record Span(Instant start, Instant end) {
    }

    static HopResult of(String name, List<Span> spans, long doubled) {
        List<Duration> durations = new ArrayList<>();
        Instant first = null;
        Instant last = null;
        long lost = 0;
        for (Span span : spans) {
            if (span.end() == null) {
                lost++;
                continue;
            }
            durations.add(Duration.between(span.start(), span.end()));
            first = first == null || span.start().isBefore(first) ? span.start() : first;
            last = last == null || span.end().isAfter(last) ? span.end() : last;
        }
        double seconds = first == null ? 0 : Duration.between(first, last).toNanos() / 1e9;
        double perSecond = seconds == 0 ? 0 : durations.size() / seconds;
        return new HopResult(name, Latencies.of(durations), perSecond, lost, doubled);
    }
}
