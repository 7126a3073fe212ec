package org.clinicops.intake.screening;

import java.time.LocalDate;

/** A screening's checked input: what the patient answered and what was measured, on {@code screenedOn}. */
public record ScreeningAnswers(Indication indication, LocalDate screenedOn, Instruments instruments, History history,
                               Vitals vitals) {
}
