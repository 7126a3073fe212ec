package org.clinicops.session.day;

import java.time.Instant;
import java.util.UUID;

/** One reading of BP, heart rate and SpO2; PRE_DOSE readings run the BP gate, MONITORING ones keep D-5. */
public record Vitals(UUID vitalsId, Phase phase, Instant takenAt, int systolic, int diastolic, int heartRate,
                     int spo2, BpClass bp) {

    public enum Phase {
        PRE_DOSE,
        MONITORING
    }
}
