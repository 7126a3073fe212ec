package org.clinicops.benchmark;

import org.clinicops.local.ClinicLocal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * {@code bin/clinic-benchmark --rates=5,20,50 --seconds=30}: the whole clinic in this JVM (as bin/clinic-local starts
 * it, on free ports, in a fresh temporary directory, with 400 chairs so booking never runs out), and for each rate
 * first the raw chain, then referrals through the gateway, both as open-model load; prints each hop's figures and
 * their ratio to the raw chain, and writes them to a file.
 */
public final class ClinicBenchmark {

    private static final Logger log = LoggerFactory.getLogger(ClinicBenchmark.class);
    /** Enough chairs that no referral of a run waits for capacity: the benchmark measures hops, not a full clinic. */
    static final int CHAIRS = 400;
    /** Far above any rate run: the benchmark measures the hops, not the gateway's limit (docs/operations.md). */
    private static final int STAFF_REQUESTS_PER_SECOND = 100_000;
    /** A run is over when everything arrived got to its end, or when nothing more got there for this long. */
    private static final Duration NO_PROGRESS = Duration.ofSeconds(60);

    /** @param out where the report goes; null for benchmark/target/benchmark-&lt;start time&gt;.md */
    record Options(List<Integer> rates, int seconds, int warmupSeconds, Path out) {

        static Options parse(String... args) {
            List<Integer> rates = List.of(5, 20, 50);
            int seconds = 30;
            int warmup = 10;
            Path out = null;
            for (String arg : args) {
                String value = arg.substring(arg.indexOf('=') + 1);
                if (arg.startsWith("--rates=")) {
                    rates = Arrays.stream(value.split(",")).map(String::strip).map(Integer::valueOf).toList();
                } else if (arg.startsWith("--seconds=")) {
                    seconds = Integer.parseInt(value);
                } else if (arg.startsWith("--warmup-seconds=")) {
                    warmup = Integer.parseInt(value);
                } else if (arg.startsWith("--out=")) {
                    out = Path.of(value);
                } else {
                    throw new IllegalArgumentException("Unknown option " + arg + "\nUsage: clinic-benchmark"
                            + " [--rates=5,20,50] [--seconds=30] [--warmup-seconds=10] [--out=FILE]");
                }
            }
            if (rates.isEmpty() || rates.stream().anyMatch(rate -> rate < 1) || seconds < 1 || warmup < 0) {
                throw new IllegalArgumentException("Rates and seconds must be at least 1, the warm-up at least 0");
            }
            return new Options(rates, seconds, warmup, out);
        }
    }

    /** One rate: the raw chain's hops and the clinic's, each with what it was offered and what was accepted. */
    record RateResult(int rate, int seconds, int rawChains, List<HopResult> raw, int referrals, int accepted,
                      List<String> refused, List<HopResult> clinic) {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Outcome outcome = run(options);
        System.out.println(outcome.text());
        System.out.println("Written to " + outcome.file().toAbsolutePath());
        System.exit(0); // the services' non-daemon threads are closed, but do not wait on any straggler
    }

    record Outcome(List<RateResult> results, String text, Path file) {
    }

