package org.clinicops.session.day;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Dissociation and side effects observed during a session (CLINICAL D-7); the note is never published. */
public record Effects(UUID effectsId, Instant observedAt, Dissociation dissociation, List<SideEffect> sideEffects,
                      boolean seriousAdverseEvent, String note) {

    public Effects {
        sideEffects = List.copyOf(sideEffects);
    }

    /** @param scale CADSS or the clinic's own scale; null when only the severity was recorded */
    public record Dissociation(Severity severity, String scale, BigDecimal score) {
    }

    public record SideEffect(SideEffectCode code, Severity severity) {
    }
}
