package org.clinicops.notification.partner;

import org.clinicops.events.ReviewDecision;
import org.clinicops.events.ScreeningCompleted;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.events.ScreeningReviewed;
import org.clinicops.events.SessionDischarged;
import org.clinicops.events.TreatmentPlanBooked;
import org.clinicops.events.TreatmentPlanWaitingForCapacity;
import org.clinicops.notification.StreamTestSupport;
import org.clinicops.support.testing.TestClock;
import org.clinicops.support.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The partner stream from the clinic's events: a referring clinic learns a generic status of its own patients (never
 * outcome codes, reasons or scores), their induction booking and completed sessions, each numbered per subscription
 * without gaps, and catches up by number. Patients are registered with the real intake-service, which alone says
 * which clinic referred them.
 */
class PartnerRecordingStreamTests extends StreamTestSupport {

    @Autowired
    PartnerRecorder recorder;

    static final Set<String> ENVELOPE = Set.of("id", "type", "timestamp", "subscriptionId", "sequence",
            "patientSequence", "data");
    static final Map<String, Set<String>> DATA = Map.of(
            "patient.status_changed", Set.of("patientId", "partnerReference", "status", "previousStatus"),
            "induction.booked", Set.of("patientId", "partnerReference", "sessionCount", "firstSessionDate"),
            "induction.waiting_for_capacity", Set.of("patientId", "partnerReference"),
            "session.completed", Set.of("patientId", "partnerReference", "completedCount"));

    @Test
    void eachScreeningOutcomeAndReviewDecisionGivesItsGenericStatusAndNothingElse() {
        Map<ScreeningOutcome, String> mapping = Map.of(
                ScreeningOutcome.ELIGIBLE, "ACCEPTED",
                ScreeningOutcome.NEEDS_CLINICIAN_REVIEW, "UNDER_CLINICAL_REVIEW",
                ScreeningOutcome.CRISIS_ESCALATION, "UNDER_CLINICAL_REVIEW",
                ScreeningOutcome.INELIGIBLE, "NOT_ACCEPTED");
        String clinic = clinic();
        String subscription = subscribe(clinic, "patient.status_changed");
        List<UUID> patients = new ArrayList<>();
        for (ScreeningOutcome outcome : ScreeningOutcome.values()) {
            UUID patient = intake.registerPartnerReferral(clinic, "RVS-" + outcome.ordinal());
            patients.add(patient);
            send(screeningCompleted(patient, outcome));
        }

        List<JsonNode> events = awaitEvents(clinic, subscription, 4);

        for (int i = 0; i < patients.size(); i++) {
            JsonNode event = eventOf(events, patients.get(i));
            ScreeningOutcome outcome = ScreeningOutcome.values()[i];
            assertThat(event.get("type").asString()).isEqualTo("patient.status_changed");
            assertThat(event.get("data").get("status").asString()).as(outcome.name()).isEqualTo(mapping.get(outcome));
            assertThat(event.get("data").get("previousStatus").isNull()).isTrue();
            assertThat(event.get("data").get("partnerReference").asString()).isEqualTo("RVS-" + outcome.ordinal());
            assertThat(event.get("patientSequence").asLong()).isEqualTo(1);
        }
        events.forEach(PartnerRecordingStreamTests::hasExactlyTheContractsMembers);
        assertThat(events.toString()).doesNotContain("CRISIS", "ELIGIBLE", "PHQ9", "DEPRESSION");
    }

