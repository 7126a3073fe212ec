package org.clinicops.notification.alert;

import java.time.Instant;
import java.util.UUID;

/**
 * What a safety-alert page is written from: which alert, session and when. Never the code, the reading or the
 * threshold: the prescriber opens the session in clinic-ops.
 */
record SafetyAlertReference(UUID alertId, UUID sessionId, int number, Instant takenAt) {
}
