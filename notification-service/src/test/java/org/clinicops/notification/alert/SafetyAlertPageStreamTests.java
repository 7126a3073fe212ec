package org.clinicops.notification.alert;

import jakarta.mail.internet.MimeMessage;
import org.clinicops.events.SafetyAlertCode;
import org.clinicops.events.SafetyAlertRaised;
import org.clinicops.notification.StreamTestSupport;
import org.clinicops.support.testing.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** CLINICAL D-6: a SafetyAlertRaised on {@code clinic.sessions} pages the prescriber within seconds, once. */
class SafetyAlertPageStreamTests extends StreamTestSupport {

    static final String PRESCRIBER = "prescriber@clinic.local";

    @Test
    void aSafetyAlertPagesThePrescriberWithinSecondsWithIdsOnlyAndOnceForTwoDeliveries() {
        UUID patient = UUID.randomUUID();
        // Thursday 26 November 2026, 9:40 in Los Angeles, during the session: any hour pages
        Instant takenAt = TestClock.at("2026-11-26T17:40:00Z");
        clock.set(takenAt.plusSeconds(5));
        SafetyAlertRaised alert = new SafetyAlertRaised(UUID.randomUUID(), clock.instant(), patient,
                UUID.randomUUID(), UUID.randomUUID(), 1, UUID.randomUUID(), SafetyAlertCode.SYSTOLIC_HIGH, 186, 180,
                takenAt, "dr-okafor");

        events.send(alert, alert.sessionId());
        events.send(alert, alert.sessionId());

        MimeMessage page = await().atMost(Duration.ofSeconds(5)).until(() -> pagesAbout(patient), p -> !p.isEmpty())
                .getFirst();
        assertThat(subject(page)).isEqualTo("SAFETY ALERT: see patient " + patient + " now");
        assertThat(body(page)).contains("Patient:    " + patient)
                .contains("Session:    " + alert.sessionId() + " (number 1 of the series)")
                .contains("Alert:      " + alert.alertId())
                .contains("Taken:      Thursday, " + spelledDate("2026-11-26") + ", 9:40 AM PST")
                .doesNotContain("SYSTOLIC").doesNotContain("dr-okafor");
        // ids only: no reading or threshold (looked for with the ids taken out, as a random id may hold "186")
        assertThat(body(page).replaceAll("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}", "<id>"))
                .doesNotContain("186").doesNotContain("180");
        awaitNotification(patient, "SAFETY_ALERT_PAGE", "SENT");
        await().during(Duration.ofMillis(500)).atMost(PATIENCE).until(() -> pagesAbout(patient).size() == 1);
        assertThat(notificationsOf(patient)).hasSize(1);
        assertThat(mailTo(ON_CALL)).noneMatch(m -> subject(m).contains(patient.toString()));
    }

    private List<MimeMessage> pagesAbout(UUID patient) {
        return mailTo(PRESCRIBER).stream().filter(m -> subject(m).contains(patient.toString())).toList();
    }
}