    static Outcome run(Options options) throws Exception {
        Path data = Files.createTempDirectory("clinic-benchmark-");
        // System properties, as each key is read by one application of this JVM only: session-service's chairs, and
        // the gateway's per-client limit, which one front-desk client making every referral would meet at 20/s
        System.setProperty("session.clinic.chairs", Integer.toString(CHAIRS));
        System.setProperty("clinic.gateway.rate-limit.staff.per-second", Integer.toString(STAFF_REQUESTS_PER_SECOND));
        System.setProperty("clinic.gateway.rate-limit.staff.burst", Integer.toString(STAFF_REQUESTS_PER_SECOND));
        log.info("Starting the clinic (data in {})", data);
        List<RateResult> results = new ArrayList<>();
        Instant started;
        try (ClinicLocal clinic = ClinicLocal.start(new ClinicLocal.Options(data, ClinicLocal.Ports.anyFree(), null));
             RawChain raw = RawChain.start(clinic.infrastructure(), clinicClock(clinic))) {
            started = clinicClock(clinic).instant();
            ClinicLoad load = new ClinicLoad(clinic, clinicClock(clinic));
            if (options.warmupSeconds() > 0) {
                int rate = Math.min(10, options.rates().getFirst());
                log.info("Warming up at {}/s for {} s (not reported)", rate, options.warmupSeconds());
                measure(raw, load, rate, options.warmupSeconds());
            }
            for (int rate : options.rates()) {
                log.info("{}/s for {} s", rate, options.seconds());
                results.add(measure(raw, load, rate, options.seconds()));
            }
        }
        String text = Report.of(options, started, results);
        Path file = options.out() != null ? options.out() : Path.of("benchmark", "target", "benchmark-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(started) + ".md");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text);
        deleteQuietly(data);
        return new Outcome(results, text, file);
    }

    /**
     * The clock every service stamps its rows with (the real time: no clinic time is given), so the raw chain's
     * stamps and the report's are read from the same one.
     */
    private static Clock clinicClock(ClinicLocal clinic) {
        return clinic.service("intake-service").context().getBean(Clock.class);
    }

    private static RateResult measure(RawChain raw, ClinicLoad load, int rate, int seconds) throws Exception {
        List<UUID> chains = OpenModelLoad.run(rate, seconds, number -> raw.arrive());
        awaitEnd("raw chain", chains.size(), () -> raw.completed(chains));
        List<HopResult> rawHops = rawHops(raw.stages(chains));

        load.signIn();
        List<ClinicLoad.Referral> referrals = OpenModelLoad.run(rate, seconds, load::refer);
        List<UUID> accepted = referrals.stream().filter(ClinicLoad.Referral::accepted)
                .map(ClinicLoad.Referral::patientId).toList();
        List<String> refused = referrals.stream().filter(r -> !r.accepted()).map(ClinicLoad.Referral::failure)
                .toList();
        awaitEnd("clinic", accepted.size(), () -> load.confirmationsSent(accepted));
        List<HopResult> clinicHops = clinicHops(load.timelines(accepted));
        return new RateResult(rate, seconds, chains.size(), rawHops, referrals.size(), accepted.size(), refused,
                clinicHops);
    }

    /** Waits until all have reached the end, or nothing more has for {@link #NO_PROGRESS}. */
    private static void awaitEnd(String what, long expected, Callable<Long> done) throws Exception {
        long last = -1;
        long progressedNanos = System.nanoTime();
        while (true) {
            long now = done.call();
            if (now >= expected) {
                return;
            }
            if (now != last) {
                last = now;
                progressedNanos = System.nanoTime();
            } else if (System.nanoTime() - progressedNanos > NO_PROGRESS.toNanos()) {
                log.warn("{}: {} of {} reached the end; the rest counts as lost", what, now, expected);
                return;
            }
            Thread.sleep(250);
        }
    }

    static final String RAW_HOP = "raw hop (each of 3)";
    static final String RAW_CHAIN = "raw 3 hops";
    static final String SCREENING_TO_PLAN = "screening -> plan booked";
    static final String PLAN_TO_ROW = "plan -> confirmation row";
    static final String ROW_TO_SENT = "confirmation row -> sent";
    static final String SCREENING_TO_ROW = "screening -> confirmation row";
    static final String SCREENING_TO_SENT = "screening -> confirmation sent";

    /** A raw hop (all three hops' samples together) and the whole chain, stage 0 to stage 3. */
    private static List<HopResult> rawHops(Map<UUID, List<List<Instant>>> stages) {
        List<HopResult.Span> hops = new ArrayList<>();
        List<HopResult.Span> whole = new ArrayList<>();
        long doubled = 0;
        for (List<List<Instant>> chain : stages.values()) {
            for (int stage = 1; stage <= RawChain.HOPS; stage++) {
                hops.add(new HopResult.Span(first(chain.get(stage - 1)), first(chain.get(stage))));
            }
            whole.add(new HopResult.Span(first(chain.getFirst()), first(chain.getLast())));
            doubled += chain.stream().anyMatch(rows -> rows.size() > 1) ? 1 : 0;
        }
        // a hop whose start never came (the stage before was lost) is not this hop's loss
        hops.removeIf(span -> span.start() == null);
        HopResult pooled = HopResult.of(RAW_HOP, hops, doubled);
        // per s of one hop, not of the three together
        HopResult hop = new HopResult(RAW_HOP, pooled.latencies(), pooled.perSecond() / RawChain.HOPS,
                pooled.lost(), pooled.doubled());
        return List.of(hop, HopResult.of(RAW_CHAIN, whole, doubled));
    }

    private static List<HopResult> clinicHops(Map<UUID, ClinicLoad.Timeline> timelines) {
        List<HopResult.Span> toPlan = new ArrayList<>();
        List<HopResult.Span> toRow = new ArrayList<>();
        List<HopResult.Span> toSent = new ArrayList<>();
        List<HopResult.Span> screeningToRow = new ArrayList<>();
        List<HopResult.Span> screeningToSent = new ArrayList<>();
        long doubledPlans = 0;
        long doubledRows = 0;
        for (ClinicLoad.Timeline t : timelines.values()) {
            Instant plan = first(t.planned());
            Instant row = first(t.confirmationRows());
            Instant sent = first(t.sent());
            toPlan.add(new HopResult.Span(t.screened(), plan));
            if (plan != null) {
                toRow.add(new HopResult.Span(plan, row));
            }
            if (row != null) {
                toSent.add(new HopResult.Span(row, sent));
            }
            screeningToRow.add(new HopResult.Span(t.screened(), row));
            screeningToSent.add(new HopResult.Span(t.screened(), sent));
            doubledPlans += t.planned().size() > 1 ? 1 : 0;
            doubledRows += t.confirmationRows().size() > 1 ? 1 : 0;
        }
        return List.of(HopResult.of(SCREENING_TO_PLAN, toPlan, doubledPlans),
                HopResult.of(PLAN_TO_ROW, toRow, doubledRows),
                HopResult.of(ROW_TO_SENT, toSent, doubledRows),
                HopResult.of(SCREENING_TO_ROW, screeningToRow, doubledPlans + doubledRows),
                HopResult.of(SCREENING_TO_SENT, screeningToSent, doubledPlans + doubledRows));
    }

    private static Instant first(List<Instant> times) {
        return times.stream().filter(Objects::nonNull).min(Instant::compareTo).orElse(null);
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", directory, e.getMessage());
        }
    }
}
