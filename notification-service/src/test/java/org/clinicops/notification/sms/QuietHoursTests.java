package org.clinicops.notification.sms;

import org.clinicops.notification.TestSettings;
import org.clinicops.support.testing.TestClock;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** CLINICAL section 8: no patient text from 21:00 to 08:00 clinic time; one due then waits until 08:00. */
class QuietHoursTests {

    private static final ZoneId CLINIC = ZoneId.of("America/Los_Angeles");

    private final QuietHours quietHours = new QuietHours(TestSettings.notification(Map.of()));

    @Test
    void aTextDueAtHalfPastTenInTheEveningWaitsUntilEightTheNextMorning() {
        assertThat(quietHours.endOfQuietHoursAt(TestClock.at("2026-11-25T22:30:00", CLINIC)))
                .contains(TestClock.at("2026-11-26T08:00:00", CLINIC));
    }

    @Test
    void aTextDueBeforeEightInTheMorningWaitsUntilEightThatMorning() {
        assertThat(quietHours.endOfQuietHoursAt(TestClock.at("2026-11-26T07:59:00", CLINIC)))
                .contains(TestClock.at("2026-11-26T08:00:00", CLINIC));
        assertThat(quietHours.endOfQuietHoursAt(TestClock.at("2026-11-26T00:00:00", CLINIC)))
                .contains(TestClock.at("2026-11-26T08:00:00", CLINIC));
    }

    @Test
    void quietHoursStartAtNineAndEndAtEightInTheClinicsZone() {
        assertThat(quietHours.endOfQuietHoursAt(TestClock.at("2026-11-25T20:59:59", CLINIC))).isEmpty();
        assertThat(quietHours.endOfQuietHoursAt(TestClock.at("2026-11-25T21:00:00", CLINIC))).isPresent();
        assertThat(quietHours.endOfQuietHoursAt(TestClock.at("2026-11-26T08:00:00", CLINIC))).isEmpty();
    }

    @Test
    void otherQuietHoursAndAnotherZoneAreSettings() {
        ZoneId london = ZoneId.of("Europe/London");
        QuietHours configured = new QuietHours(TestSettings.notification(Map.of(
                "notification.clinic-zone", "Europe/London",
                "notification.sms.quiet-hours.start", "22:00",
                "notification.sms.quiet-hours.end", "07:30")));

        assertThat(configured.endOfQuietHoursAt(TestClock.at("2026-11-25T21:30:00", london))).isEmpty();
        assertThat(configured.endOfQuietHoursAt(TestClock.at("2026-11-25T23:00:00", london)))
                .contains(TestClock.at("2026-11-26T07:30:00", london));
    }
}
