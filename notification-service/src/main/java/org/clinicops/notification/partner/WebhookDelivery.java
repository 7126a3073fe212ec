package org.clinicops.notification.partner;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Sends the due webhooks, each claimed delivery on a worker of its own, and records each attempt as the contract
 * says: a 2xx settles it, a 410 disables the subscription and skips the rest, any other failure is tried again on
 * the retry schedule (later still when a 429 or 503 says Retry-After, which also pauses the whole subscription), and
 * the last automatic attempt's failure settles it as FAILED. A subscription failing without a success for longer than
 * {@code disable-after} is disabled at its next failure; its owner is told of that and of the first delivery FAILED
 * since the last success ({@link PartnerNotices}). Retries are these durable rows, so a restart loses none. The
 * throttle (requests in flight and started per second, per subscription) is kept in the claim, across instances.
 *
 * <p>{@link WebhookClient} sends exactly the headers set here (no tracing or correlation headers reach a partner),
 * never follows a redirect, and connects only to the addresses just checked.
 */
@Component
class WebhookDelivery implements SchedulingConfigurer, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);
    private static final int MAX_PER_ROUND = 100;
    private static final Duration MIN_RETRY_AFTER = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);
    /** Answers after which a subscription gets one request in flight until its next 2xx. */
    private static final Set<Integer> ONE_IN_FLIGHT_AFTER = Set.of(429, 502, 503, 504);
    /** Recorded attempts by outcome (succeeded, retrying, failed) and deliveries skipped, per partner clinic. */
    static final String DELIVERIES_COUNTER = "clinic.partner.webhook.deliveries";
    /** How long attempts took, succeeded or failed, per partner clinic. */
    static final String ATTEMPT_TIMER = "clinic.partner.webhook.attempt";
    private static final String SUCCEEDED = "succeeded";
    private static final String RETRYING = "retrying";
    private static final String FAILED = "failed";
    private static final String SKIPPED = "skipped";
    static final String USER_AGENT = "clinic-ops-webhooks/1.0";

    private final Deliveries deliveries;
    private final Subscriptions subscriptions;
    private final PartnerNotices notices;
    private final WebhookTargets targets;
    private final PartnerProperties.Webhooks settings;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry meters;
    private final WebhookClient http;
    /** The requests in flight from this instance, all subscriptions together; each holds a worker. */
    private final ExecutorService workers;
    private final Semaphore freeWorkers;

    WebhookDelivery(Deliveries deliveries, Subscriptions subscriptions, PartnerNotices notices,
                    WebhookTargets targets, WebhookClient http, PartnerProperties properties,
                    TransactionTemplate transactions, Clock clock, MeterRegistry meters) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.notices = notices;
        this.targets = targets;
        this.settings = properties.webhooks();
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
        this.http = http;
        this.workers = Executors.newFixedThreadPool(settings.concurrency(),
                Thread.ofPlatform().name("webhook-", 1).daemon().factory());
        this.freeWorkers = new Semaphore(settings.concurrency());
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::deliverDue, settings.pollInterval());
    }

    /**
     * One round: claims due deliveries while a worker is free and hands each to one, until none may go now. The
     * round does not wait for the requests, so a partner answering slowly holds only its own workers, never the
     * next round. Answers when the attempts this round started are recorded.
     */
    CompletableFuture<Void> deliverDue() {
        List<CompletableFuture<Void>> started = new ArrayList<>();
        try {
            while (started.size() < MAX_PER_ROUND && freeWorkers.tryAcquire()) {
                Optional<Deliveries.Claimed> claimed = claim();
                if (claimed.isEmpty()) {
                    freeWorkers.release();
                    break;
                }
                started.add(hand(claimed.get()));
            }
        } catch (RuntimeException e) {
            // The database failed or the service is stopping: what was claimed is tried again when its lease ends.
            log.warn("Webhook round stopped; due deliveries stay pending for the next round: {}", e.toString());
        }
        return CompletableFuture.allOf(started.toArray(CompletableFuture[]::new));
    }

    private Optional<Deliveries.Claimed> claim() {
        try {
            Instant now = clock.instant();
            // longer than any attempt can take, so that no one else takes it meanwhile
            Instant lease = now.plus(settings.connectTimeout()).plus(settings.requestTimeout()).plusSeconds(30);
            Optional<Deliveries.Claimed> claimed = transactions.execute(status ->
                    deliveries.claimNext(now, lease, settings.maxInFlight()));
            return claimed == null ? Optional.empty() : claimed;
        } catch (RuntimeException e) {
            freeWorkers.release();
            throw e;
        }
    }

    private CompletableFuture<Void> hand(Deliveries.Claimed claimed) {
        try {
            return CompletableFuture.runAsync(() -> deliver(claimed), workers)
                    .whenComplete((done, failure) -> {
                        freeWorkers.release();
                        if (failure != null) {
                            log.warn("Webhook {} of subscription {} not recorded; it is tried again when its lease "
                                    + "ends: {}", claimed.eventId(), claimed.subscriptionId(), failure.toString());
                        }
                    });
        } catch (RejectedExecutionException e) {
            freeWorkers.release();
            throw e;
        }
    }

    private void deliver(Deliveries.Claimed delivery) {
        Optional<Subscription> subscription = subscriptions.find(delivery.partnerClinicId(), delivery.subscriptionId());
        if (subscription.isEmpty()) {
            return; // deleted meanwhile, with its deliveries
        }
        Outcome outcome = attempt(subscription.get(), delivery);
        meters.timer(ATTEMPT_TIMER, "outcome", outcome.succeeded() ? SUCCEEDED : FAILED,
                "partner", delivery.partnerClinicId()).record(Duration.ofMillis(outcome.durationMs()));
        Recorded recorded = transactions.execute(status -> record(delivery, outcome));
        if (recorded != null) {
            // counted once committed: a rolled-back record is attempted again and counted then
            if (recorded.outcome() != null) {
                meters.counter(DELIVERIES_COUNTER, "outcome", recorded.outcome(), "partner",
                        delivery.partnerClinicId()).increment();
            }
            if (recorded.skipped() > 0) {
                meters.counter(DELIVERIES_COUNTER, "outcome", SKIPPED, "partner", delivery.partnerClinicId())
                        .increment(recorded.skipped());
            }
        }
        log.info("Webhook {} of subscription {}: {}", delivery.eventId(), delivery.subscriptionId(),
                outcome.responseCode() != null ? outcome.responseCode() : outcome.error());
    }

    /** Requests in flight finish and are recorded; no new one starts. */
    @Override
    public void destroy() throws InterruptedException {
        workers.shutdown();
        workers.awaitTermination(settings.connectTimeout().plus(settings.requestTimeout()).toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** What one attempt came to. */
    record Outcome(Instant at, Integer responseCode, Delivery.Error error, long durationMs, Duration retryAfter) {

        boolean succeeded() {
            return error == null;
        }
    }

    private Outcome attempt(Subscription subscription, Deliveries.Claimed delivery) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        List<InetAddress> admitted;
        try {
            // resolved and checked again at each attempt, and connected to as checked: DNS may point elsewhere now
            admitted = targets.admit(subscription.url());
        } catch (WebhookTargets.TargetRefused e) {
            Delivery.Error error = e.reason() == WebhookTargets.TargetRefused.Reason.DNS ? Delivery.Error.DNS
                    : Delivery.Error.TARGET_NOT_ALLOWED;
            return new Outcome(at, null, error, elapsedMs(started), null);
        }
        long timestamp = at.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("user-agent", USER_AGENT);
        headers.put("webhook-id", delivery.eventId().toString());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSecrets.signature(subscription.signingSecrets(at),
                delivery.eventId().toString(), timestamp, delivery.envelope()));
        try {
            WebhookClient.Answer answer = http.post(subscription.url(), admitted, headers,
                    delivery.envelope().getBytes(StandardCharsets.UTF_8));
            int code = answer.status();
            long duration = elapsedMs(started);
            if (code >= 200 && code < 300) {
                return new Outcome(at, code, null, duration, null);
            }
            Duration retryAfter = (code == 429 || code == 503) && answer.retryAfter() != null
                    ? retryAfter(answer.retryAfter()).orElse(null) : null;
            return new Outcome(at, code, Delivery.Error.HTTP_STATUS, duration, retryAfter);
        } catch (SSLException e) {
            return new Outcome(at, null, Delivery.Error.TLS, elapsedMs(started), null);
        } catch (InterruptedIOException e) {
            // the connect timeout, the socket timeout or the request's deadline
            return new Outcome(at, null, Delivery.Error.TIMEOUT, elapsedMs(started), null);
        } catch (UnknownHostException e) {
            return new Outcome(at, null, Delivery.Error.DNS, elapsedMs(started), null);
        } catch (IOException e) {
            return new Outcome(at, null, Delivery.Error.CONNECTION, elapsedMs(started), null);
        }
    }

    /**
     * What recording an attempt came to, for the delivery counter: the attempt's {@code outcome} (none when the
     * attempt's own delivery is among those it skipped), and how many deliveries a disable {@code skipped}.
     */
    private record Recorded(String outcome, int skipped) {
    }

    private Recorded record(Deliveries.Claimed claimed, Outcome outcome) {
        Optional<Subscription> found = subscriptions.findForUpdate(claimed.partnerClinicId(), claimed.subscriptionId());
        Optional<Delivery> stored = deliveries.findForUpdate(claimed.deliveryId());
        if (found.isEmpty() || stored.isEmpty()) {
            return null; // deleted or purged meanwhile
        }
        Subscription subscription = found.get();
        Delivery delivery = stored.get();
        Instant done = clock.instant();
        boolean gone = Integer.valueOf(410).equals(outcome.responseCode());
        boolean wasPending = delivery.status() == Delivery.Status.PENDING;
        if (claimed.manual()) {
            deliveries.recordAttempt(delivery, delivery.attemptedManually(outcome.at(), outcome.responseCode(),
                    outcome.error(), outcome.durationMs()));
        } else if (!wasPending) {
            // skipped while this attempt was in flight: its result is logged, the delivery stays as it is
            deliveries.recordAttempt(delivery, delivery.attemptedAfterSettling(outcome.at(), outcome.responseCode(),
                    outcome.error(), outcome.durationMs()));
        } else if (outcome.succeeded()) {
            deliveries.recordAttempt(delivery, delivery.succeeded(outcome.at(), outcome.responseCode(),
                    outcome.durationMs()));
        } else {
            Instant next = gone ? null : nextAttempt(delivery.automaticAttempts() + 2, done, outcome.retryAfter());
            deliveries.recordAttempt(delivery, delivery.failed(outcome.at(), outcome.responseCode(), outcome.error(),
                    outcome.durationMs(), next));
        }
        if (outcome.succeeded()) {
            subscription.deliverySucceeded();
            subscriptions.update(subscription);
            deliveries.holdToOneInFlight(subscription.id(), false);
            return new Recorded(SUCCEEDED, 0);
        }
        boolean retrying = delivery.status() == Delivery.Status.PENDING;
        if (outcome.responseCode() != null && ONE_IN_FLIGHT_AFTER.contains(outcome.responseCode())) {
            deliveries.holdToOneInFlight(subscription.id(), true);
        }
        subscription.deliveryFailed(outcome.at());
        Subscription.DisabledReason disabling = gone ? Subscription.DisabledReason.ENDPOINT_GONE
                : subscription.failingLongerThan(settings.disableAfter(), done) ? Subscription.DisabledReason.FAILING
                : null;
        if (disabling != null) {
            if (subscription.disable(disabling, done)) {
                notices.tell(subscription, gone ? PartnerNotices.What.DISABLED_ENDPOINT_GONE
                                : PartnerNotices.What.DISABLED_FAILING, gone ? done : subscription.failingSince(),
                        outcome.responseCode(), outcome.error(), done);
            }
            int skipped = deliveries.skipUnsettled(subscription.id(), done);
            subscriptions.update(subscription);
            return new Recorded(retrying ? null : FAILED, skipped);
        }
        boolean failedForGood = wasPending && delivery.status() == Delivery.Status.FAILED;
        if (failedForGood && subscription.deliveryFailedForGood(done)) {
            notices.tell(subscription, PartnerNotices.What.DELIVERY_FAILED, subscription.failingSince(),
                    outcome.responseCode(), outcome.error(), done);
        }
        if (outcome.retryAfter() != null) {
            deliveries.pause(subscription.id(), done.plus(outcome.retryAfter()));
        }
        subscriptions.update(subscription);
        return new Recorded(retrying ? RETRYING : FAILED, 0);
    }

    /**
     * When automatic attempt {@code number} goes: the schedule's delay after the failure, with jitter, and no sooner
     * than a Retry-After; none when the schedule is spent.
     */
    private Instant nextAttempt(int number, Instant failedAt, Duration retryAfter) {
        List<Duration> delays = settings.retryDelays();
        if (number > delays.size() + 1) {
            return null;
        }
        double factor = 1 + settings.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        Instant next = failedAt.plusMillis(Math.round(delays.get(number - 2).toMillis() * factor));
        if (retryAfter != null && failedAt.plus(retryAfter).isAfter(next)) {
            next = failedAt.plus(retryAfter);
        }
        return next;
    }

    /** Delta-seconds or an HTTP-date, clamped to [1 s, 24 h]; a value that does not parse is ignored. */
    private Optional<Duration> retryAfter(String value) {
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            try {
                wait = Duration.between(clock.instant(),
                        ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
        if (wait.compareTo(MIN_RETRY_AFTER) < 0) {
            return Optional.of(MIN_RETRY_AFTER);
        }
        return Optional.of(wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait);
    }

    private static long elapsedMs(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
