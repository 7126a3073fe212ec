package org.clinicops.notification.booking;

import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicops.events.EventType;
import org.clinicops.events.Protocol;
import org.clinicops.events.SessionScheduled;
import org.clinicops.events.Topics;
import org.clinicops.events.TreatmentPlanBooked;
import org.clinicops.events.TreatmentPlanWaitingForCapacity;
import org.clinicops.notification.StreamTestSupport;
import org.clinicops.support.testing.CloudEventProducer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clinicops.support.testing.TopicReader.header;

/**
 * Booking confirmations end to end: TreatmentPlanBooked CloudEvents in on {@code clinic.sessions}, contact details
 * from the real intake-service, e-mail out over real SMTP, status through the REST API.
 */
class BookingConfirmationStreamTests extends StreamTestSupport {

    @Test
    void aConsentingPatientGetsOneConfirmationWithEverySessionInClinicTimeAndHowToPrepare() throws Exception {
        String address = newAddress("dana");
        UUID patient = intake.registerPatient("Dana", address, true);
        TreatmentPlanBooked booked = planBooked(patient);

        send(booked);

        JsonNode notification = awaitNotification(patient, "BOOKING_CONFIRMATION", "SENT");
        List<MimeMessage> received = confirmationsTo(address);
        assertThat(received).hasSize(1);
        // booked on the clock at NOW: none of the series' reminders is due yet, so the confirmation comes alone
        assertThat(mailTo(address)).hasSize(1);
        MimeMessage confirmation = received.getFirst();
        assertThat(subject(confirmation)).containsIgnoringCase("confirm");
        assertThat(confirmation.getFrom()[0].toString()).contains("no-reply@clinic.local");
        // CLINICAL section 6 example, in Los Angeles time; every session of the series in one message
        assertThat(body(confirmation))
                .contains("Dear Dana,")
                .contains("1. Thursday, " + spelledDate("2026-11-26") + ", 9:00 AM to 10:55 AM PST")
                .contains("2. Monday, " + spelledDate("2026-11-30") + ", 8:00 AM to 9:55 AM PST")
                .contains("3. Wednesday, " + spelledDate("2026-12-02") + ", 8:00 AM")
                .contains("4. Friday, " + spelledDate("2026-12-04") + ", 8:00 AM")
                .contains("5. Monday, " + spelledDate("2026-12-07") + ", 8:00 AM")
                .contains("6. Wednesday, " + spelledDate("2026-12-09") + ", 8:00 AM to 9:55 AM PST")
                .contains("Do not eat anything for 4 hours before your appointment.")
                .contains("Arrange for an adult to take you home.")
                .contains("Do not drive, cycle or operate machinery until the next day.")
                .contains("988");
        // CLINICAL section 8: no diagnosis, outcome or score; no drug name either
        assertThat(body(confirmation)).doesNotContainIgnoringCase("depression").doesNotContainIgnoringCase("ketamine")
                .doesNotContain("PHQ").doesNotContain("ELIGIBLE").doesNotContain(booked.screeningId().toString());

        assertThat(notification.propertyNames()).containsExactlyInAnyOrder("notificationId", "kind", "channel",
                "status", "createdAt", "sentAt", "attempts", "lastError", "alertId", "heldUntil");
        assertThat(notification.get("channel").asString()).isEqualTo("EMAIL");
        assertThat(notification.get("attempts").asInt()).isEqualTo(1);
        assertThat(notification.get("lastError").isNull()).isTrue();
        assertThat(Instant.parse(notification.get("sentAt").asString()))
                .isAfterOrEqualTo(Instant.parse(notification.get("createdAt").asString()));
        assertThat(notificationsOf(patient).toString()).doesNotContain(address).doesNotContain("Dana");
        // the delivery's logs and its call to intake-service carry the id of the request behind the event
        assertThat(jdbc.sql("select distinct correlation_id from notification where source_event_id = :event")
                .param("event", booked.eventId()).query(String.class).single())
                .isEqualTo("request-" + booked.eventId());
    }

    @Test
    void theSameEventDeliveredTwiceSendsOneEmail() {
        String address = newAddress("twice");
        UUID patient = intake.registerPatient("Sam", address, true);
        TreatmentPlanBooked booked = planBooked(patient);
        send(booked);
        send(booked);
        String laterAddress = newAddress("later");
        UUID laterPatient = intake.registerPatient("Lee", laterAddress, true);
        send(planBooked(laterPatient));

        // one partition: once the later event's mail is out, both deliveries of the first have been handled
        awaitNotification(laterPatient, "BOOKING_CONFIRMATION", "SENT");
        awaitNotification(patient, "BOOKING_CONFIRMATION", "SENT");
        assertThat(confirmationsTo(address)).hasSize(1);
        assertThat(notificationsOf(patient).valueStream()
                .filter(n -> n.get("kind").asString().equals("BOOKING_CONFIRMATION"))).hasSize(1);
    }