    @Test
    void aStatusIsSentOnlyOnChangeAndAReviewNamesThePreviousOne() {
        String clinic = clinic();
        String subscription = subscribe(clinic, "patient.status_changed");
        UUID patient = intake.registerPartnerReferral(clinic, null);

        send(screeningCompleted(patient, ScreeningOutcome.NEEDS_CLINICIAN_REVIEW));
        send(screeningCompleted(patient, ScreeningOutcome.CRISIS_ESCALATION));
        send(reviewed(patient, ReviewDecision.APPROVED));
        send(screeningCompleted(patient, ScreeningOutcome.ELIGIBLE));
        send(reviewed(patient, ReviewDecision.DECLINED));

        List<JsonNode> events = awaitEvents(clinic, subscription, 3);
        assertThat(events).extracting(e -> e.get("data").get("status").asString())
                .containsExactly("UNDER_CLINICAL_REVIEW", "ACCEPTED", "NOT_ACCEPTED");
        assertThat(events.getFirst().get("data").get("previousStatus").isNull()).isTrue();
        assertThat(events.subList(1, 3)).extracting(e -> e.get("data").get("previousStatus").asString())
                .containsExactly("UNDER_CLINICAL_REVIEW", "ACCEPTED");
        assertThat(events).extracting(e -> e.get("patientSequence").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(events.get(0).get("data").get("partnerReference").isNull()).isTrue();
    }

    @Test
    void aRedeliveredSourceEventIsRecordedOnce() {
        String clinic = clinic();
        String subscription = subscribe(clinic, "patient.status_changed", "induction.waiting_for_capacity");
        UUID patient = intake.registerPartnerReferral(clinic, "RVS-1");
        ScreeningCompleted eligible = screeningCompleted(patient, ScreeningOutcome.ELIGIBLE);
        TreatmentPlanWaitingForCapacity waiting = waitingForCapacity(patient);

        send(eligible);
        send(eligible);
        events.send(waiting, waiting.planId());
        events.send(waiting, waiting.planId());
        // behind the duplicates on their topics: once these are recorded, the duplicates were taken in
        UUID after = intake.registerPartnerReferral(clinic, "RVS-2");
        send(screeningCompleted(after, ScreeningOutcome.ELIGIBLE));
        TreatmentPlanWaitingForCapacity afterWaiting = waitingForCapacity(after);
        events.send(afterWaiting, afterWaiting.planId());

        awaitEvents(clinic, subscription, 4);
        JsonNode page = catchUp(clinic, subscription, 0);
        assertThat(page.get("events")).hasSize(4);
        assertThat(page.get("events").valueStream().filter(e -> e.get("data").get("patientId").asString()
                .equals(patient.toString()))).hasSize(2);
        assertThat(page.get("lastSequence").asLong()).isEqualTo(4);
    }

    @Test
    void aBookingThatArrivesBeforeTheAcceptanceWaitsForItSoThePartnerSeesAcceptedFirst() {
        String clinic = clinic();
        String subscription = subscribe(clinic, "patient.status_changed", "induction.booked", "session.completed");
        UUID patient = intake.registerPartnerReferral(clinic, "RVS-2026-0042");
        TreatmentPlanBooked booked = planBooked(patient);

        send(booked);
        TreatmentPlanBooked.BookedSession first = booked.sessions().getFirst();
        SessionDischarged discharged = new SessionDischarged(UUID.randomUUID(), first.end(), patient,
                booked.planId(), first.sessionId(), 1, first.end());
        events.send(discharged, discharged.planId());
        awaitReceived(booked.eventId(), discharged.eventId());
        recorder.recordPending();
        assertThat(catchUp(clinic, subscription, 0).get("events")).as("waiting for ACCEPTED").isEmpty();

        send(screeningCompleted(patient, ScreeningOutcome.ELIGIBLE));

        List<JsonNode> events = awaitEvents(clinic, subscription, 3);
        assertThat(events).extracting(e -> e.get("type").asString())
                .containsExactly("patient.status_changed", "induction.booked", "session.completed");
        JsonNode induction = events.get(1).get("data");
        assertThat(induction.get("sessionCount").asInt()).isEqualTo(6);
        assertThat(induction.get("firstSessionDate").asString()).isEqualTo(TestClock.isoDate("2026-11-26"));
        assertThat(events.get(1).get("timestamp").asString()).isEqualTo("%s.000Z".formatted(
                TestClock.isoInstant("2026-11-25T17:00:02Z").replace("Z", "")));
        assertThat(events.get(2).get("data").get("completedCount").asInt()).isEqualTo(1);
        assertThat(events).extracting(e -> e.get("sequence").asLong()).containsExactly(1L, 2L, 3L);
        events.forEach(PartnerRecordingStreamTests::hasExactlyTheContractsMembers);
        assertThat(events.toString()).doesNotContain(booked.planId().toString(), first.sessionId().toString(),
                "IV_KETAMINE");
    }

    @Test
    void numbersAreGapFreePerSubscriptionAndPerPatientAndASubscriptionOnlyGetsItsTypesFromItsCreationOn() {
        String clinic = clinic();
        String everything = subscribe(clinic, "patient.status_changed", "induction.waiting_for_capacity");
        String statusesOnly = subscribe(clinic, "patient.status_changed");
        List<UUID> patients = List.of(intake.registerPartnerReferral(clinic, "A"),
                intake.registerPartnerReferral(clinic, "B"), intake.registerPartnerReferral(clinic, "C"));
        for (UUID patient : patients) {
            send(screeningCompleted(patient, ScreeningOutcome.NEEDS_CLINICIAN_REVIEW));
            send(reviewed(patient, ReviewDecision.APPROVED));
            TreatmentPlanWaitingForCapacity waiting = waitingForCapacity(patient);
            events.send(waiting, waiting.planId());
        }

        List<JsonNode> all = awaitEvents(clinic, everything, 9);
        assertThat(all).extracting(e -> e.get("sequence").asLong())
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        for (UUID patient : patients) {
            assertThat(all.stream().filter(e -> e.get("data").get("patientId").asString().equals(patient.toString()))
                    .map(e -> e.get("patientSequence").asLong())).containsExactly(1L, 2L, 3L);
        }
        List<JsonNode> statuses = awaitEvents(clinic, statusesOnly, 6);
        assertThat(statuses).extracting(e -> e.get("sequence").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(statuses).allMatch(e -> e.get("type").asString().equals("patient.status_changed"));
        assertThat(statuses.getFirst().get("id")).as("one event id across subscriptions")
                .isEqualTo(all.stream().filter(e -> e.get("type").asString().equals("patient.status_changed"))
                        .findFirst().orElseThrow().get("id"));

        String late = subscribe(clinic, "patient.status_changed");
        recorder.recordPending();
        assertThat(catchUp(clinic, late, 0).get("events")).as("no backfill").isEmpty();
    }

    @Test
    void aPatientReachesOnlyTheClinicThatReferredThemAndASelfReferralReachesNone() {
        String riverside = clinic();
        String lakeside = clinic();
        String riversideSubscription = subscribe(riverside, "patient.status_changed");
        String lakesideSubscription = subscribe(lakeside, "patient.status_changed");
        UUID riversidePatient = intake.registerPartnerReferral(riverside, "R-1");
        UUID selfReferred = intake.registerPatientWithoutEmail("Sam");
        UUID unknown = UUID.randomUUID();

        ScreeningCompleted self = screeningCompleted(selfReferred, ScreeningOutcome.ELIGIBLE);
        ScreeningCompleted stranger = screeningCompleted(unknown, ScreeningOutcome.ELIGIBLE);
        send(self);
        send(stranger);
        send(screeningCompleted(riversidePatient, ScreeningOutcome.ELIGIBLE));

        assertThat(awaitEvents(riverside, riversideSubscription, 1)).hasSize(1);
        await().atMost(PATIENCE).until(() -> jdbc.sql("select count(*) from partner_source_event "
                        + "where source_event_id in (:ids) and settled_at is not null")
                .param("ids", List.of(self.eventId(), stranger.eventId())).query(Integer.class).single() == 2);
        assertThat(catchUp(lakeside, lakesideSubscription, 0).get("events")).isEmpty();
        assertThat(jdbc.sql("select count(*) from partner_event where patient_id in (:ids)")
                .param("ids", List.of(selfReferred, unknown)).query(Integer.class).single()).isZero();
        assertThat(partner(lakeside, "/api/partner/events?subscriptionId=" + riversideSubscription)).hasStatus(404);
    }

    @Test
    void catchUpIsExclusiveOfAfterPagesByLimitAndNamesABadParameterIn422() {
        String clinic = clinic();
        String subscription = subscribe(clinic, "patient.status_changed");
        for (int i = 0; i < 3; i++) {
            send(screeningCompleted(intake.registerPartnerReferral(clinic, "P" + i), ScreeningOutcome.ELIGIBLE));
        }
        awaitEvents(clinic, subscription, 3);

        JsonNode page = json(partner(clinic, "/api/partner/events?subscriptionId=" + subscription
                + "&after=1&limit=1"));
        assertThat(page.propertyNames()).containsExactly("subscriptionId", "events", "lastSequence",
                "firstRetainedSequence", "hasMore");
        assertThat(page.get("events")).extracting(e -> e.get("sequence").asLong()).containsExactly(2L);
        assertThat(page.get("hasMore").asBoolean()).isTrue();
        assertThat(page.get("lastSequence").asLong()).isEqualTo(3);
        assertThat(page.get("firstRetainedSequence").asLong()).isEqualTo(1);
        assertThat(catchUp(clinic, subscription, 3).get("hasMore").asBoolean()).isFalse();

        assertThat(errorFields(partner(clinic, "/api/partner/events"))).containsExactly("subscriptionId");
        assertThat(errorFields(partner(clinic, "/api/partner/events?subscriptionId=nope&after=-1&limit=501")))
                .containsExactly("subscriptionId", "after", "limit");
        assertThat(partner(clinic, "/api/partner/events?subscriptionId=" + UUID.randomUUID())).hasStatus(404);
    }

    static void hasExactlyTheContractsMembers(JsonNode event) {
        assertThat(event.propertyNames()).containsExactlyInAnyOrderElementsOf(ENVELOPE);
        assertThat(event.get("data").propertyNames()).as(event.get("type").asString())
                .containsExactlyInAnyOrderElementsOf(DATA.get(event.get("type").asString()));
    }

    static String clinic() {
        return "clinic-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static ScreeningReviewed reviewed(UUID patient, ReviewDecision decision) {
        return new ScreeningReviewed(UUID.randomUUID(), TestClock.at("2026-11-25T17:00:01Z"), patient,
                UUID.randomUUID(), "DEPRESSION", ScreeningOutcome.NEEDS_CLINICIAN_REVIEW, decision, false, true);
    }

    void send(ScreeningReviewed event) {
        events.send(event, event.screeningId());
    }

    static TreatmentPlanWaitingForCapacity waitingForCapacity(UUID patient) {
        return new TreatmentPlanWaitingForCapacity(UUID.randomUUID(), TestClock.at("2026-11-25T17:00:02Z"), patient,
                UUID.randomUUID(), UUID.randomUUID(), org.clinicops.events.Protocol.IV_KETAMINE_DEPRESSION);
    }

    String subscribe(String clinic, String... types) {
        MvcTestResult created = mvc.post().uri("/api/partner/subscriptions")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.partner(clinic).bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"url\": \"http://127.0.0.1:9911/hooks\", \"eventTypes\": " + json.writeValueAsString(types)
                        + "}")
                .exchange();
        assertThat(created).hasStatus(201);
        return json(created).get("id").asString();
    }

    MvcTestResult partner(String clinic, String path) {
        return mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, TestTokens.partner(clinic).bearer()).exchange();
    }

