package org.clinicops.notification.notification;

import org.clinicops.notification.config.NotificationProperties;
import org.clinicops.notification.contact.ContactUnavailableException;
import org.clinicops.notification.contact.PatientContact;
import org.clinicops.notification.contact.PatientContacts;
import org.clinicops.notification.mail.MailUnavailableException;
import org.clinicops.notification.mail.Mailer;
import org.clinicops.support.web.CorrelationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends the notifications that are due, most urgent first, every {@code notification.dispatch-interval}, in two
 * lanes: staff pages, which need only the mail server, never wait behind a patient message whose contact lookup is
 * slow.
 * <p>
 * Each notification is claimed in a transaction of its own ({@code FOR UPDATE SKIP LOCKED}), so several instances
 * share the queue and none sends what another holds; the row stays locked until its outcome is recorded. A patient
 * message asks intake-service for the contact details first and goes only to a consented, known address. When
 * intake-service or the mail server cannot be reached, the notification stays PENDING with the error and a later
 * next attempt; it is never dropped. Delivery is at least once: should the outcome fail to commit after the mail
 * server took the message, it is sent again.
 */
@Component
public class NotificationDispatcher implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    /** A round ends after this many, so a long queue never holds the scheduler thread for long. */
    private static final int MAX_PER_ROUND = 100;

    private final Notifications notifications;
    private final PatientContacts contacts;
    private final Mailer mailer;
    private final Map<NotificationKind, MessageTemplate> templates = new EnumMap<>(NotificationKind.class);
    private final NotificationProperties properties;
    private final RetryBackoff backoff;
    private final TransactionTemplate transactions;
    private final Clock clock;

    NotificationDispatcher(Notifications notifications, PatientContacts contacts, Mailer mailer,
                           List<MessageTemplate> templates, NotificationProperties properties,
                           TransactionTemplate transactions, Clock clock) {
        this.notifications = notifications;
        this.contacts = contacts;
        this.mailer = mailer;
        templates.forEach(t -> this.templates.put(t.kind(), t));
        for (NotificationKind kind : NotificationKind.values()) {
            if (!this.templates.containsKey(kind)) {
                throw new IllegalStateException("No message template for " + kind);
            }
        }
        this.properties = properties;
        this.backoff = new RetryBackoff(properties.retry());
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        for (NotificationKind.Audience audience : NotificationKind.Audience.values()) {
            registrar.addFixedDelayTask(() -> dispatchDue(audience), properties.dispatchInterval());
        }
    }

    /** One round of one lane: sends due notifications until none is left or the round is full. */
    private void dispatchDue(NotificationKind.Audience audience) {
        try {
            if (audience == NotificationKind.Audience.PATIENT) {
                int expired = notifications.expire(clock.instant());
                if (expired > 0) {
                    log.warn("{} notification(s) not sent in time were closed as FAILED", expired);
                }
            }
            // Each pass claims the most urgent due notification afresh, so a crisis message stored meanwhile goes next.
            int dispatched = 0;
            while (dispatched < MAX_PER_ROUND && dispatchNext(audience)) {
                dispatched++;
            }
        } catch (RuntimeException e) {
            // The database itself failed: nothing was recorded, the notification is still due next round.
            log.warn("Dispatch round stopped; due notifications stay pending for the next round: {}", e.toString());
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

    /** Logs of the delivery, and the call to intake-service, carry the id of the request behind the event. */
    private void deliverWithCorrelationId(Notification notification) {
        if (notification.correlationId() != null) {
            MDC.put(CorrelationId.MDC_KEY, notification.correlationId());
        }
        try {
            deliver(notification);
        } finally {
            MDC.remove(CorrelationId.MDC_KEY);
        }
    }

    private void deliver(Notification notification) {
        try {
            Optional<Recipient> recipient = recipientOf(notification);
            if (recipient.isEmpty()) {
                return;
            }
            EmailMessage message = templates.get(notification.kind()).render(notification, recipient.get());
            mailer.send(recipient.get().email(), message);
            notifications.markSent(notification, clock.instant());
            log.info("Sent {} {} for patient {}", notification.kind(), notification.notificationId(),
                    notification.patientId());
        } catch (ContactUnavailableException | MailUnavailableException e) {
            retryLater(notification, e.getMessage());
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
     * The configured address of the staff role for staff messages; for a patient message, the patient's consented address, or empty
     * when the notification was settled here instead (no consent, unknown patient, unusable address).
     */
    private Optional<Recipient> recipientOf(Notification notification) {
        if (notification.kind().audience() == NotificationKind.Audience.STAFF) {
            return Optional.of(new Recipient(properties.staffAddress(notification.staffRole()), null));
        }
        Optional<PatientContact> found = contacts.find(notification.patientId());
        if (found.isEmpty()) {
            fail(notification, "intake-service knows no patient with this id");
            return Optional.empty();
        }
        PatientContact contact = found.get();
        if (!contact.consentsToEmail()) {
            skip(notification, "the patient has not consented to e-mail");
            return Optional.empty();
        }
        if (!contact.hasEmailAddress()) {
            skip(notification, "no e-mail address on file");
            return Optional.empty();
        }
        if (!Mailer.isUsableAddress(contact.email())) {
            fail(notification, "the e-mail address on file is not a valid address");
            return Optional.empty();
        }
        return Optional.of(new Recipient(contact.email(), contact.firstName()));
    }

    private void skip(Notification notification, String reason) {
        notifications.markSkippedNoConsent(notification, reason);
        log.info("{} {} for patient {} skipped: {}", notification.kind(), notification.notificationId(),
                notification.patientId(), reason);
        askOnCallToCallIfCrisisLine(notification);
    }

    private void fail(Notification notification, String reason) {
        notifications.markFailed(notification, reason);
        log.warn("{} {} for patient {} failed: {}", notification.kind(), notification.notificationId(),
                notification.patientId(), reason);
        askOnCallToCallIfCrisisLine(notification);
    }

    /** CLINICAL section 5: a patient in crisis whom the crisis line cannot reach is called by staff instead. */
    private void askOnCallToCallIfCrisisLine(Notification notification) {
        if (notification.kind() == NotificationKind.CRISIS_LINE_MESSAGE) {
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
