package org.clinicops.intake.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * intake-service settings ({@code intake.*}).
 *
 * @param clinicZone      the clinic's time zone: what "today" means for a screening date or a date of birth
 *                        (CLINICAL section 3, one zone per deployment); {@code clinic.zone} sets it
 */
@ConfigurationProperties("intake")
public record IntakeProperties(@DefaultValue("America/Los_Angeles") ZoneId clinicZone) {

    /** Today's date in the clinic, by the given clock. */
    public LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), clinicZone);
    }
}
