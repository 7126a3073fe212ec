package org.clinicops.notification.crisis;

import java.time.Instant;
import java.util.UUID;

/**
 * What crisis messages are written from, stored as the notifications' content: which screening and when. Never the
 * reasons or scores, which stay in intake-service.
 */
record CrisisReference(UUID screeningId, Instant recordedAt) {
}
