package org.clinicops.notification.booking;

import org.clinicops.events.Protocol;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A reminder is worth sending until the next one of the configured offsets is due, the last until the start. */
class SessionReminderTests {

    private static final Instant START = Instant.parse("2026-11-30T16:00:00Z");

    @Test
    void eachReminderIsDueItsHoursBeforeTheStartAndExpiresWhenTheNextIsDue() {
        List<Integer> offsets = List.of(72, 24, 2);

        assertThat(reminder(72).due()).isEqualTo(Instant.parse("2026-11-27T16:00:00Z"));
        assertThat(reminder(72).expires(offsets)).isEqualTo(Instant.parse("2026-11-29T16:00:00Z"));
        assertThat(reminder(24).expires(offsets)).isEqualTo(Instant.parse("2026-11-30T14:00:00Z"));
        assertThat(reminder(2).expires(offsets)).isEqualTo(START);
    }

    private static SessionReminder reminder(int hoursBefore) {
        return new SessionReminder(2, START, START.plusSeconds(6900), Protocol.IV_KETAMINE_DEPRESSION, hoursBefore);
    }
}
