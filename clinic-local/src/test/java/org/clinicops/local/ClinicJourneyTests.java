package org.clinicops.local;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicops.events.Topics;
import org.clinicops.support.testing.TestClock;
import org.clinicops.support.testing.TopicReader;
import org.clinicops.support.time.DemoClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clinicops.support.testing.TopicReader.header;

/**
 * The central flow as a clinic lives it, through the gateway of the whole clinic-local stack: a real Kafka broker,
 * PostgreSQL, an SMTP server and all services in this JVM. The clinic clock starts at Wednesday 2026-11-25 08:45 in
 * Los Angeles, so the booking is CLINICAL section 6's worked example; the last tests move the demo clock on to walk
 * a session day.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class ClinicJourneyTests {

    private static final Instant WEDNESDAY_0845_LOS_ANGELES = TestClock.at("2026-11-25T16:45:00Z");
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final Map<String, Token> tokens = new ConcurrentHashMap<>();
    /** Every token the journey was issued, to look for in the logs. */
    private static final Set<String> issued = ConcurrentHashMap.newKeySet();
    /** A compact JWS: three base64url parts, the first two JSON objects ({@code eyJ} is {@code {"}). */
    private static final Pattern JWT = Pattern.compile("eyJ[\\w-]+\\.eyJ[\\w-]+\\.[\\w-]+");
    /** How far the demo clock may tick on between moving it and a service stamping the step it was moved for. */
    private static final Duration TICKING = Duration.ofSeconds(30);
    private static final String DISCHARGE = """
            {"checklist": {"alertAndOriented": true, "steadyOnStanding": true, "noNauseaNeedingTreatment": true},
             "escortPresent": true}""";

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
                () -> notifications(patientId),
                list -> list.valueStream().anyMatch(n -> n.get("status").asString().equals("SENT")));
        assertThat(notifications.valueStream().filter(n -> n.get("kind").asString().equals("BOOKING_CONFIRMATION")))
                .singleElement().satisfies(n -> assertThat(n.get("status").asString()).isEqualTo("SENT"));
        // Reminders 48 h and 24 h before each session wait until due; session 1's 48 h one had passed at booking.
        assertThat(notifications.valueStream().filter(n -> n.get("kind").asString().equals("SESSION_REMINDER"))
                .map(n -> n.get("status").asString())).hasSize(11).containsOnly("PENDING");
    }

    /**
     * The gateway routes the audit trail's two routes to audit-service, which owns its own database; a registration
     * intake-service answered is in the trail of its patient, with the client address the gateway saw.
     */
    @Test
    void theAuditTrailIsServedThroughTheGatewayAndVerifiesIntact() throws Exception {
        String admin = "Bearer " + accessToken("demo-admin");
        String patientId = registerPatient("audit.trail@example.org", false);

        JsonNode registration = await().atMost(Duration.ofSeconds(10)).until(
                () -> read(get("/api/audit?patientId=" + patientId, admin).body()).get("records").valueStream()
                        .filter(r -> r.get("service").asString().equals("intake-service")).toList(),
                records -> !records.isEmpty()).getFirst();
        assertThat(registration.get("route").asString()).isEqualTo("/api/patients");
        assertThat(registration.get("action").asString()).isEqualTo("CREATE");
        assertThat(registration.get("outcome").asInt()).isEqualTo(201);
        assertThat(registration.get("actor").asString()).isEqualTo("demo-coordinator");
        assertThat(registration.get("sourceIp").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");

        HttpResponse<String> trail = get("/api/audit?patientId=" + UUID.randomUUID(), admin);
        assertThat(trail.statusCode()).as(trail.body()).isEqualTo(200);
        assertThat(read(trail.body()).get("records").isArray()).isTrue();
        assertThat(get("/api/audit", admin).statusCode()).isEqualTo(400);

        HttpResponse<String> verify = get("/api/audit/verify", "Bearer " + accessToken("demo-ops"));
        assertThat(verify.statusCode()).as(verify.body()).isEqualTo(200);
        assertThat(read(verify.body()).get("intact").asBoolean()).isTrue();
        assertThat(read(verify.body()).at("/chains/0/chain").asString()).isEqualTo("clinic-ops");
    }

    /**
     * The clinic's API in one OpenAPI document at the gateway, fetched from the running services with a partner's
     * token (any valid one may read it): every service's routes, each session-day action its own.
     */
    @Test
    void theGatewayServesEveryServicesApiDocumentAsOne() throws Exception {
        HttpResponse<String> answer = get("/v3/api-docs", "Bearer " + accessToken("demo-partner-a"));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode document = read(answer.body());
        assertThat(document.get("openapi").asString()).startsWith("3.1");
        assertThat(document.get("paths").propertyNames()).contains("/api/patients", "/api/screenings/{screeningId}/review",
                "/api/sessions/{sessionId}/check-in", "/api/alerts/{alertId}/ack", "/api/partner/subscriptions",
                "/api/audit");
        assertThat(document.at("/components/schemas/Screening/properties/instruments/properties/phq9/minItems")
                .asInt()).isEqualTo(9);
    }

    /** After the session-day walk, so that its patient still finds a chair free on Thursday at 09:00. */
    @Test
    @Order(Integer.MAX_VALUE - 2)
    void aRescheduledSessionMovesItsRemindersAndTellsThePatient() throws Exception {
        String patientId = registerPatient("noor.move@example.org", true);
        assertThat(post("/api/patients/" + patientId + "/screenings", screening(0)).statusCode()).isEqualTo(201);
        JsonNode plan = await().atMost(Duration.ofSeconds(20)).until(
                () -> get("/api/patients/" + patientId + "/treatment-plan"), r -> r.statusCode() == 200)
                .body().transform(ClinicJourneyTests::read);
        // 12, or 11 when the first session's 48 h reminder had passed at booking: all written in one transaction
        long pending = await().atMost(Duration.ofSeconds(20)).until(() -> reminders(patientId, "PENDING"),
                n -> n >= 11);
        // the series' last session, a day later (or on the Monday after a Friday): spacing and window still hold
        JsonNode last = plan.get("sessions").get(5);
        ZoneId zone = ZoneId.of(read(get("/api/demo/clock").body()).get("zone").asString());
        Instant from = Instant.parse(last.get("start").asString());
        Instant to = from.plus(Duration.ofDays(
                from.atZone(zone).getDayOfWeek() == DayOfWeek.FRIDAY ? 3 : 1));

        HttpResponse<String> moved = post("/api/sessions/" + last.get("sessionId").asString() + "/reschedule",
                "{\"start\": \"" + to + "\"}");

        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(Instant.parse(read(moved.body()).get("start").asString())).isEqualTo(to);
        // the old time's two reminders suppressed, two new ones for the new time, and the patient told
        await().atMost(Duration.ofSeconds(20)).until(() -> reminders(patientId, "SUPPRESSED"), n -> n == 2);
        assertThat(reminders(patientId, "PENDING")).isEqualTo(pending);
        JsonNode notice = await().atMost(Duration.ofSeconds(20)).until(
                () -> notifications(patientId).valueStream()
                        .filter(n -> n.get("kind").asString().equals("RESCHEDULE_NOTICE")).toList(),
                notices -> notices.size() == 1 && notices.getFirst().get("status").asString().equals("SENT"))
                .getFirst();
        assertThat(notice.get("channel").asString()).isEqualTo("EMAIL");
        assertThat(await().atMost(Duration.ofSeconds(20)).until(() -> mailTo("noor.move@example.org"),
                mail -> mail.size() == 2)).extracting(ClinicJourneyTests::body)
                .allSatisfy(text -> assertThat(text).doesNotContain("DEPRESSION", "PHQ"));
    }

    /** The patient's notifications, newest first: the first page, more than a journey's patient has. */
    private static JsonNode notifications(String patientId) throws Exception {
        return read(get("/api/patients/" + patientId + "/notifications").body());
    }

    private static long reminders(String patientId, String status) throws Exception {
        return notifications(patientId).valueStream()
                .filter(n -> n.get("kind").asString().equals("SESSION_REMINDER")
                        && n.get("status").asString().equals(status)).count();
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
    void aPatientInCrisisWhoConsentedToTextsGetsTheCrisisLineByTextInTheSmsCatcher() throws Exception {
        HttpResponse<String> registered = post("/api/patients", """
                { "firstName": "Noa", "lastName": "Park", "dateOfBirth": "1990-05-17",
                  "phone": "+15035550177", "contactConsent": { "email": false, "sms": true },
                  "referral": { "source": "SELF" } }
                """);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String patientId = read(registered.body()).get("patientId").asString();

        assertThat(post("/api/patients/" + patientId + "/screenings", screening(1)).statusCode()).isEqualTo(201);

        LocalSms.Text text = await().atMost(Duration.ofSeconds(20)).until(
                () -> clinic.infrastructure().sms().texts().stream().filter(t -> t.to().equals("+15035550177"))
                        .toList(), texts -> !texts.isEmpty()).getFirst();
        assertThat(text.body()).startsWith("Clinic: Noa, ").contains("988").doesNotContain("PHQ");
        // the text is marked SENT once the catcher's answer is recorded
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                notifications(patientId).valueStream()
                        .filter(n -> n.get("kind").asString().equals("CRISIS_LINE_MESSAGE"))
                        .map(n -> n.get("channel").asString() + " " + n.get("status").asString()))
                .containsExactlyInAnyOrder("EMAIL SKIPPED_NO_CONSENT", "SMS SENT"));
    }

    @Test
    void aClinicianApprovalOfAReviewBooksTheSeriesAndADeclineBooksNothing() throws Exception {
        String approved = registerPatient("ari.cohen@example.org", true);
        String declined = registerPatient("lee.park@example.org", true);
        // One failed antidepressant trial: TRD is not established (CLINICAL S-11), so a clinician decides.
        String approvedScreening = screenForReview(approved);
        String declinedScreening = screenForReview(declined);

        HttpResponse<String> approval = post("/api/screenings/" + approvedScreening + "/review", """
                { "decision": "APPROVE",
                  "note": "Second antidepressant trial confirmed with the referring psychiatrist." }""");
        HttpResponse<String> decline = post("/api/screenings/" + declinedScreening + "/review", """
                { "decision": "DECLINE",
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
                .header("X-Correlation-Id", "front-desk-42")
                .header("Authorization", "Bearer " + accessToken("demo-coordinator")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("X-Correlation-Id")).hasValue("front-desk-42");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void theIssuerGivesADemoClientATokenForClinicOpsOnTheRealClockWhateverTheClinicTime() throws Exception {
        // signature against the JWK set, and expiry against the issuer's clock, which is the real one
        Jwt token = NimbusJwtDecoder.withJwkSetUri(clinic.issuerUrl() + "/oauth2/jwks").build()
                .decode(accessToken("demo-nurse"));
        assertThat(token.getIssuer()).hasToString("http://localhost:9000");
        assertThat(token.getAudience()).containsExactly("clinic-ops");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("NURSE");
        assertThat(clock("authorization-server")).isNotInstanceOf(DemoClock.class);
        assertThat(clock("intake-service")).isInstanceOf(DemoClock.class);
    }

    /** CLINICAL section 5, "Partners": the referring clinic follows its referral with a token of its own. */
    @Test
    void aPartnerClinicSeesItsReferralsStatusThroughTheGatewayWithATokenFromTheIssuer() throws Exception {
        String patientId = registerPatient("dana.partner@example.org", false);
        screenForReview(patientId);
        String path = "/api/partner/patients/" + patientId;

        HttpResponse<String> riverside = get(path, "Bearer " + accessToken("demo-partner-a"));
        HttpResponse<String> lakeside = get(path, "Bearer " + accessToken("demo-partner-b"));
        HttpResponse<String> nurse = get(path, "Bearer " + accessToken("demo-nurse"));

        assertThat(riverside.statusCode()).as(riverside.body()).isEqualTo(200);
        assertThat(read(riverside.body()).get("status").asString()).isEqualTo("UNDER_CLINICAL_REVIEW");
        assertThat(lakeside.statusCode()).isEqualTo(404);
        assertThat(nurse.statusCode()).isEqualTo(403);
        assertThat(getWithoutToken(path).statusCode()).isEqualTo(401);
    }

    /**
     * The README's partner walk-through: a partner clinic subscribes with its own token, runs the example receiver of
     * docs/examples with the secret it was given, and receives its referral's status, signed and verified.
     */
    @Test
    void aPartnerSubscribesAndTheExampleReceiverVerifiesTheSignedWebhookOfItsReferral() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        HttpResponse<String> subscribed = http.send(HttpRequest.newBuilder(uri("/api/partner/subscriptions"))
                .header("Authorization", "Bearer " + accessToken("demo-partner-a"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"url": "http://127.0.0.1:%d/riverside", "eventTypes": ["patient.status_changed"]}
                        """.formatted(port))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        String secret = read(subscribed.body()).get("secret").asString();
        // the clinic signs with its demo clock, a year or more from this machine's: the receiver is told so
        Process receiver = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "../docs/examples/WebhookReceiver.java", Integer.toString(port), secret, "100000000")
                .redirectErrorStream(true).start();
        List<String> printed = new CopyOnWriteArrayList<>();
        Thread.ofVirtual().start(() -> receiver.inputReader().lines().forEach(printed::add));
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> printed.stream().anyMatch(line -> line.startsWith("Receiving")));
            String patientId = registerPatient("dana.webhook@example.org", false);
            // for review, so that it books no chair the day-walk test below expects free
            screenForReview(patientId);

            String verified = await().atMost(Duration.ofSeconds(60)).until(() -> printed.stream()
                    .filter(line -> line.startsWith("VERIFIED ") && line.contains(patientId)).findFirst(),
                    line -> line.isPresent()).orElseThrow();
            JsonNode envelope = read(verified.substring(verified.indexOf('{')));
            assertThat(envelope.get("type").asString()).isEqualTo("patient.status_changed");
            assertThat(envelope.at("/data/status").asString()).isEqualTo("UNDER_CLINICAL_REVIEW");
            assertThat(printed).noneMatch(line -> line.startsWith("REFUSED"));
        } finally {
            receiver.destroy();
        }
    }

    @Test
    void theConsoleListsTheDemoClientsWithACurlLineForAToken() {
        assertThat(clinic.describeDemoClients())
                .contains("demo-partner-a", "[PARTNER]  partner_clinic_id riverside-psychiatry", "demo-expiring")
                .contains("curl -s -u demo-nurse:demo-nurse-secret -d grant_type=client_credentials "
                        + clinic.issuerUrl() + "/oauth2/token");
    }

    /**
     * A first IV session's day (CLINICAL section 7, session-service's README), moved along by the demo clock alone:
     * each step is sent right after the clock was moved to its time. After the other journey tests, since the jumps
     * move every service and only forward, and before the last one, which only moves the clock on.
     */
    @Test
    @Order(Integer.MAX_VALUE - 2)
    void aBookedFirstSessionIsWalkedFromCheckInToDischargeOnTheDemoClock() throws Exception {
        String patientId = registerPatient("dana.day@example.org", true);
        HttpResponse<String> screening = post("/api/patients/" + patientId + "/screenings", screening(0));
        assertThat(screening.statusCode()).as(screening.body()).isEqualTo(201);
        assertThat(read(screening.body()).get("outcome").asString()).isEqualTo("ELIGIBLE");
        JsonNode plan = await().atMost(Duration.ofSeconds(20)).until(
                () -> get("/api/patients/" + patientId + "/treatment-plan"), r -> r.statusCode() == 200)
                .body().transform(ClinicJourneyTests::read);
        JsonNode first = plan.get("sessions").get(0);
        // Screened minutes after 08:45 on Wednesday: the first free start 24 h on is Thursday 09:00, on a free chair.
        assertThat(first.get("start").asString()).isEqualTo(TestClock.isoInstant("2026-11-26T17:00:00Z"));
        String session = first.get("sessionId").asString();
        ZoneId zone = ZoneId.of(read(get("/api/demo/clock").body()).get("zone").asString());

        Instant checkInTime = advanceTo("2026-11-26T17:00:00Z");
        JsonNode day = act(session, "check-in", 200, """
                {"consentOnFile": true, "escortConfirmed": true, "fastingConfirmed": true, "weightKg": 71.5}""");
        assertThat(day.get("status").asString()).isEqualTo("CHECKED_IN");
        assertThat(day.get("bpGate").asString()).isEqualTo("NO_READING");
        assertThat(instant(day.at("/checkIn/checkedInAt"))).isBetween(checkInTime, checkInTime.plus(TICKING));
        assertThat(day.at("/checkIn/weightKg").decimalValue()).isEqualByComparingTo("71.5");

        // no takenAt: the reading takes the clock's now
        Instant preDose = advanceTo("2026-11-26T17:05:00Z");
        day = act(session, "vitals", 201, """
                {"systolic": 128, "diastolic": 82, "heartRate": 74, "spo2": 98}""");
        assertThat(day.get("status").asString()).isEqualTo("READY_TO_DOSE");
        assertThat(day.get("bpGate").asString()).isEqualTo("PASSED");
        assertThat(day.at("/vitals/0/phase").asString()).isEqualTo("PRE_DOSE");
        assertThat(day.at("/vitals/0/bp").asString()).isEqualTo("NORMAL");
        assertThat(instant(day.at("/vitals/0/takenAt"))).isBetween(preDose, preDose.plus(TICKING));

        advanceTo("2026-11-26T17:10:00Z");
        day = act(session, "dose-order", 201, """
                {"orderedMgPerKg": 0.5}""");
        assertThat(day.get("status").asString()).isEqualTo("READY_TO_DOSE");
        // 0.5 mg/kg x 71.5 kg = 35.75, half-up to 35.8
        assertThat(day.at("/doseOrder/doseMg").decimalValue()).isEqualByComparingTo("35.8");
        assertThat(day.at("/doseOrder/capMg").decimalValue()).isEqualByComparingTo("100");
        assertThat(day.at("/doseOrder/prescriberId").asString()).as("the ordering token's").isEqualTo("demo-prescriber");

        advanceTo("2026-11-26T17:15:00Z");
        day = act(session, "dose-start", 200, at("2026-11-26T17:15:00Z"));
        assertThat(day.get("status").asString()).isEqualTo("DOSING");
        assertThat(day.at("/dose/startedAt").asString()).isEqualTo(TestClock.isoInstant("2026-11-26T17:15:00Z"));
        assertThat(day.get("vitalsDueBy").asString()).isEqualTo(TestClock.isoInstant("2026-11-26T17:30:00Z"));

        day = monitor(session, "2026-11-26T17:30:00Z", 134, 84, 80, 97);
        assertThat(day.get("vitalsDueBy").asString()).isEqualTo(TestClock.isoInstant("2026-11-26T17:45:00Z"));
        assertThat(day.get("alerts")).isEmpty();

        // D-6: one reading over three thresholds raises three alerts; the infusion goes on
        Instant alarming = advanceTo("2026-11-26T17:35:00Z");
        day = act(session, "vitals", 201, vitals("2026-11-26T17:35:00Z", 186, 114, 135, 97));
        assertThat(day.get("status").asString()).isEqualTo("DOSING");
        assertThat(day.get("vitalsDueBy").asString()).isEqualTo(TestClock.isoInstant("2026-11-26T17:50:00Z"));
        assertThat(day.get("alerts").valueStream().map(a -> a.get("code").asString() + " "
                + a.get("value").asInt() + ">" + a.get("threshold").asInt()))
                .containsExactly("SYSTOLIC_HIGH 186>180", "DIASTOLIC_HIGH 114>110", "HEART_RATE_HIGH 135>130");
        assertThat(day.get("alerts")).allSatisfy(alert -> {
            assertThat(alert.get("takenAt").asString()).isEqualTo(TestClock.isoInstant("2026-11-26T17:35:00Z"));
            assertThat(instant(alert.get("raisedAt"))).isBetween(alarming, alarming.plus(TICKING));
        });

        day = monitor(session, "2026-11-26T17:45:00Z", 136, 86, 78, 97);
        assertThat(day.get("vitalsDueBy").asString()).isEqualTo(TestClock.isoInstant("2026-11-26T18:00:00Z"));

        // the clock shows 17:55 when the move is answered and only goes on from there: an "at" of 17:55 is not future
        advanceTo("2026-11-26T17:55:00Z");
        day = act(session, "dose-end", 200, at("2026-11-26T17:55:00Z"));
        assertThat(day.get("status").asString()).isEqualTo("IN_OBSERVATION");
        assertThat(day.at("/dose/endedAt").asString()).isEqualTo(TestClock.isoInstant("2026-11-26T17:55:00Z"));
        assertThat(day.at("/dose/givenMg").decimalValue()).isEqualByComparingTo("35.8");
        assertThat(day.get("earliestDischargeAt").asString())
                .isEqualTo(TestClock.isoInstant("2026-11-26T18:55:00Z"));

        monitor(session, "2026-11-26T18:00:00Z", 130, 84, 76, 98);
        monitor(session, "2026-11-26T18:15:00Z", 126, 82, 74, 98);
        monitor(session, "2026-11-26T18:30:00Z", 124, 80, 72, 98);
        day = monitor(session, "2026-11-26T18:45:00Z", 122, 78, 72, 98);
        assertThat(day.get("status").asString()).isEqualTo("IN_OBSERVATION");
        assertThat(day.get("vitalsDueBy").asString()).isEqualTo(TestClock.isoInstant("2026-11-26T19:00:00Z"));

        advanceTo("2026-11-26T18:54:00Z");
        HttpResponse<String> early = post("/api/sessions/" + session + "/discharge", DISCHARGE);
        assertThat(early.statusCode()).as(early.body()).isEqualTo(409);
        JsonNode refusal = read(early.body());
        assertThat(refusal.get("code").asString()).isEqualTo("D8_OBSERVATION_NOT_OVER");
        assertThat(refusal.get("unmet").valueStream().map(JsonNode::asString))
                .containsExactly("D8_OBSERVATION_NOT_OVER");
        assertThat(refusal.get("sessionStatus").asString()).isEqualTo("IN_OBSERVATION");
        assertThat(refusal.get("earliestDischargeAt").asString())
                .isEqualTo(TestClock.isoInstant("2026-11-26T18:55:00Z"));

        Instant discharged = advanceTo("2026-11-26T18:55:00Z");
        day = act(session, "discharge", 200, DISCHARGE);
        assertThat(day.get("status").asString()).isEqualTo("DISCHARGED");
        assertThat(day.get("vitalsDueBy").isNull()).isTrue();
        assertThat(instant(day.at("/discharge/dischargedAt"))).isBetween(discharged, discharged.plus(TICKING));
        // D-8: no driving until the next day, midnight in Los Angeles
        assertThat(instant(day.at("/discharge/noDrivingUntil")))
                .isEqualTo(TestClock.at("2026-11-27T00:00", zone))
                .isEqualTo(TestClock.at("2026-11-27T08:00:00Z"));
        assertThat(read(get("/api/sessions/" + session).body()).get("status").asString()).isEqualTo("DISCHARGED");
        assertThat(read(get("/api/patients/" + patientId + "/treatment-plan").body()).at("/sessions/0/status")
                .asString()).isEqualTo("DISCHARGED");

        // what the booking and the day published, in order, keyed by the patient with the session as the subject
        String dischargedType = "org.clinicops.session.discharged.v1";
        String alertType = "org.clinicops.session.safety-alert-raised.v1";
        List<ConsumerRecord<byte[], byte[]>> published = new ArrayList<>();
        new TopicReader(clinic.infrastructure().kafka().bootstrapServers()).readUntil(Topics.SESSIONS, records -> {
            published.clear();
            records.stream().filter(r -> session.equals(header(r, "ce_subject"))).forEach(published::add);
            return published.stream().anyMatch(r -> dischargedType.equals(header(r, "ce_type")));
        });
        assertThat(published).extracting(r -> header(r, "ce_type")).containsExactly(
                "org.clinicops.session.scheduled.v1", "org.clinicops.session.checked-in.v1",
                alertType, alertType, alertType, "org.clinicops.session.dose-administered.v1", dischargedType);
        assertThat(published).allSatisfy(r -> assertThat(new String(r.key(), StandardCharsets.UTF_8))
                .isEqualTo(patientId));
        List<JsonNode> alerts = published.stream().filter(r -> alertType.equals(header(r, "ce_type")))
                .map(r -> read(TopicReader.value(r))).toList();
        assertThat(alerts).extracting(a -> a.get("code").asString())
                .containsExactly("SYSTOLIC_HIGH", "DIASTOLIC_HIGH", "HEART_RATE_HIGH");
        assertThat(alerts).allSatisfy(raised -> {
            assertThat(raised.get("sessionId").asString()).isEqualTo(session);
            assertThat(raised.get("patientId").asString()).isEqualTo(patientId);
            assertThat(raised.get("prescriberId").asString()).isEqualTo("demo-prescriber");
        });
    }

    /** After the others, because the jump would move what they book and remind. */
    @Test
    @Order(Integer.MAX_VALUE - 1)
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

    /**
     * Moves the demo clock to {@code referenceInstant} of the reference week (as {@link TestClock#at(String)} moves
     * it) and answers that instant: the clock shows it when the answer is sent, and ticks on from there.
     */
    private static Instant advanceTo(String referenceInstant) throws Exception {
        String target = TestClock.isoInstant(referenceInstant);
        HttpResponse<String> moved = post("/api/demo/clock", "{\"advanceTo\": \"" + target + "\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(Instant.parse(read(moved.body()).get("now").asString())).isEqualTo(Instant.parse(target));
        return Instant.parse(target);
    }

    /** A session-day action through the gateway, answered with {@code status}; the session it answers. */
    private static JsonNode act(String session, String action, int status, String body) throws Exception {
        HttpResponse<String> response = post("/api/sessions/" + session + "/" + action, body);
        assertThat(response.statusCode()).as(action + ": " + response.body()).isEqualTo(status);
        JsonNode day = read(response.body());
        assertThat(day.get("sessionId").asString()).isEqualTo(session);
        return day;
    }

    /** A monitoring reading at {@code referenceInstant}, sent with the clock moved there and carrying that time. */
    private static JsonNode monitor(String session, String referenceInstant, int systolic, int diastolic,
                                    int heartRate, int spo2) throws Exception {
        advanceTo(referenceInstant);
        JsonNode day = act(session, "vitals", 201, vitals(referenceInstant, systolic, diastolic, heartRate, spo2));
        JsonNode reading = day.get("vitals").get(day.get("vitals").size() - 1);
        assertThat(reading.get("phase").asString()).isEqualTo("MONITORING");
        assertThat(reading.get("takenAt").asString()).isEqualTo(TestClock.isoInstant(referenceInstant));
        assertThat(reading.get("systolic").asInt()).isEqualTo(systolic);
        return day;
    }

    private static String vitals(String referenceInstant, int systolic, int diastolic, int heartRate, int spo2) {
        return """
                {"systolic": %d, "diastolic": %d, "heartRate": %d, "spo2": %d, "takenAt": "%s"}"""
                .formatted(systolic, diastolic, heartRate, spo2, TestClock.isoInstant(referenceInstant));
    }

    private static String at(String referenceInstant) {
        return "{\"at\": \"" + TestClock.isoInstant(referenceInstant) + "\"}";
    }

    private static Instant instant(JsonNode text) {
        return Instant.parse(text.asString());
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

    /** A POST by the demo client whose role does that step in the clinic ({@link #doneBy}). */
    private static HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + accessToken(doneBy("POST", path)))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A GET by the demo client whose role reads that in the clinic ({@link #doneBy}). */
    private static HttpResponse<String> get(String path) throws Exception {
        return get(path, "Bearer " + accessToken(doneBy("GET", path)));
    }

    /**
     * Who does a step of the journey, as the access matrix has it: the front desk registers, screens, checks in and
     * moves sessions; a clinician reviews and acknowledges alerts; the prescriber orders the dose; the nurse does the
     * rest at the chair and reads the record.
     */
    private static String doneBy(String method, String path) {
        if (method.equals("GET")) {
            return path.startsWith("/api/screenings?") ? "demo-clinician" : "demo-nurse";
        }
        if (path.endsWith("/review") || path.endsWith("/ack")) {
            return "demo-clinician";
        }
        if (path.endsWith("/dose-order")) {
            return "demo-prescriber";
        }
        if (path.startsWith("/api/patients") || path.endsWith("/check-in") || path.endsWith("/reschedule")
                || path.endsWith("/cancel") || path.endsWith("/no-show")) {
            return "demo-coordinator";
        }
        return "demo-nurse";
    }

    private static HttpResponse<String> getWithoutToken(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String authorization) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", authorization).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A demo client's token from the issuer, as the README's curl line gets it (each secret is its id + "-secret"),
     * fetched again once it is 4 minutes old: partner tokens live 5 minutes, staff tokens 15.
     */
    /**
     * Last: while a referral in crisis goes through every application (the gateway, intake-service, Kafka, and
     * notification-service, which asks intake-service for the contact with its own token), and at the clinic's start,
     * nothing shaped like a token, and none of the journey's tokens, is written to the logs (ACCESS: tokens and
     * Authorization headers are never logged).
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void noApplicationLogsAnAccessToken(CapturedOutput logs) throws Exception {
        String patientId = registerPatient("logs.check@example.org", true);
        assertThat(post("/api/patients/" + patientId + "/screenings", screening(1)).statusCode()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(20)).until(() -> logs.getAll().contains("Sent CRISIS_PAGE"));
        assertThat(issued).isNotEmpty().noneSatisfy(token -> assertThat(logs.getAll()).contains(token));
        assertThat(JWT.matcher(logs.getAll()).find()).as("anything shaped like a JWT in the logs").isFalse();
    }

    private static String accessToken(String client) throws Exception {
        Token cached = tokens.get(client);
        // its age by the monotonic timer: the demo clock is not the tokens' time, and no test reads the wall clock
        if (cached != null && System.nanoTime() - cached.fetchedNanos() < Duration.ofMinutes(4).toNanos()) {
            return cached.jwt();
        }
        String jwt = freshToken(client);
        tokens.put(client, new Token(jwt, System.nanoTime()));
        issued.add(jwt);
        return jwt;
    }

    private record Token(String jwt, long fetchedNanos) {
    }

    private static String freshToken(String client) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(clinic.issuerUrl() + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((client + ":" + client + "-secret").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return read(response.body()).get("access_token").asString();
    }

    private static URI uri(String path) {
        return URI.create(clinic.gatewayUrl() + path);
    }

    private static JsonNode read(String body) {
        return json.readTree(body);
    }
}
