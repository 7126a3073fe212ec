package org.clinicops.notification.contact;

import io.micrometer.core.instrument.MeterRegistry;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.notification.StreamTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * intake-service down (its context closed) and back on the same port and database: patient messages wait as
 * PENDING, counting attempts, and go out once it answers again; staff pages need no lookup and never wait for it.
 * The test clock moves on only while a test waits through retries ({@link #awaitRetrying}).
 */
class IntakeOutageTests extends StreamTestSupport {

    @Autowired
    MeterRegistry meters;

    @Test
    void aConfirmationWaitsWhileIntakeServiceIsDownAndIsSentOnceItIsBack() {
        String address = newAddress("waiting");
        UUID patient = intake.registerPatient("Dana", address, true);
        // the shared service's meters count from its start, across the classes before this one
        double failedCallsBefore = failedIntakeServiceCalls();
        intake.stop();
        try {
            send(planBooked(patient));

            JsonNode waiting = awaitRetrying(() -> notificationOf(patient, "BOOKING_CONFIRMATION"),
                    n -> n.isPresent() && n.get().get("attempts").asInt() >= 3).orElseThrow();
            assertThat(waiting.get("status").asString()).isEqualTo("PENDING");
            assertThat(waiting.get("lastError").asString()).contains("intake-service");
            assertThat(waiting.get("sentAt").isNull()).isTrue();
            assertThat(mailTo(address)).isEmpty();
            assertThat(meters.get("notification.pending").tag("kind", "BOOKING_CONFIRMATION").gauge().value())
                    .isGreaterThanOrEqualTo(1);
            assertThat(failedIntakeServiceCalls()).isGreaterThan(failedCallsBefore);
        } finally {
            intake.start();
        }

        JsonNode sent = awaitNotificationRetrying(patient, "BOOKING_CONFIRMATION", "SENT");
        assertThat(sent.get("attempts").asInt()).isGreaterThan(3);
        await().atMost(PATIENCE).until(() -> confirmationsTo(address).size() == 1);
        assertThat(body(confirmationsTo(address).getFirst())).contains("Dear Dana,");
    }

    @Test
    void theOnCallPageDoesNotWaitForIntakeServiceAndTheCrisisLineFollowsWhenItIsBack() {
        String address = newAddress("crisis");
        UUID patient = intake.registerPatient("Sam", address, true);
        intake.stop();
        try {
            send(screeningCompleted(patient, ScreeningOutcome.CRISIS_ESCALATION));

            await().atMost(Duration.ofSeconds(5)).until(() -> mailTo(ON_CALL).stream()
                    .anyMatch(m -> subject(m).contains(patient.toString())));
            JsonNode waiting = await().atMost(PATIENCE).until(() -> notificationOf(patient, "CRISIS_LINE_MESSAGE"),
                    n -> n.isPresent() && n.get().get("attempts").asInt() >= 1).orElseThrow();
            assertThat(waiting.get("status").asString()).isEqualTo("PENDING");
            assertThat(mailTo(address)).isEmpty();
        } finally {
            intake.start();
        }

        awaitNotificationRetrying(patient, "CRISIS_LINE_MESSAGE", "SENT");
        await().atMost(PATIENCE).until(() -> mailTo(address).size() == 1);
    }

    private double failedIntakeServiceCalls() {
        return meters.get("resilience4j.circuitbreaker.calls").tags("name", "intake-service", "kind", "failed")
                .timer().count();
    }
}
