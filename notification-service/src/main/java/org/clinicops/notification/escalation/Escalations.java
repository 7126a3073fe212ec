package org.clinicops.notification.escalation;

import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.Notifications;
import org.clinicops.notification.notification.StaffRole;
import org.clinicops.support.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Raises alerts, pages their chains and takes acknowledgements. Each page is a notification stored for the dispatcher
 * (staff lane, quiet hours never apply) with the alert's id as its source and {@code {alertId}/{step}/{role}} as its
 * dedupe key: the notification table's unique key makes each page once, whichever instance stores it and however
 * often. Alerts are claimed {@code FOR UPDATE SKIP LOCKED}, so instances share the chains without waiting on each
 * other, and an acknowledgement waits for a poller that holds its alert, then stops every page not sent yet.
 */
@Service
public class Escalations {

    private static final Logger log = LoggerFactory.getLogger(Escalations.class);

    private final Alerts alerts;
    private final Notifications notifications;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Escalations(Alerts alerts, Notifications notifications, TransactionTemplate transactions, Clock clock) {
        this.alerts = alerts;
        this.notifications = notifications;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Stores the alert and its first page at once, in the caller's transaction (the one recording its event as
     * processed); nothing when the alert is already stored. An event consumed late pages the step due by now.
     *
     * @return false when the alert was already stored (an event published again)
     */
    public boolean raise(Alert alert) {
        if (!alerts.insert(alert)) {
            log.info("{} alert {} for patient {} was already raised", alert.kind(), alert.alertId(),
                    alert.patientId());
            return false;
        }
        pageDue(alert, clock.instant());
        return true;
    }

    /** Pages the step due of the open alert due longest, in a transaction of its own; false when none is due. */
    boolean pageNextDue() {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            Instant now = clock.instant();
            return alerts.claimNextDue(now).map(alert -> pageDue(alert, now)).isPresent();
        }));
    }

    private Alert pageDue(Alert alert, Instant now) {
        return alert.stepDueAt(now).map(step -> {
            List<StaffRole> roles = alert.rolesAt(step);
            for (StaffRole role : roles) {
                notifications.insert(Notification.pending(alert.patientId(), alert.kind().pageKind(),
                        alert.alertId(), alert.pageContent(), now).to(role), alert.alertId() + "/" + step + "/" + role);
            }
            Alert paged = alert.pagedThrough(step);
            alerts.update(paged);
            log.info("{} alert {} for patient {}: step {} paged {}; next page due at {}", alert.kind(),
                    alert.alertId(), alert.patientId(), step, roles, paged.nextPageAt());
            return paged;
        }).orElse(alert);
    }

    public PagedAlert get(UUID alertId) {
        return alerts.find(alertId).orElseThrow(() -> unknown(alertId));
    }

    /** {@code status} null for all. */
    public List<PagedAlert> list(AlertStatus status, int limit) {
        return alerts.list(status, limit);
    }

    /**
     * Acknowledges the alert for {@code staffId}: no later page is stored, and pages stored but not sent yet are
     * suppressed (one the dispatcher is sending at this moment still goes). Acknowledging again changes nothing and
     * answers the first acknowledgement.
     */
    public PagedAlert acknowledge(UUID alertId, String staffId) {
        return transactions.execute(status -> {
            Alert alert = alerts.lock(alertId).orElseThrow(() -> unknown(alertId));
            if (alert.isOpen()) {
                Alert acknowledged = alert.acknowledge(staffId, clock.instant());
                alerts.update(acknowledged);
                int suppressed = notifications.suppressPending(alert.patientId(), alert.kind().pageKind(),
                        alert.alertId() + "/", "not sent: the alert was acknowledged by " + staffId);
                log.info("{} alert {} for patient {} acknowledged by {}; {} unsent page(s) suppressed",
                        alert.kind(), alertId, alert.patientId(), staffId, suppressed);
            }
            return alerts.find(alertId).orElseThrow();
        });
    }

    private static NotFoundException unknown(UUID alertId) {
        return new NotFoundException("No alert " + alertId + ".");
    }
}
