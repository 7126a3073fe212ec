package org.clinicops.notification.escalation;

import jakarta.mail.internet.MimeMessage;
import org.clinicops.events.SafetyAlertCode;
import org.clinicops.events.SafetyAlertRaised;
import org.clinicops.events.ScreeningCompleted;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.notification.StreamTestSupport;
import org.clinicops.support.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * CLINICAL section 5 and D-6 end to end: events in on Kafka, pages out over real SMTP as the service's clock moves,
 * acknowledgements through the REST API. A crisis pages on-call at T, the backup at T+10 min, both at T+15, T+20, ...
 * (1, 2, 4, 6 pages); a D-6 alert the prescriber first, then the on-call clinician; an acknowledgement stops the rest.
 */
class AlertEscalationStreamTests extends StreamTestSupport {

    static final String BACKUP = "backup@clinic.local";
    static final String PRESCRIBER = "prescriber@clinic.local";
    /** A few poller and dispatcher rounds of the test profile: what is due is stored and sent by then. */
    static final Duration A_FEW_ROUNDS = Duration.ofMillis(600);

    @Test
    void anUnacknowledgedCrisisPagesOnCallAtOnceTheBackupAfterTenMinutesThenBothEveryFiveMinutes() {
        UUID patient = intake.registerPatient("Dana", newAddress("dana"), true);
        ScreeningCompleted crisis = screeningCompleted(patient, ScreeningOutcome.CRISIS_ESCALATION);
        Instant t = crisis.occurredAt();

        send(crisis);

        assertPagesSent(patient, 1);
        clock.set(t.plus(Duration.ofMinutes(9)).plusSeconds(59));
        assertPagesSent(patient, 1);
        clock.set(t.plus(Duration.ofMinutes(10)));
        assertPagesSent(patient, 2);
        clock.set(t.plus(Duration.ofMinutes(15)));
        assertPagesSent(patient, 4);
        clock.set(t.plus(Duration.ofMinutes(20)));
        assertPagesSent(patient, 6);

        // on-call at T, T+15, T+20; the backup at T+10, T+15, T+20
        assertThat(crisisPagesTo(ON_CALL, patient)).hasSize(3);
        assertThat(crisisPagesTo(BACKUP, patient)).hasSize(3);
        UUID alertId = Alert.crisisAlertId(crisis.screeningId());
        assertThat(body(crisisPagesTo(BACKUP, patient).getFirst())).contains("Alert:      " + alertId)
                .contains("Screening:  " + crisis.screeningId());
        // every page of the patient's notifications names the alert to acknowledge
        assertThat(pagesOf(patient, "CRISIS_PAGE")).hasSize(6)
                .allSatisfy(page -> assertThat(page.get("alertId").asString()).isEqualTo(alertId.toString()));
        JsonNode alert = alert(alertId);
        assertThat(alert.get("kind").asString()).isEqualTo("CRISIS");
        assertThat(alert.get("status").asString()).isEqualTo("OPEN");
        assertThat(alert.get("patientId").asString()).isEqualTo(patient.toString());
        assertThat(alert.get("sessionId").isNull()).isTrue();
        assertThat(alert.get("raisedAt").asString()).isEqualTo(t.toString());
        assertThat(alert.get("pagesSent").asInt()).isEqualTo(6);
        assertThat(alert.get("nextPageAt").asString()).isEqualTo(t.plus(Duration.ofMinutes(25)).toString());
        assertThat(alert.get("acknowledgedBy").isNull()).isTrue();
    }

