package org.clinicops.notification.partner;

import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Records a partner event for one subscription as the recorder does: the clinic's event, numbered for it. */
final class RecordedPartnerEvents {

    private RecordedPartnerEvents() {
    }

    /** A first {@code patient.status_changed} of the patient; answers the event id. */
    static UUID record(TransactionTemplate transactions, PartnerEvents events, Clock clock, String clinic,
                       UUID subscriptionId, UUID patientId) {
        return transactions.execute(status -> {
            Instant now = clock.instant();
            UUID eventId = events.add(clinic, UUID.randomUUID(), PartnerEventType.PATIENT_STATUS_CHANGED,
                    patientId, now, now).orElseThrow();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("patientId", patientId.toString());
            data.put("partnerReference", null);
            data.put("status", "ACCEPTED");
            data.put("previousStatus", null);
            events.number(subscriptionId, eventId, PartnerEventType.PATIENT_STATUS_CHANGED, patientId, now, data,
                    now);
            return eventId;
        });
    }
}
