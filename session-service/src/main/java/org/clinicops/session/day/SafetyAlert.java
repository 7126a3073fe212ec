package org.clinicops.session.day;

import org.clinicops.events.SafetyAlertCode;

import java.time.Instant;
import java.util.UUID;

/** A D-6 alert: a reading past a threshold ({@code value}, {@code threshold}) or a serious adverse event (both null). */
public record SafetyAlert(UUID alertId, SafetyAlertCode code, Integer value, Integer threshold, Instant takenAt,
                          Instant raisedAt) {
}
