package org.clinicops.session.day;

import org.clinicops.events.DeferralReason;

import java.time.Instant;

public record Deferral(DeferralReason reason, Instant deferredAt, String note) {
}
