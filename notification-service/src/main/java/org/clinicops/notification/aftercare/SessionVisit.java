package org.clinicops.notification.aftercare;

import java.time.Instant;

/**
 * What a day-after check-in or a missed-session follow-up is written from: the session's number and time (null when
 * this service never heard of the session's time).
 */
record SessionVisit(int number, Instant start, Instant end) {
}