    @Test
    void anAcknowledgementAtTwelveMinutesStopsEveryLaterPageAndASecondOneKeepsTheFirstAcknowledger() {
        UUID patient = intake.registerPatient("Sam", newAddress("sam"), true);
        ScreeningCompleted crisis = screeningCompleted(patient, ScreeningOutcome.CRISIS_ESCALATION);
        Instant t = crisis.occurredAt();
        UUID alertId = Alert.crisisAlertId(crisis.screeningId());
        send(crisis);
        assertPagesSent(patient, 1);
        clock.set(t.plus(Duration.ofMinutes(10)));
        assertPagesSent(patient, 2);

        clock.set(t.plus(Duration.ofMinutes(12)));
        JsonNode acknowledged = acknowledge(alertId, "dr-okafor", "{}", 200);

        assertThat(acknowledged.get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.get("acknowledgedBy").asString()).isEqualTo("dr-okafor");
        assertThat(acknowledged.get("acknowledgedAt").asString()).isEqualTo(t.plus(Duration.ofMinutes(12)).toString());
        assertThat(acknowledged.get("nextPageAt").isNull()).isTrue();
        assertThat(acknowledged.get("pagesSent").asInt()).isEqualTo(2);
        for (int minutes : new int[] {15, 20, 60}) {
            clock.set(t.plus(Duration.ofMinutes(minutes)));
            assertPagesSent(patient, 2);
        }

        clock.set(t.plus(Duration.ofMinutes(61)));
        JsonNode again = acknowledge(alertId, "n.reyes", "{}", 200);
        assertThat(again.get("acknowledgedBy").asString()).isEqualTo("dr-okafor");
        assertThat(again.get("acknowledgedAt").asString()).isEqualTo(t.plus(Duration.ofMinutes(12)).toString());
        assertThat(alert(alertId)).isEqualTo(again);
    }

    @Test
    void aSafetyAlertPagesThePrescriberFirstThenTheOnCallClinicianThenBoth() {
        UUID patient = UUID.randomUUID();
        SafetyAlertRaised raised = safetyAlert(patient);
        Instant t = raised.occurredAt();

        events.send(raised, raised.sessionId());

        assertPagesOfKind(patient, "SAFETY_ALERT_PAGE", 1);
        assertThat(safetyPagesTo(PRESCRIBER, patient)).hasSize(1);
        assertThat(safetyPagesTo(ON_CALL, patient)).isEmpty();
        clock.set(t.plus(Duration.ofMinutes(10)));
        assertPagesOfKind(patient, "SAFETY_ALERT_PAGE", 2);
        assertThat(safetyPagesTo(ON_CALL, patient)).hasSize(1);
        clock.set(t.plus(Duration.ofMinutes(15)));
        assertPagesOfKind(patient, "SAFETY_ALERT_PAGE", 4);

        assertThat(safetyPagesTo(PRESCRIBER, patient)).hasSize(2);
        assertThat(safetyPagesTo(ON_CALL, patient)).hasSize(2);
        assertThat(crisisPagesTo(BACKUP, patient)).isEmpty();
        assertThat(pagesOf(patient, "SAFETY_ALERT_PAGE"))
                .allSatisfy(page -> assertThat(page.get("alertId").asString()).isEqualTo(raised.alertId().toString()));
        JsonNode alert = alert(raised.alertId());
        assertThat(alert.get("kind").asString()).isEqualTo("SAFETY_ALERT");
        assertThat(alert.get("sessionId").asString()).isEqualTo(raised.sessionId().toString());
        assertThat(alert.get("pagesSent").asInt()).isEqualTo(4);

        clock.set(t.plus(Duration.ofMinutes(16)));
        acknowledge(raised.alertId(), "dr-okafor", "{}", 200);
        clock.set(t.plus(Duration.ofMinutes(25)));
        assertPagesOfKind(patient, "SAFETY_ALERT_PAGE", 4);
    }

    @Test
    void aCrisisDeliveredTwiceAndPublishedAgainUnderAnotherEventIdIsOneAlertAndOneCrisisLineMessage() {
        String address = newAddress("lee");
        UUID patient = intake.registerPatient("Lee", address, true);
        ScreeningCompleted crisis = screeningCompleted(patient, ScreeningOutcome.CRISIS_ESCALATION);
        ScreeningCompleted republished = new ScreeningCompleted(UUID.randomUUID(), crisis.occurredAt(), patient,
                crisis.screeningId(), crisis.indication(), crisis.outcome(), crisis.reasons(),
                crisis.baseline(), crisis.progress());
        SafetyAlertRaised safety = safetyAlert(UUID.randomUUID());

        send(crisis);
        send(crisis);
        send(republished);
        events.send(safety, safety.sessionId());
        events.send(safety, safety.sessionId());

        assertPagesSent(patient, 1);
        assertPagesOfKind(safety.patientId(), "SAFETY_ALERT_PAGE", 1);
        awaitNotification(patient, "CRISIS_LINE_MESSAGE", "SENT");
        assertThat(mailTo(address)).hasSize(1);
        assertThat(pagesOf(patient, "CRISIS_LINE_MESSAGE")).hasSize(1);
        assertThat(openAlerts().valueStream().filter(a -> a.get("patientId").asString().equals(patient.toString())))
                .hasSize(1);
        assertThat(openAlerts().valueStream()
                .filter(a -> a.get("alertId").asString().equals(safety.alertId().toString()))).hasSize(1);
    }

