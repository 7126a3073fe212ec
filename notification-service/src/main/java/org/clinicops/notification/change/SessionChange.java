package org.clinicops.notification.change;

import org.clinicops.events.Protocol;

import java.time.Instant;

/** What a reschedule notice is written from: the session's number, old and new time, protocol (for fasting). */
record SessionChange(int number, Instant previousStart, Instant start, Instant end, Protocol protocol) {
}
