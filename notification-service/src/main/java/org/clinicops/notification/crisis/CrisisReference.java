package org.clinicops.notification.crisis;

import java.time.Instant;
import java.util.UUID;

/**
 * What crisis messages are written from, stored as the notifications' content: which screening and when, and the
 * crisis's alert (to acknowledge). Never the reasons or scores, which stay in intake-service.
 *
 * @param alertId null in content stored before crises were alerts
 */
record CrisisReference(UUID screeningId, Instant recordedAt, UUID alertId) {
}