    @Test
    void openAlertsAreListedCrisesFirstThenTheOldestFirstAndAnAcknowledgedOneMovesToItsOwnList() {
        Instant t = NOW;
        clock.set(t.plus(Duration.ofMinutes(2)));
        SafetyAlertRaised oldestSafety = safetyAlert(UUID.randomUUID(), t);
        ScreeningCompleted newerCrisis = crisisAt(UUID.randomUUID(), t.plus(Duration.ofMinutes(2)));
        ScreeningCompleted olderCrisis = crisisAt(UUID.randomUUID(), t.plus(Duration.ofMinutes(1)));
        events.send(oldestSafety, oldestSafety.sessionId());
        send(newerCrisis);
        send(olderCrisis);
        String safetyId = oldestSafety.alertId().toString();
        String newerId = Alert.crisisAlertId(newerCrisis.screeningId()).toString();
        String olderId = Alert.crisisAlertId(olderCrisis.screeningId()).toString();
        List<String> ours = List.of(safetyId, newerId, olderId);
        await().atMost(PATIENCE).until(() -> idsIn(openAlerts(), ours).size() == 3);

        assertThat(idsIn(openAlerts(), ours)).containsExactly(olderId, newerId, safetyId);

        acknowledge(UUID.fromString(olderId), "dr-okafor", "{}", 200);

        assertThat(idsIn(openAlerts(), ours)).containsExactly(newerId, safetyId);
        assertThat(idsIn(alerts("?status=ACKNOWLEDGED"), ours)).containsExactly(olderId);
        assertThat(idsIn(alerts(""), ours)).containsExactly(newerId, safetyId, olderId);
        JsonNode listed = openAlerts().valueStream().filter(a -> a.get("alertId").asString().equals(safetyId))
                .findFirst().orElseThrow();
        // ids and times only
        assertThat(listed.propertyNames()).containsExactlyInAnyOrder("alertId", "kind", "status", "patientId",
                "sessionId", "raisedAt", "pagesSent", "nextPageAt", "acknowledgedBy", "acknowledgedAt");
    }

    @Test
    void theAcknowledgerIsTheTokensClinician_aBodyMemberIsIgnored_aNurseOrABadBodyChangesNothing() {
        UUID patient = intake.registerPatient("Kai", newAddress("kai"), true);
        ScreeningCompleted crisis = screeningCompleted(patient, ScreeningOutcome.CRISIS_ESCALATION);
        UUID alertId = Alert.crisisAlertId(crisis.screeningId());
        send(crisis);
        assertPagesSent(patient, 1);

        // an ack stops the chain: only someone who can assess the patient may send it
        MvcTestResult byNurse = mvc.post().uri("/api/alerts/{alertId}/ack", alertId)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.staff("rn-lee", "NURSE").bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{}").exchange();
        assertThat(byNurse).hasStatus(403);
        assertThat(acknowledge(alertId, "dr-okafor", "not json", 400).get("title").asString())
                .isEqualTo("Unreadable request body");
        assertThat(alert(alertId).get("status").asString()).isEqualTo("OPEN");
        clock.set(crisis.occurredAt().plus(Duration.ofMinutes(10)));
        assertPagesSent(patient, 2);

        JsonNode acknowledged = acknowledge(alertId, "dr-okafor", "{\"acknowledgedBy\": \"someone-else\"}", 200);
        assertThat(acknowledged.get("acknowledgedBy").asString()).isEqualTo("dr-okafor");
    }

