package org.clinicops.intake.patient.web;

import org.clinicops.events.Topics;
import org.clinicops.intake.Examples;
import org.clinicops.intake.IntakeHttp;
import org.clinicops.intake.IntakeHttp.Reply;
import org.clinicops.intake.JsonEdit;
import org.clinicops.support.testing.SharedServiceTest;
import org.clinicops.support.testing.TestClock;
import org.clinicops.support.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/patients} and {@code /internal/patients/{id}/contact} over real HTTP: CLINICAL section 3. */
@SharedServiceTest(topics = Topics.SCREENINGS, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, now = Examples.NOW)
class PatientControllerWebTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    IntakeHttp http;

    @BeforeEach
    void client() {
        http = new IntakeHttp(port);
    }

    @Test
    void registersTheContractExampleAndAnswersItsRepresentation() {
        Reply created = http.post("/api/patients", Examples.PATIENT);

        assertThat(created.status()).isEqualTo(201);
        String patientId = created.text("patientId");
        assertThat(UUID.fromString(patientId)).isNotNull();
        assertThat(created.location()).isEqualTo("/api/patients/" + patientId);
        assertThat(created.json()).isEqualTo(IntakeHttp.parse("""
                {
                  "patientId": "%s",
                  "firstName": "Dana", "lastName": "Reyes", "dateOfBirth": "%s", "sexAtBirth": "FEMALE",
                  "email": "dana@example.org", "phone": "+15035550142",
                  "contactConsent": { "email": true, "sms": false },
                  "referral": { "source": "PARTNER_CLINIC", "partnerClinicId": "riverside-psychiatry",
                                "partnerReference": "RVS-2026-0042" },
                  "registeredAt": "%s"
                }
                """.formatted(patientId, Examples.DANA_BORN, TestClock.isoInstant(Examples.NOW))));

        Reply read = http.get(created.location());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(created.json());
    }

    @Test
    void optionalDetailsNotGivenAreAnsweredAsNull() {
        Reply created = http.post("/api/patients", """
                { "firstName": "  Sam ", "lastName": "Okafor", "dateOfBirth": "1990-01-31",
                  "contactConsent": { "email": false, "sms": false }, "referral": { "source": "SELF" } }
                """);

        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.path("firstName").asString()).isEqualTo("Sam");
        for (String field : new String[] {"sexAtBirth", "email", "phone"}) {
            assertThat(body.has(field)).as(field).isTrue();
            assertThat(body.get(field).isNull()).as(field).isTrue();
        }
        assertThat(body.path("referral").path("source").asString()).isEqualTo("SELF");
        assertThat(body.path("referral").get("partnerClinicId").isNull()).isTrue();
    }

    @Test
    void unknownExtraMembersAreIgnored() {
        ObjectNode body = (ObjectNode) IntakeHttp.parse(Examples.PATIENT);
        body.put("favouriteColour", "teal");
        ((ObjectNode) body.get("referral")).put("note", "via fax");

        assertThat(http.post("/api/patients", body.toString()).status()).isEqualTo(201);
    }

    @Test
    void anUnknownPatientIdIsNotFound() {
        for (String path : new String[] {"/api/patients/" + UUID.randomUUID(),
                "/internal/patients/" + UUID.randomUUID() + "/contact"}) {
            Reply reply = http.get(path, HttpHeaders.AUTHORIZATION, tokenFor(path));
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as(path).isTrue();
        }
    }

    @Test
    void aMalformedPatientIdIsABadRequestNamingPatientId() {
        for (String path : new String[] {"/api/patients/not-a-uuid", "/internal/patients/42/contact"}) {
            Reply reply = http.get(path, HttpHeaders.AUTHORIZATION, tokenFor(path));
            assertThat(reply.status()).as(path).isEqualTo(400);
            assertThat(reply.contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as(path).isTrue();
            assertThat(reply.text("title")).as(path).isEqualTo("Bad request");
            assertThat(reply.errorFields()).as(path).containsExactly("patientId");
        }
    }

    @Test
    void theInternalContactEndpointAnswersContactDetailsConsentAndTheReferringPartnerOnly() {
        String patientId = http.post("/api/patients", Examples.PATIENT).text("patientId");

        Reply contact = http.get("/internal/patients/" + patientId + "/contact", HttpHeaders.AUTHORIZATION,
                TestTokens.notificationService().bearer());

        assertThat(contact.status()).isEqualTo(200);
        assertThat(contact.json()).isEqualTo(IntakeHttp.parse("""
                { "patientId": "%s", "firstName": "Dana", "email": "dana@example.org", "phone": "+15035550142",
                  "contactConsent": { "email": true, "sms": false },
                  "referral": { "source": "PARTNER_CLINIC", "partnerClinicId": "riverside-psychiatry",
                                "partnerReference": "RVS-2026-0042" } }
                """.formatted(patientId)));
    }

    @Test
    void theContactEndpointAnswersNotificationServiceAlone_aStaffTokenIsRefusedBeforeAnyLookup() {
        String patientId = http.post("/api/patients", Examples.PATIENT).text("patientId");

        Reply asCareTeam = http.get("/internal/patients/" + patientId + "/contact");
        Reply asPartner = http.get("/internal/patients/" + patientId + "/contact", HttpHeaders.AUTHORIZATION,
                TestTokens.partner("riverside-psychiatry").bearer());

        assertThat(asCareTeam.status()).isEqualTo(403);
        assertThat(asCareTeam.body()).doesNotContain("Dana", "dana@example.org");
        assertThat(asPartner.status()).isEqualTo(403);
    }

    /** The contact endpoint is notification-service's alone; the rest of the API the care team's. */
    private static String tokenFor(String path) {
        return (path.startsWith("/internal/") ? TestTokens.notificationService() : TestTokens.careTeam()).bearer();
    }

    @Test
    void aPartnerReferenceIsOptionalAndAnsweredAsNullWhenNotGiven() {
        Reply created = http.post("/api/patients", JsonEdit.of(Examples.PATIENT).remove("/referral/partnerReference").json());

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("referral").get("partnerReference").isNull()).isTrue();
        assertThat(http.get(created.location()).json().get("referral").get("partnerReference").isNull()).isTrue();
    }

    @Test
    void onlyAPartnerClinicReferralMayCarryAPartnerReferenceAndNothingIsWritten() {
        long before = patientRows();
        Reply self = http.post("/api/patients", JsonEdit.of(Examples.PATIENT)
                .set("/referral/source", "\"SELF\"").remove("/referral/partnerClinicId").json());

        assertProblem(self, 422);
        assertThat(self.errorFields()).containsExactly("referral.partnerReference");
        assertThat(patientRows()).isEqualTo(before);
    }

    @Test
    void aPartnerReferenceWithSpacesMarkupOrOver64CharactersIsRejectedNamingIt() {
        for (String reference : new String[] {"\"RVS 2026\"", "\"<b>RVS</b>\"", "\"" + "R".repeat(65) + "\"",
                "42"}) {
            Reply reply = http.post("/api/patients",
                    JsonEdit.of(Examples.PATIENT).set("/referral/partnerReference", reference).json());

            assertProblem(reply, 422);
            assertThat(reply.errorFields()).as(reference).containsExactly("referral.partnerReference");
        }
        Reply longest = http.post("/api/patients", JsonEdit.of(Examples.PATIENT)
                .set("/referral/partnerReference", "\"" + "a.B_9:-".repeat(10).substring(0, 64) + "\"").json());
        assertThat(longest.status()).isEqualTo(201);
    }

    @Test
    void everyInvalidFieldIsNamedAndNothingIsWritten() {
        long before = patientRows();
        Reply reply = http.post("/api/patients", """
                { "firstName": " ", "lastName": 7, "dateOfBirth": "09/03/1984", "sexAtBirth": "F",
                  "email": "dana-at-example", "phone": "503-555-0142",
                  "contactConsent": { "email": "yes" },
                  "referral": { "source": "FRIEND" } }
                """);

        assertProblem(reply, 422);
        assertThat(reply.errorFields()).containsExactlyInAnyOrder("firstName", "lastName", "dateOfBirth",
                "sexAtBirth", "email", "phone", "contactConsent.email", "contactConsent.sms", "referral.source");
        assertThat(patientRows()).isEqualTo(before);
    }

    @Test
    void missingRequiredObjectsAreNamedThemselves() {
        Reply reply = http.post("/api/patients", "{}");

        assertProblem(reply, 422);
        assertThat(reply.errorFields()).containsExactlyInAnyOrder("firstName", "lastName", "dateOfBirth",
                "contactConsent", "referral");
    }

    @Test
    void aPartnerClinicReferralNeedsThePartnersId() {
        Reply reply = http.post("/api/patients", """
                { "firstName": "Dana", "lastName": "Reyes", "dateOfBirth": "1984-03-09",
                  "contactConsent": { "email": false, "sms": false }, "referral": { "source": "PARTNER_CLINIC" } }
                """);

        assertProblem(reply, 422);
        assertThat(reply.errorFields()).containsExactly("referral.partnerClinicId");
    }

    @Test
    void onlyAPartnerClinicReferralKeepsAPartnerSoNoOtherPartnerSeesThePatient() {
        Reply self = http.post("/api/patients", JsonEdit.of(Examples.PATIENT).set("/referral/source", "\"SELF\"")
                .remove("/referral/partnerReference").json());
        Reply notAnId = http.post("/api/patients",
                JsonEdit.of(Examples.PATIENT).set("/referral/partnerClinicId", "\"Riverside Psychiatry\"").json());

        assertThat(self.status()).isEqualTo(201);
        assertThat(self.json().get("referral").get("partnerClinicId").isNull()).isTrue();
        assertProblem(notAnId, 422);
        assertThat(notAnId.errorFields()).containsExactly("referral.partnerClinicId");
    }

    @Test
    void aConsentWithoutItsContactDetailIsKeptAsGivenSinceEmailAndPhoneAreOptional() {
        Reply reply = http.post("/api/patients", """
                { "firstName": "Dana", "lastName": "Reyes", "dateOfBirth": "1984-03-09",
                  "contactConsent": { "email": true, "sms": true }, "referral": { "source": "SELF" } }
                """);

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.json().get("contactConsent").get("email").asBoolean()).isTrue();
        assertThat(reply.json().get("email").isNull()).isTrue();
    }

    @Test
    void aDateOfBirthLaterThanTodayInTheClinicIsRejected() {
        // 21 November is already today in UTC, but still tomorrow in the clinic's zone
        Reply tomorrow = http.post("/api/patients",
                Examples.PATIENT.replace(Examples.DANA_BORN, TestClock.isoDate("2026-11-21")));
        Reply today = http.post("/api/patients", Examples.PATIENT.replace(Examples.DANA_BORN, Examples.TODAY));

        assertProblem(tomorrow, 422);
        assertThat(tomorrow.errorFields()).containsExactly("dateOfBirth");
        assertThat(today.status()).isEqualTo(201);
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsABadRequest() {
        long before = patientRows();
        for (String body : new String[] {"firstName=Dana", "{\"firstName\": ", "[]", "",
                "{\"firstName\": \"Dana\", \"firstName\": \"Eve\"}", Examples.PATIENT + " {}"}) {
            assertProblem(http.post("/api/patients", body), 400);
        }
        assertThat(patientRows()).isEqualTo(before);
    }

    @Test
    void theSameIdempotencyKeyAndBodyAnswerTheFirstRegistrationAgain() {
        String key = UUID.randomUUID().toString();
        long before = patientRows();
        Reply first = http.post("/api/patients", Examples.PATIENT, "Idempotency-Key", key);
        // same content, other formatting and member order
        Reply again = http.post("/api/patients", IntakeHttp.parse(Examples.PATIENT).toString(),
                "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.location()).isEqualTo(first.location());
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(patientRows()).isEqualTo(before + 1);
    }

    @Test
    void anIdempotencyKeyIsTheCallers_anotherStaffMembersSameKeyRegistersAfreshAndReplaysNothing() {
        String key = UUID.randomUUID().toString();
        long before = patientRows();
        Reply first = http.post("/api/patients", Examples.PATIENT, "Idempotency-Key", key,
                HttpHeaders.AUTHORIZATION, TestTokens.staff("front-desk-1", "INTAKE_COORDINATOR").bearer());
        Reply other = http.post("/api/patients", Examples.PATIENT, "Idempotency-Key", key,
                HttpHeaders.AUTHORIZATION, TestTokens.staff("front-desk-2", "INTAKE_COORDINATOR").bearer());

        assertThat(first.status()).isEqualTo(201);
        assertThat(other.status()).isEqualTo(201);
        assertThat(other.location()).isNotEqualTo(first.location());
        assertThat(patientRows()).isEqualTo(before + 2);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsRejected() {
        String key = UUID.randomUUID().toString();
        http.post("/api/patients", Examples.PATIENT, "Idempotency-Key", key);
        long before = patientRows();

        Reply other = http.post("/api/patients", Examples.PATIENT.replace("Dana", "Eve"), "Idempotency-Key", key);

        assertProblem(other, 422);
        assertThat(other.errorFields()).containsExactly("Idempotency-Key");
        assertThat(patientRows()).isEqualTo(before);
    }

    @Test
    void anIdempotencyKeyOfAnUnusableFormIsRejected() {
        Reply reply = http.post("/api/patients", Examples.PATIENT, "Idempotency-Key", "k".repeat(256));

        assertProblem(reply, 422);
        assertThat(reply.errorFields()).containsExactly("Idempotency-Key");
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyRegisterOnePatient() throws Exception {
        String key = UUID.randomUUID().toString();
        long before = patientRows();

        List<Reply> replies;
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Future<Reply>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                futures.add(threads.submit(() -> http.post("/api/patients", Examples.PATIENT, "Idempotency-Key", key)));
            }
            replies = new ArrayList<>();
            for (Future<Reply> future : futures) {
                replies.add(future.get());
            }
        }

        assertThat(replies).extracting(Reply::status).containsOnly(201);
        assertThat(replies).extracting(Reply::location).containsOnly(replies.getFirst().location());
        assertThat(patientRows()).isEqualTo(before + 1);
    }

    private long patientRows() {
        return jdbc.sql("select count(*) from patient").query(Long.class).single();
    }

    private static void assertProblem(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as(reply.toString())
                .isTrue();
    }
}
