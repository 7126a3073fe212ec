package org.clinicops.notification.change;

import java.time.Instant;

/**
 * What a cancellation notice is written from: the session's number and time, and whether it was deferred on its
 * day rather than cancelled. Never why: the reason (who cancelled, a D-1..D-3 finding) stays out of messages.
 */
record SessionCancellation(int number, Instant start, Instant end, boolean deferred) {
}