    JsonNode catchUp(String clinic, String subscription, long after) {
        MvcTestResult result = partner(clinic, "/api/partner/events?subscriptionId=" + subscription
                + "&after=" + after + "&limit=500");
        assertThat(result).hasStatusOk();
        return json(result);
    }

    List<JsonNode> awaitEvents(String clinic, String subscription, int count) {
        List<JsonNode> events = new ArrayList<>();
        await().atMost(PATIENCE).untilAsserted(() -> {
            events.clear();
            catchUp(clinic, subscription, 0).get("events").forEach(events::add);
            assertThat(events).hasSizeGreaterThanOrEqualTo(count);
        });
        return events;
    }

    static JsonNode eventOf(List<JsonNode> events, UUID patient) {
        return events.stream().filter(e -> e.get("data").get("patientId").asString().equals(patient.toString()))
                .findFirst().orElseThrow();
    }

    /** Waits until the source events were taken in from Kafka (recorded or not). */
    void awaitReceived(UUID... sourceEventIds) {
        await().atMost(PATIENCE).until(() -> jdbc.sql("select count(*) from partner_source_event "
                        + "where source_event_id in (:ids)")
                .param("ids", List.of(sourceEventIds)).query(Integer.class).single() == sourceEventIds.length);
    }

    JsonNode json(MvcTestResult result) {
        return json.readTree(result.getResponse().getContentAsByteArray());
    }

    List<String> errorFields(MvcTestResult result) {
        assertThat(result).hasStatus(422);
        List<String> fields = new ArrayList<>();
        json(result).get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }
}
