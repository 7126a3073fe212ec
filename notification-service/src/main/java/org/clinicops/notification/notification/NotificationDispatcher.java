package org.clinicops.notification.notification;

import org.clinicops.notification.config.NotificationProperties;
import org.clinicops.notification.contact.ContactUnavailableException;
import org.clinicops.notification.contact.PatientContact;
import org.clinicops.notification.contact.PatientContacts;
import org.clinicops.notification.mail.MailUnavailableException;
import org.clinicops.notification.mail.Mailer;
import org.clinicops.notification.sms.QuietHours;
import org.clinicops.notification.sms.SmsProvider;
import org.clinicops.notification.sms.SmsRejectedException;
import org.clinicops.notification.sms.SmsUnavailableException;
import org.clinicops.notification.template.MailTemplates;
import org.clinicops.support.observability.TraceContext;
import org.clinicops.support.rounds.OnDemandRounds;
import org.clinicops.support.web.CorrelationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends the notifications that are due, most urgent first, in two lanes: staff pages, which need only the mail
 * server, never wait behind a patient message whose contact lookup is slow. A lane's round starts as soon as a
 * transaction that stored a notification for it commits, and every {@code notification.dispatch-interval} as the
 * safety net; up to {@code notification.dispatch-concurrency} of its notifications are delivered at once, so one
 * slow contact lookup or mail server answer holds up only its own.
 * <p>
 * Each notification is claimed in a transaction of its own ({@code FOR UPDATE SKIP LOCKED}), so the workers of a
 * lane and several instances share the queue and none sends what another holds; the row stays locked until its
 * outcome is recorded. A patient
 * message asks intake-service for the contact details first and goes only to a consented, known address. It is
 * stored as an e-mail; when the patient consented to texts, its first attempt adds the same message as a text (one
 * row per channel, each with its own status), so a patient who consented to both gets both. A patient text due in
 * quiet hours is HELD until they end. When intake-service, the mail server or the SMS provider cannot be reached,
 * the notification stays PENDING with the error and a later next attempt; it is never dropped. Delivery is at least once: should the outcome fail to commit after the mail
 * server took the message, it is sent again.
 */