    @Test
    void anUnknownAlertIsA404ProblemAndABadStatusOrLimitA400NamingIt() throws Exception {
        UUID unknown = UUID.randomUUID();

        MvcTestResult ack = mvc.post().uri("/api/alerts/{alertId}/ack", unknown)
                .contentType(MediaType.APPLICATION_JSON).content("{\"acknowledgedBy\": \"dr-okafor\"}").exchange();
        MvcTestResult get = mvc.get().uri("/api/alerts/{alertId}", unknown).exchange();

        for (MvcTestResult result : List.of(ack, get)) {
            assertThat(result).hasStatus(404).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result.getResponse().getContentAsString()).contains(unknown.toString());
        }
        assertThat(mvc.get().uri("/api/alerts/not-an-id").exchange()).hasStatus(400);
        MvcTestResult status = mvc.get().uri("/api/alerts?status=CLOSED").exchange();
        assertThat(status).hasStatus(400);
        assertThat(json.readTree(status.getResponse().getContentAsByteArray()).get("errors").get(0).get("field")
                .asString()).isEqualTo("status");
        MvcTestResult limit = mvc.get().uri("/api/alerts?limit=501").exchange();
        assertThat(limit).hasStatus(400);
        assertThat(json.readTree(limit.getResponse().getContentAsByteArray()).get("errors").get(0).get("field")
                .asString()).isEqualTo("limit");
    }

    private void assertPagesSent(UUID patient, int pages) {
        assertPagesOfKind(patient, "CRISIS_PAGE", pages);
    }

    /** Waits until the patient has exactly {@code pages} pages, all sent, and checks no further one follows. */
    private void assertPagesOfKind(UUID patient, String kind, int pages) {
        await().atMost(PATIENCE).until(() -> pagesOf(patient, kind),
                list -> list.size() == pages && list.stream().allMatch(p -> p.get("status").asString().equals("SENT")));
        await().during(A_FEW_ROUNDS).atMost(PATIENCE).until(() -> pagesOf(patient, kind).size() == pages);
    }

    private List<JsonNode> pagesOf(UUID patient, String kind) {
        return notificationsOf(patient).valueStream().filter(n -> n.get("kind").asString().equals(kind)).toList();
    }

    private JsonNode alert(UUID alertId) {
        MvcTestResult result = mvc.get().uri("/api/alerts/{alertId}", alertId).exchange();
        assertThat(result).hasStatusOk();
        return json.readTree(result.getResponse().getContentAsByteArray());
    }

    private JsonNode openAlerts() {
        return alerts("?status=OPEN");
    }

    private JsonNode alerts(String query) {
        MvcTestResult result = mvc.get().uri("/api/alerts" + query).exchange();
        assertThat(result).hasStatusOk();
        return json.readTree(result.getResponse().getContentAsByteArray());
    }

    private static List<String> idsIn(JsonNode alerts, List<String> ids) {
        return alerts.valueStream().map(a -> a.get("alertId").asString()).filter(ids::contains).toList();
    }

    /** An acknowledgement by {@code clinician}, signed in as a CLINICIAN. */
    private JsonNode acknowledge(UUID alertId, String clinician, String body, int status) {
        MvcTestResult result = mvc.post().uri("/api/alerts/{alertId}/ack", alertId)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.staff(clinician, "CLINICIAN").bearer())
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
        assertThat(result).hasStatus(status);
        return json.readTree(result.getResponse().getContentAsByteArray());
    }

    private SafetyAlertRaised safetyAlert(UUID patient) {
        return safetyAlert(patient, clock.instant());
    }

    private static SafetyAlertRaised safetyAlert(UUID patient, Instant raisedAt) {
        return new SafetyAlertRaised(UUID.randomUUID(), raisedAt, patient, UUID.randomUUID(), UUID.randomUUID(), 1,
                UUID.randomUUID(), SafetyAlertCode.SYSTOLIC_HIGH, 186, 180, raisedAt.minusSeconds(5), "dr-okafor");
    }

    private static ScreeningCompleted crisisAt(UUID patient, Instant recordedAt) {
        ScreeningCompleted crisis = screeningCompleted(patient, ScreeningOutcome.CRISIS_ESCALATION);
        return new ScreeningCompleted(crisis.eventId(), recordedAt, patient, crisis.screeningId(),
                crisis.indication(), crisis.outcome(), crisis.reasons(), crisis.baseline(), crisis.progress());
    }

    private List<MimeMessage> crisisPagesTo(String address, UUID patient) {
        return mailTo(address).stream().filter(m -> subject(m).equals("CRISIS: assess patient " + patient + " now"))
                .toList();
    }

    private List<MimeMessage> safetyPagesTo(String address, UUID patient) {
        return mailTo(address).stream().filter(m -> subject(m).equals("SAFETY ALERT: see patient " + patient + " now"))
                .toList();
    }
}
