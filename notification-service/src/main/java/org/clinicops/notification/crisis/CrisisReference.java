package org.clinicops.notification.crisis;

import java.time.Instant;
import java.util.UUID;

/**
 * What crisis messages are written from, stored as the notifications' content: which screening (or progress measure)
 * and when, and the crisis's alert (to acknowledge). Never the reasons or scores, which stay in intake-service.
 *
 * @param screeningId null for a crisis on a progress measure
 * @param alertId     null in content stored before crises were alerts
 * @param measureId   the PHQ-9 progress measure taken before a session that escalated (CLINICAL D-9); null for a
 *                    screening's crisis
 */
record CrisisReference(UUID screeningId, Instant recordedAt, UUID alertId, UUID measureId) {
}