@Component
public class NotificationDispatcher implements SchedulingConfigurer, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    /** A round ends after this many, so the poll's expiry and a new round's fresh start come round often. */
    private static final int MAX_PER_ROUND = 500;

    private final Notifications notifications;
    private final PatientContacts contacts;
    private final Mailer mailer;
    private final SmsProvider sms;
    private final QuietHours quietHours;
    private final MailTemplates wording;
    private final Map<NotificationKind, MessageTemplate> templates = new EnumMap<>(NotificationKind.class);
    private final NotificationProperties properties;
    private final RetryBackoff backoff;
    private final TransactionTemplate transactions;
    private final TraceContext traces;
    private final Clock clock;
    private final Map<NotificationKind.Audience, Lane> lanes = new EnumMap<>(NotificationKind.Audience.class);

    NotificationDispatcher(Notifications notifications, PatientContacts contacts, Mailer mailer, SmsProvider sms,
                           QuietHours quietHours, MailTemplates wording, List<MessageTemplate> templates,
                           NotificationProperties properties, TransactionTemplate transactions, TraceContext traces,
                           Clock clock) {
        this.notifications = notifications;
        this.contacts = contacts;
        this.mailer = mailer;
        this.sms = sms;
        this.quietHours = quietHours;
        this.wording = wording;
        templates.forEach(t -> this.templates.put(t.kind(), t));
        for (NotificationKind kind : NotificationKind.values()) {
            if (!this.templates.containsKey(kind)) {
                throw new IllegalStateException("No message template for " + kind);
            }
        }
        this.properties = properties;
        this.backoff = new RetryBackoff(properties.retry());
        this.transactions = transactions;
        this.traces = traces;
        this.clock = clock;
        for (NotificationKind.Audience audience : NotificationKind.Audience.values()) {
            lanes.put(audience, new Lane(audience, properties.dispatchConcurrency()));
        }
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::poll, properties.dispatchInterval());
    }

    /** A notification was stored for {@code audience}'s lane and its transaction committed: send it now. */
    @TransactionalEventListener(fallbackExecution = true)
    void onStored(Notifications.Stored stored) {
        lanes.get(stored.audience()).rounds.wake();
    }

    /** The safety net: closes what expired unsent, and starts a round of each lane. */
    private void poll() {
        try {
            int expired = notifications.expire(clock.instant());
            if (expired > 0) {
                log.warn("{} notification(s) not sent in time were closed as FAILED", expired);
            }
        } catch (RuntimeException e) {
            log.warn("Could not close expired notifications; the next poll tries again: {}", e.toString());
        }
        lanes.values().forEach(lane -> lane.rounds.wake());
    }

    @Override
    public void destroy() throws InterruptedException {
        for (Lane lane : lanes.values()) {
            // a delivery still running after this is rolled back: its notification is sent after the next start
            lane.rounds.stop(Duration.ofSeconds(10));
            lane.workers.shutdownNow();
        }
    }

    /** One audience's queue: a round at a time, each with up to {@code concurrency} deliveries at once. */
    private final class Lane {

        private final NotificationKind.Audience audience;
        private final int concurrency;
        private final ExecutorService workers;
        private final OnDemandRounds rounds;

        Lane(NotificationKind.Audience audience, int concurrency) {
            this.audience = audience;
            this.concurrency = concurrency;
            String name = "dispatch-" + audience.name().toLowerCase(Locale.ROOT);
            this.workers = Executors.newFixedThreadPool(concurrency,
                    Thread.ofPlatform().name(name + "-", 1).daemon().factory());
            this.rounds = new OnDemandRounds(name, () -> new Round(this).run());
        }
    }

    /**
     * Sends the lane's due notifications until none is left or the round is full. It starts with one worker; each
     * worker that found something to send starts one more, up to the lane's concurrency, so a single message costs
     * one claim and a backlog soon has every worker.
     */
    private final class Round {

        private final Lane lane;
        private final AtomicInteger left = new AtomicInteger(MAX_PER_ROUND);
        private final AtomicInteger started = new AtomicInteger();
        private final List<Future<?>> workers = new CopyOnWriteArrayList<>();

        Round(Lane lane) {
            this.lane = lane;
        }

        void run() {
            startWorker();
            RuntimeException failure = null;
            // a worker adds the next one before it ends, so this sees every worker of the round
            for (int i = 0; i < workers.size(); i++) {
                try {
                    workers.get(i).get();
                } catch (ExecutionException e) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (failure != null) {
                // The database itself failed: nothing was recorded, the notification is still due next round.
                log.warn("Dispatch round stopped; due notifications stay pending for the next round: {}",
                        failure.toString());
            }
        }

        private void startWorker() {
            if (started.incrementAndGet() <= lane.concurrency) {
                try {
                    workers.add(lane.workers.submit(this::work));
                } catch (RejectedExecutionException e) {
                    // stopping: what is due is sent after the next start
                }
            }
        }

        private void work() {
            boolean helped = false;
            // Each pass claims the most urgent due notification afresh, so a crisis message stored meanwhile goes next.
            while (left.getAndDecrement() > 0 && dispatchNext(lane.audience)) {
                if (!helped) {
                    startWorker();
                    helped = true;
                }
            }
        }
    }

    /** Claims and delivers the most urgent due notification of the lane; false when none is due. */
    private boolean dispatchNext(NotificationKind.Audience audience) {
        Boolean dispatched = transactions.execute(status -> {
            Optional<Notification> next = notifications.claimNextDue(clock.instant(), audience);
            next.ifPresent(this::deliverWithCorrelationId);
            return next.isPresent();
        });
        return Boolean.TRUE.equals(dispatched);
    }

    /**
     * Logs of the delivery, and the call to intake-service, carry the id of the request behind the event, and the
     * delivery is a span of that event's trace.
     */
    private void deliverWithCorrelationId(Notification notification) {
        if (notification.correlationId() != null) {
            MDC.put(CorrelationId.MDC_KEY, notification.correlationId());
        }
        try {
            traces.inSpanOf(notification.traceparent(), "notification delivery", span -> {
                span.tag("notification.kind", notification.kind().name());
                span.tag("notification.channel", notification.channel().name());
                deliver(notification);
            });
        } finally {
            MDC.remove(CorrelationId.MDC_KEY);
        }
    }

    private void deliver(Notification notification) {
        Optional<PatientContact> contact = Optional.empty();
        try {
            if (notification.kind().audience() == NotificationKind.Audience.PATIENT) {
                contact = contacts.find(notification.patientId());
            }
            Optional<Recipient> recipient = recipientOf(notification, contact);
            if (recipient.isEmpty() || heldForQuietHours(notification)) {
                return;
            }
            Map<String, ?> values = templates.get(notification.kind()).values(notification);
            switch (notification.channel()) {
                case EMAIL -> mailer.send(recipient.get().address(),
                        wording.render(notification.kind(), recipient.get(), values));
                case SMS -> sms.send(recipient.get().address(),
                        wording.renderText(notification.kind(), recipient.get(), values),
                        notification.notificationId());
            }
            notifications.markSent(notification, clock.instant());
            log.info("Sent {} {} by {} for patient {}", notification.kind(), notification.notificationId(),
                    notification.channel(), notification.patientId());
        } catch (ContactUnavailableException | MailUnavailableException | SmsUnavailableException e) {
            retryLater(notification, e.getMessage());
        } catch (SmsRejectedException e) {
            fail(notification, e.getMessage(), contact.orElse(null));
        } catch (DataAccessException e) {
            // The database failed: the transaction rolls back and the notification is due again next round.
            throw e;
        } catch (RuntimeException e) {
            // A fault of ours (e.g. unreadable stored content): keep the notification, show the error, log it whole.
            log.error("Could not deliver {} {}", notification.kind(), notification.notificationId(), e);
            retryLater(notification, "unexpected " + e.getClass().getSimpleName() + " in notification-service");
        }
    }

    /**
     * The configured address of the staff role for staff messages (or the message's own address); for a patient message, the patient's consented
     * address or number on the notification's channel, or empty when the notification was settled here instead (no
     * consent, unknown patient, unusable address). The e-mail of a patient who consented to texts gets its text.
     */
    private Optional<Recipient> recipientOf(Notification notification, Optional<PatientContact> found) {
        if (notification.kind().audience() == NotificationKind.Audience.STAFF) {
            return Optional.of(new Recipient(notification.address() != null ? notification.address()
                    : properties.staffAddress(notification.staffRole()), null));
        }
        if (found.isEmpty()) {
            fail(notification, "intake-service knows no patient with this id", null);
            return Optional.empty();
        }
        PatientContact contact = found.get();
        if (notification.channel() == Channel.EMAIL && contact.consentsToSms()
                && MailTemplates.hasText(notification.kind())) {
            notifications.addChannel(notification, Channel.SMS, clock.instant());
        }
        Optional<Refusal> refusal = refusalOn(notification.channel(), contact);
        if (refusal.isPresent()) {
            if (refusal.get().unusableAddress()) {
                fail(notification, refusal.get().reason(), contact);
            } else {
                skip(notification, refusal.get().reason(), contact);
            }
            return Optional.empty();
        }
        String address = notification.channel() == Channel.EMAIL ? contact.email() : contact.phone();
        return Optional.of(new Recipient(address, contact.firstName()));
    }

    /** Why a patient cannot be reached on a channel: not theirs to use (skipped), or an address that cannot work. */
    private record Refusal(String reason, boolean unusableAddress) {
    }

    /** Why this contact cannot be reached on {@code channel}, or empty when it can. */
    private static Optional<Refusal> refusalOn(Channel channel, PatientContact contact) {
        return switch (channel) {
            case EMAIL -> !contact.consentsToEmail()
                    ? Optional.of(new Refusal("the patient has not consented to e-mail", false))
                    : !contact.hasEmailAddress() ? Optional.of(new Refusal("no e-mail address on file", false))
                    : !Mailer.isUsableAddress(contact.email())
                    ? Optional.of(new Refusal("the e-mail address on file is not a valid address", true))
                    : Optional.empty();
            case SMS -> !contact.consentsToSms()
                    ? Optional.of(new Refusal("the patient has not consented to SMS", false))
                    : !contact.hasPhoneNumber() ? Optional.of(new Refusal("no phone number on file", false))
                    : !SmsProvider.isUsableNumber(contact.phone())
                    ? Optional.of(new Refusal("the phone number on file cannot be texted", true))
                    : Optional.empty();
        };
    }

    /** A patient text due in quiet hours waits, HELD, until they end; true when this one does. */
    private boolean heldForQuietHours(Notification notification) {
        if (notification.channel() != Channel.SMS || !notification.kind().waitsOutQuietHours()) {
            return false;
        }
        Optional<Instant> until = quietHours.endOfQuietHoursAt(clock.instant());
        until.ifPresent(end -> {
            notifications.hold(notification, end);
            log.info("{} {} for patient {} held for quiet hours until {}", notification.kind(),
                    notification.notificationId(), notification.patientId(), end);
        });
        return until.isPresent();
    }

    private void skip(Notification notification, String reason, PatientContact contact) {
        notifications.markSkippedNoConsent(notification, reason);
        log.info("{} {} by {} for patient {} skipped: {}", notification.kind(), notification.notificationId(),
                notification.channel(), notification.patientId(), reason);
        askOnCallToCallIfCrisisLineCannotReach(notification, contact);
    }

    private void fail(Notification notification, String reason, PatientContact contact) {
        notifications.markFailed(notification, reason);
        log.warn("{} {} by {} for patient {} failed: {}", notification.kind(), notification.notificationId(),
                notification.channel(), notification.patientId(), reason);
        askOnCallToCallIfCrisisLineCannotReach(notification, contact);
    }

    /**
     * CLINICAL section 5: a patient in crisis whom the crisis-line message reaches neither on this channel nor on the
     * other is called by staff instead (one task, however many of its channels fail).
     */
    private void askOnCallToCallIfCrisisLineCannotReach(Notification notification, PatientContact contact) {
        if (notification.kind() != NotificationKind.CRISIS_LINE_MESSAGE) {
            return;
        }
        Channel other = notification.channel() == Channel.EMAIL ? Channel.SMS : Channel.EMAIL;
        if (contact == null || refusalOn(other, contact).isPresent()) {
            notifications.insert(Notification.pending(notification.patientId(), NotificationKind.CALL_PATIENT_TASK,
                    notification.sourceEventId(), notification.content(), clock.instant()));
        }
    }

    private void retryLater(Notification notification, String error) {
        int failedAttempts = notification.attempts() + 1;
        Instant next = clock.instant().plus(backoff.after(failedAttempts, notification.kind()));
        notifications.retryLater(notification, error, next);
        log.warn("{} {} for patient {} stays pending after attempt {}: {}; next attempt at {}", notification.kind(),
                notification.notificationId(), notification.patientId(), failedAttempts, error, next);
    }
}
