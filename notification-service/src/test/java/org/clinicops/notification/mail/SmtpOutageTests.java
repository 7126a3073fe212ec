package org.clinicops.notification.mail;

import org.clinicops.events.ScreeningOutcome;
import org.clinicops.notification.StreamTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The mail server down and back on the same port: nothing is dropped, everything waiting goes out once it is back.
 * The test clock moves on only while a test waits through retries ({@link #awaitRetrying}).
 */
class SmtpOutageTests extends StreamTestSupport {

    @Test
    void aConfirmationWaitsWhileTheMailServerIsDownAndIsSentOnceItIsBack() {
        String address = newAddress("waiting");
        UUID patient = intake.registerPatient("Dana", address, true);
        mail.stop();
        try {
            send(planBooked(patient));

            JsonNode waiting = awaitRetrying(() -> notificationOf(patient, "BOOKING_CONFIRMATION"),
                    n -> n.isPresent() && n.get().get("attempts").asInt() >= 3).orElseThrow();
            assertThat(waiting.get("status").asString()).isEqualTo("PENDING");
            assertThat(waiting.get("lastError").asString()).contains("mail server").doesNotContain(address);
        } finally {
            mail.start();
        }

        awaitNotificationRetrying(patient, "BOOKING_CONFIRMATION", "SENT");
        await().atMost(PATIENCE).until(() -> confirmationsTo(address).size() == 1);
    }

    @Test
    void aCrisisPageWaitsForTheMailServerAndGoesOutOnceItIsBack() {
        UUID patient = intake.registerPatient("Sam", newAddress("crisis"), true);
        mail.stop();
        try {
            send(screeningCompleted(patient, ScreeningOutcome.CRISIS_ESCALATION));

            JsonNode waiting = awaitRetrying(() -> notificationOf(patient, "CRISIS_PAGE"),
                    n -> n.isPresent() && n.get().get("attempts").asInt() >= 2).orElseThrow();
            assertThat(waiting.get("status").asString()).isEqualTo("PENDING");
            assertThat(waiting.get("lastError").asString()).contains("mail server");
        } finally {
            mail.start();
        }

        awaitNotificationRetrying(patient, "CRISIS_PAGE", "SENT");
        await().atMost(PATIENCE).until(() -> mailTo(ON_CALL).stream()
                .anyMatch(m -> subject(m).contains(patient.toString())));
    }
}
