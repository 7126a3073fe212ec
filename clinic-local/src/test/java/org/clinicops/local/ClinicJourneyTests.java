package org.clinicops.local;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.clinicops.support.testing.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The central flow as a clinic lives it, through the gateway of the whole clinic-local stack: a real Kafka broker,
 * PostgreSQL, an SMTP server and all services in this JVM. The clinic clock starts at Wednesday 2026-11-25 08:45 in
 * Los Angeles, so the booking is CLINICAL section 6's worked example.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClinicJourneyTests {

    private static final Instant WEDNESDAY_0845_LOS_ANGELES = TestClock.at("2026-11-25T16:45:00Z");
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    static Path data;
    static ClinicLocal clinic;

    @BeforeAll
    static void startTheClinic() {
        clinic = ClinicLocal.start(new ClinicLocal.Options(data, ClinicLocal.Ports.anyFree(), WEDNESDAY_0845_LOS_ANGELES));
    }

    @AfterAll
    static void stopTheClinic() {
        clinic.close();
    }

    @Test
    void eligibleReferralGetsItsWholeInductionSeriesBookedAndAConfirmationEmail() throws Exception {
        String patientId = registerPatient("dana.reyes@example.org", true);

        HttpResponse<String> screening = post("/api/patients/" + patientId + "/screenings", screening(0));
        assertThat(screening.statusCode()).isEqualTo(201);
        assertThat(json.readTree(screening.body()).get("outcome").asString()).isEqualTo("ELIGIBLE");

        JsonNode plan = await().atMost(Duration.ofSeconds(20)).until(
                () -> get("/api/patients/" + patientId + "/treatment-plan"), r -> r.statusCode() == 200)
                .body().transform(ClinicJourneyTests::read);
        assertThat(plan.get("status").asString()).isEqualTo("BOOKED");
        assertThat(plan.get("protocol").asString()).isEqualTo("IV_KETAMINE_DEPRESSION");
        // CLINICAL section 6 example: Thu 26 Nov 09:00, then Mon 30 Nov, Wed 2, Fri 4, Mon 7, Wed 9 Dec at 08:00.
        assertThat(plan.get("sessions").valueStream().map(s -> s.get("start").asString())).containsExactlyElementsOf(
                TestClock.isoInstants("2026-11-26T17:00:00Z", "2026-11-30T16:00:00Z", "2026-12-02T16:00:00Z",
                        "2026-12-04T16:00:00Z", "2026-12-07T16:00:00Z", "2026-12-09T16:00:00Z"));
        assertThat(plan.get("sessions").get(0).get("end").asString())
                .isEqualTo(TestClock.isoInstant("2026-11-26T18:55:00Z"));

        MimeMessage confirmation = await().atMost(Duration.ofSeconds(20))
                .until(() -> mailTo("dana.reyes@example.org"), mail -> !mail.isEmpty()).getFirst();
        assertThat(confirmation.getSubject()).containsIgnoringCase("confirm");
        assertThat(body(confirmation)).doesNotContain("DEPRESSION").doesNotContain("PHQ");

        JsonNode notifications = await().atMost(Duration.ofSeconds(10)).until(
                () -> read(get("/api/patients/" + patientId + "/notifications").body()),
                list -> list.valueStream().anyMatch(n -> n.get("status").asString().equals("SENT")));
        assertThat(notifications.valueStream().filter(n -> n.get("kind").asString().equals("BOOKING_CONFIRMATION")))
                .singleElement().satisfies(n -> assertThat(n.get("status").asString()).isEqualTo("SENT"));
        // Reminders 48 h and 24 h before each session wait until due; session 1's 48 h one had passed at booking.
        assertThat(notifications.valueStream().filter(n -> n.get("kind").asString().equals("SESSION_REMINDER"))
                .map(n -> n.get("status").asString())).hasSize(11).containsOnly("PENDING");
    }

    @Test
    void screeningWithAPositiveSelfHarmItemPagesOnCallAndBooksNothing() throws Exception {
        String patientId = registerPatient("sam.lee@example.org", true);

        HttpResponse<String> screening = post("/api/patients/" + patientId + "/screenings", screening(1));
        assertThat(screening.statusCode()).isEqualTo(201);
        JsonNode outcome = read(screening.body());
        assertThat(outcome.get("outcome").asString()).isEqualTo("CRISIS_ESCALATION");
        assertThat(outcome.get("reasons").valueStream().map(JsonNode::asString)).contains("PHQ9_ITEM9_POSITIVE");

        await().atMost(Duration.ofSeconds(10)).until(() -> mailTo("oncall@clinic.local").stream()
                .anyMatch(page -> body(page).contains(patientId)));

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> get("/api/patients/" + patientId + "/treatment-plan").statusCode() == 404);
    }

    @Test
    void aClinicianApprovalOfAReviewBooksTheSeriesAndADeclineBooksNothing() throws Exception {
        String approved = registerPatient("ari.cohen@example.org", true);
        String declined = registerPatient("lee.park@example.org", true);
        // One failed antidepressant trial: TRD is not established (CLINICAL S-11), so a clinician decides.
        String approvedScreening = screenForReview(approved);
        String declinedScreening = screenForReview(declined);

        HttpResponse<String> approval = post("/api/screenings/" + approvedScreening + "/review", """
                { "decision": "APPROVE", "clinicianId": "dr-okafor", "clinicianRole": "CLINICIAN",
                  "note": "Second antidepressant trial confirmed with the referring psychiatrist." }""");
        HttpResponse<String> decline = post("/api/screenings/" + declinedScreening + "/review", """
                { "decision": "DECLINE", "clinicianId": "dr-okafor", "clinicianRole": "CLINICIAN",
                  "note": "Refer back for a second medication trial first." }""");
        assertThat(approval.statusCode()).as(approval.body()).isEqualTo(200);
        assertThat(read(approval.body()).get("status").asString()).isEqualTo("APPROVED");
        assertThat(decline.statusCode()).as(decline.body()).isEqualTo(200);

        JsonNode plan = await().atMost(Duration.ofSeconds(20)).until(
                () -> get("/api/patients/" + approved + "/treatment-plan"), r -> r.statusCode() == 200)
                .body().transform(ClinicJourneyTests::read);
        assertThat(plan.get("status").asString()).isEqualTo("BOOKED");
        assertThat(plan.get("screeningId").asString()).isEqualTo(approvedScreening);
        assertThat(plan.get("sessions")).hasSize(6);
        await().atMost(Duration.ofSeconds(20)).until(() -> !mailTo("ari.cohen@example.org").isEmpty());
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> get("/api/patients/" + declined + "/treatment-plan").statusCode() == 404);
    }

    @Test
    void aCrisisReScreeningOfAPatientInTreatmentPagesOnCall() throws Exception {
        String patientId = registerPatient("kim.ortiz@example.org", true);
        assertThat(post("/api/patients/" + patientId + "/screenings", screening(0)).statusCode()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> get("/api/patients/" + patientId + "/treatment-plan").statusCode() == 200);

        HttpResponse<String> reScreening = post("/api/patients/" + patientId + "/screenings", screening(2));

        assertThat(reScreening.statusCode()).isEqualTo(201);
        JsonNode outcome = read(reScreening.body());
        assertThat(outcome.get("outcome").asString()).isEqualTo("CRISIS_ESCALATION");
        assertThat(outcome.get("baseline").asBoolean()).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> mailTo("oncall@clinic.local").stream()
                .anyMatch(page -> body(page).contains(patientId)));
    }

    @Test
    void theGatewayKeepsTheCallersCorrelationId() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/patients/" + UUID.randomUUID()))
                .header("X-Correlation-Id", "front-desk-42").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("X-Correlation-Id")).hasValue("front-desk-42");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    /** Last, because the jump would move what the other tests book and remind. */
    @Test
    @Order(Integer.MAX_VALUE)
    void theDemoClockMovesEveryServiceAtOnce() throws Exception {
        List<String> services = List.of("intake-service", "session-service", "notification-service");
        // to the millisecond, as the gateway shows the time
        Instant before = clock("session-service").instant().truncatedTo(ChronoUnit.MILLIS);

        HttpResponse<String> moved = post("/api/demo/clock", "{\"advanceBy\": \"PT65M\"}");

        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        Instant now = Instant.parse(read(moved.body()).get("now").asString());
        assertThat(Duration.between(before, now))
                .isBetween(Duration.ofMinutes(65), Duration.ofMinutes(65).plusSeconds(10));
        for (String service : services) {
            assertThat(Duration.between(now, clock(service).instant())).as(service)
                    .isBetween(Duration.ZERO, Duration.ofSeconds(5));
        }
        JsonNode shown = read(get("/api/demo/clock").body());
        assertThat(Instant.parse(shown.get("now").asString())).isAfterOrEqualTo(now);
        assertThat(shown.get("zone").asString()).isEqualTo("America/Los_Angeles");
    }

    private static Clock clock(String service) {
        return clinic.service(service).context().getBean(Clock.class);
    }

    private static String registerPatient(String email, boolean emailConsent) throws Exception {
        HttpResponse<String> response = post("/api/patients", """
                { "firstName": "Dana", "lastName": "Reyes", "dateOfBirth": "1984-03-09", "sexAtBirth": "FEMALE",
                  "email": "%s", "phone": "+15035550142",
                  "contactConsent": { "email": %s, "sms": false },
                  "referral": { "source": "PARTNER_CLINIC", "partnerClinicId": "riverside-psychiatry" } }
                """.formatted(email, emailConsent));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return read(response.body()).get("patientId").asString();
    }

    private static String screenForReview(String patientId) throws Exception {
        HttpResponse<String> response = post("/api/patients/" + patientId + "/screenings",
                screening(0).replace("\"failedAntidepressantTrials\": 2", "\"failedAntidepressantTrials\": 1"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode screening = read(response.body());
        assertThat(screening.get("outcome").asString()).isEqualTo("NEEDS_CLINICIAN_REVIEW");
        return screening.get("screeningId").asString();
    }

    /** CLINICAL section 3's example screening, with PHQ-9 item 9 set as given. */
    private static String screening(int phq9Item9) {
        return """
                { "indication": "DEPRESSION", "screenedOn": "%s",
                  "instruments": {
                    "phq9": [2, 2, 1, 2, 1, 1, 2, 1, %d],
                    "gad7": [1, 2, 1, 1, 0, 1, 1],
                    "pcl5": [0, 1, 2, 1, 0, 0, 1, 1, 0, 2, 1, 1, 0, 0, 1, 2, 1, 0, 1, 0],
                    "auditC": [1, 0, 0],
                    "dast10": [false, false, true, false, false, false, false, false, false, false],
                    "cssrs": { "wishToBeDead": false, "suicidalThoughts": false, "thoughtsWithMethod": false,
                               "intent": false, "intentWithPlan": false, "behaviorLifetime": false,
                               "behaviorPast3Months": false } },
                  "history": { "failedAntidepressantTrials": 2, "onMoodStabilizer": false,
                               "conditions": [], "medications": [] },
                  "vitals": { "systolic": 128, "diastolic": 82, "heartRate": 74, "weightKg": 71.5 } }
                """.formatted(TestClock.isoDate("2026-11-25"), phq9Item9);
    }

    private static List<MimeMessage> mailTo(String address) {
        return clinic.infrastructure().mail().receivedMessages().stream()
                .filter(message -> recipients(message).contains(address))
                .toList();
    }

    private static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getRecipients(Message.RecipientType.TO));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage message) {
        return GreenMailUtil.getBody(message);
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create(clinic.gatewayUrl() + path);
    }

    private static JsonNode read(String body) {
        return json.readTree(body);
    }
}