    @Test
    void aPatientWithoutEmailConsentGetsNoEmailAndTheConfirmationIsVisiblySkipped() {
        String address = newAddress("no-consent");
        UUID patient = intake.registerPatient("Robin", address, false);

        send(planBooked(patient));

        JsonNode skipped = awaitNotification(patient, "BOOKING_CONFIRMATION", "SKIPPED_NO_CONSENT");
        assertThat(skipped.get("lastError").asString()).contains("not consented");
        assertThat(skipped.get("sentAt").isNull()).isTrue();
        assertThat(mailTo(address)).isEmpty();
    }

    @Test
    void aPatientIntakeServiceDoesNotKnowFailsWithTheReason() {
        UUID stranger = UUID.randomUUID();

        send(planBooked(stranger));

        JsonNode failed = awaitNotification(stranger, "BOOKING_CONFIRMATION", "FAILED");
        assertThat(failed.get("lastError").asString()).contains("knows no patient");
        assertThat(failed.get("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void otherEventTypesOnTheTopicSendNothing() {
        String address = newAddress("other-types");
        UUID patient = intake.registerPatient("Kim", address, true);
        TreatmentPlanBooked booked = planBooked(patient);
        TreatmentPlanBooked.BookedSession first = booked.sessions().getFirst();
        events.send(new SessionScheduled(UUID.randomUUID(), booked.occurredAt(), patient, first.sessionId(),
                booked.planId(), Protocol.IV_KETAMINE_DEPRESSION, 1, first.start(), first.end(), 1), first.sessionId());
        events.send(new TreatmentPlanWaitingForCapacity(UUID.randomUUID(), booked.occurredAt(), patient,
                booked.planId(), booked.screeningId(), Protocol.IV_KETAMINE_DEPRESSION), booked.planId());
        String markerAddress = newAddress("marker");
        UUID marker = intake.registerPatient("Ari", markerAddress, true);
        send(planBooked(marker));

        awaitNotification(marker, "BOOKING_CONFIRMATION", "SENT");
        assertThat(notificationsOf(patient)).isEmpty();
        assertThat(mailTo(address)).isEmpty();
    }

    @Test
    void malformedMessagesGoToTheDeadLetterTopicWithTheReasonAndTheNextGoodOneIsStillSent() {
        TreatmentPlanBooked template = planBooked(UUID.randomUUID());
        String garbageKey = UUID.randomUUID().toString();
        events.send(Topics.SESSIONS, garbageKey, "this is not JSON".getBytes(StandardCharsets.UTF_8),
                CloudEventProducer.headers(template, template.planId()));
        String noSessionsKey = UUID.randomUUID().toString();
        TreatmentPlanBooked noSessions = new TreatmentPlanBooked(UUID.randomUUID(), template.occurredAt(),
                template.patientId(), template.planId(), template.screeningId(), template.protocol(), List.of());
        events.send(Topics.SESSIONS, noSessionsKey, CloudEventProducer.body(noSessions),
                CloudEventProducer.headers(noSessions, noSessions.planId()));
        String address = newAddress("after-garbage");
        UUID patient = intake.registerPatient("Jo", address, true);
        send(planBooked(patient));

        awaitNotification(patient, "BOOKING_CONFIRMATION", "SENT");
        await().atMost(PATIENCE).until(() -> confirmationsTo(address).size() == 1);
        Map<String, ConsumerRecord<byte[], byte[]>> deadLetters = topics.readByKey(SESSIONS_DEAD_LETTERS,
                List.of(garbageKey, noSessionsKey));
        assertThat(header(deadLetters.get(garbageKey), "x-exception-message")).contains("not JSON");
        assertThat(header(deadLetters.get(garbageKey), "x-original-topic")).isEqualTo(Topics.SESSIONS);
        assertThat(header(deadLetters.get(noSessionsKey), "x-exception-message")).contains("schema");
        assertThat(header(deadLetters.get(noSessionsKey), "ce_type"))
                .isEqualTo(EventType.TREATMENT_PLAN_BOOKED.type());
        assertThat(notificationsOf(template.patientId())).isEmpty();
    }
}
