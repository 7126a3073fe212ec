package org.clinicops.notification.escalation.web;

import org.clinicops.notification.escalation.Alert;
import org.clinicops.notification.escalation.AlertKind;
import org.clinicops.notification.escalation.AlertStatus;
import org.clinicops.notification.escalation.PagedAlert;

import java.time.Instant;
import java.util.UUID;

/**
 * An alert as staff see it: ids and times only, never what the screening or the reading found.
 *
 * @param sessionId  the session of a D-6 safety alert; null for a crisis
 * @param pagesSent  pages sent so far (stored pages the mail server has not taken yet are not counted)
 * @param nextPageAt when the next page is due; null once acknowledged
 */
record AlertResponse(UUID alertId, AlertKind kind, AlertStatus status, UUID patientId, UUID sessionId,
                     Instant raisedAt, int pagesSent, Instant nextPageAt, String acknowledgedBy,
                     Instant acknowledgedAt) {

    static AlertResponse of(PagedAlert paged) {
        Alert a = paged.alert();
        return new AlertResponse(a.alertId(), a.kind(), a.status(), a.patientId(), a.sessionId(), a.raisedAt(),
                paged.pagesSent(), a.nextPageAt(), a.acknowledgedBy(), a.acknowledgedAt());
    }
}
