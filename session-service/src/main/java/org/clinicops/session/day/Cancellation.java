package org.clinicops.session.day;

import org.clinicops.events.CancellationReason;

import java.time.Instant;

public record Cancellation(CancellationReason reason, Instant cancelledAt, String note) {
}
