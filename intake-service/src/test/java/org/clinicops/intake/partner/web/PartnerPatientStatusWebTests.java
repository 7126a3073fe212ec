package org.clinicops.intake.partner.web;

import org.clinicops.events.Topics;
import org.clinicops.intake.Examples;
import org.clinicops.intake.IntakeHttp;
import org.clinicops.intake.IntakeHttp.Reply;
import org.clinicops.intake.JsonEdit;
import org.clinicops.support.testing.SharedServiceTest;
import org.clinicops.support.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/partner/patients/{patientId}}: a partner clinic follows the patients it referred through a generic
 * status only (CLINICAL section 5, "Partners"), and learns nothing of anyone else's, not even that they exist.
 */
@SharedServiceTest(topics = Topics.SCREENINGS, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, now = Examples.NOW)
class PartnerPatientStatusWebTests {

    static final String NEEDS_REVIEW = JsonEdit.of(Examples.SCREENING)
            .set("/history/failedAntidepressantTrials", "1").json();
    static final String CRISIS = JsonEdit.of(Examples.SCREENING).set("/instruments/phq9/8", "1").json();
    static final String INELIGIBLE = JsonEdit.of(Examples.SCREENING).set("/vitals/systolic", "164").json();
    static final String DECLINE = """
            { "decision": "DECLINE", "clinicianId": "dr-okafor", "clinicianRole": "CLINICIAN",
              "note": "Referred on to the mood clinic instead." }
            """;
    /** CLINICAL section 5: none of these ever reaches a partner, as a member or as a value. */
    static final List<String> NEVER_SHOWN = List.of("reasons", "scores", "findings", "firstName", "lastName",
            "dateOfBirth", "email", "phone", "indication", "instruments", "history", "vitals", "contactConsent",
            "ELIGIBLE", "NEEDS_CLINICIAN_REVIEW", "CRISIS_ESCALATION", "INELIGIBLE", "APPROVED", "DECLINED", "Dana",
            "Reyes", "dana@example.org");

    @LocalServerPort
    int port;

    IntakeHttp http;

    @BeforeEach
    void client() {
        http = new IntakeHttp(port);
    }

    @Test
    void theReferringClinicSeesItsPatientFromRegistration_withItsOwnReferenceAndNoStatusBeforeAScreening() {
        String dana = register(Examples.PATIENT);

        Reply reply = status(dana, riverside());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.text("patientId")).isEqualTo(dana);
        assertThat(reply.text("partnerReference")).isEqualTo("RVS-2026-0042");
        assertThat(reply.json().get("status").isNull()).isTrue();
        assertThat(fieldNames(reply)).containsExactly("patientId", "partnerReference", "status");
    }

    @Test
    void aPartnerSeesAcceptedUnderClinicalReviewOrNotAccepted_aCrisisReadingAsAReview() {
        assertThat(statusAfter(Examples.SCREENING)).isEqualTo("ACCEPTED");
        assertThat(statusAfter(NEEDS_REVIEW)).isEqualTo("UNDER_CLINICAL_REVIEW");
        assertThat(statusAfter(CRISIS)).isEqualTo("UNDER_CLINICAL_REVIEW");
        assertThat(statusAfter(INELIGIBLE)).isEqualTo("NOT_ACCEPTED");
    }

    @Test
    void theClinicianDecisionThenTheLatestReScreeningDecideTheStatus_neverTheOutcomeReasonsOrScores() {
        String dana = register(Examples.PATIENT);
        String screeningId = screen(dana, NEEDS_REVIEW);
        Reply declined = http.post("/api/screenings/" + screeningId + "/review", DECLINE);
        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);

        Reply afterDecline = status(dana, riverside());
        screen(dana, Examples.SCREENING);
        Reply afterRescreening = status(dana, riverside());

        assertThat(afterDecline.text("status")).isEqualTo("NOT_ACCEPTED");
        assertThat(afterRescreening.text("status")).isEqualTo("ACCEPTED");
        for (Reply reply : List.of(afterDecline, afterRescreening)) {
            String withoutIds = reply.body().replace(dana, "");
            assertThat(withoutIds).as(reply.toString()).doesNotContain(NEVER_SHOWN);
        }
    }

    @Test
    void anotherClinicsPatientASelfReferralAndAnUnknownIdAreTheSame404() {
        String dana = register(Examples.PATIENT);
        String selfReferred = register(JsonEdit.of(Examples.PATIENT).set("/referral", "{\"source\": \"SELF\"}").json());
        String lakeside = TestTokens.partner("lakeside-health").bearer();
        String unknown = UUID.randomUUID().toString();

        List<Reply> hidden = List.of(status(dana, lakeside), status(selfReferred, riverside()), status(unknown, riverside()));

        List<String> ids = List.of(dana, selfReferred, unknown);
        for (int i = 0; i < hidden.size(); i++) {
            Reply reply = hidden.get(i);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
            assertThat(reply.contentType().toString()).isEqualTo("application/problem+json");
            assertThat(reply.body().replace(ids.get(i), "{id}"))
                    .isEqualTo(hidden.get(2).body().replace(unknown, "{id}"));
        }
    }

    @Test
    void noTokenIsUnauthorizedAndAStaffTokenForbiddenBeforeAnyPatientIsLookedUp() {
        String dana = register(Examples.PATIENT);

        Reply anonymous = http.get("/api/partner/patients/" + dana, HttpHeaders.AUTHORIZATION, "");
        Reply nurse = status(dana, TestTokens.staff("nurse-ellis", "NURSE").bearer());
        Reply adminOfUnknown = status(UUID.randomUUID().toString(),
                TestTokens.staff("admin-1", "CLINIC_ADMIN").bearer());

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
        assertThat(nurse.status()).as(nurse.toString()).isEqualTo(403);
        assertThat(adminOfUnknown.status()).as(adminOfUnknown.toString()).isEqualTo(403);
        assertThat(nurse.body()).doesNotContain("Dana", "RVS-2026-0042");
    }

    private String statusAfter(String screening) {
        String patient = register(Examples.PATIENT);
        screen(patient, screening);
        Reply reply = status(patient, riverside());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.text("status");
    }

    /** Minted for each request: partner tokens live 5 minutes. */
    private static String riverside() {
        return TestTokens.partner("riverside-psychiatry").bearer();
    }

    private Reply status(String patientId, String bearer) {
        return http.get("/api/partner/patients/" + patientId, HttpHeaders.AUTHORIZATION, bearer);
    }

    private String register(String patient) {
        Reply reply = http.post("/api/patients", patient);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.text("patientId");
    }

    private String screen(String patientId, String body) {
        Reply reply = http.post("/api/patients/" + patientId + "/screenings", body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.text("screeningId");
    }

    private static List<String> fieldNames(Reply reply) {
        List<String> names = new ArrayList<>();
        reply.json().propertyNames().forEach(names::add);
        return names;
    }
}
