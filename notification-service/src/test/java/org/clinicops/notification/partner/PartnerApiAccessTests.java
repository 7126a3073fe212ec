package org.clinicops.notification.partner;

import org.clinicops.notification.SharedNotificationServiceTest;
import org.clinicops.support.testing.DefaultTestToken;
import org.clinicops.support.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may use {@code /api/partner/**}: a partner clinic's own token and nothing else, whatever else the request
 * carries. Tokens are RS256 JWTs of the test issuer, checked against its JWK set as a real issuer's are.
 */
@SharedNotificationServiceTest
class PartnerApiAccessTests {

    static final String EVENT_TYPES = "/api/partner/event-types";

    @Autowired
    MockMvcTester mvc;

    @Test
    void aPartnerClinicsTokenReadsTheCatalogue() {
        MvcTestResult result = get(TestTokens.partner("riverside-psychiatry").bearer());

        assertThat(result).hasStatusOk().bodyJson().extractingPath("$.eventTypes[*].type").asArray()
                .containsExactly("patient.status_changed", "induction.booked", "induction.waiting_for_capacity",
                        "session.completed");
    }

    @Test
    void aRequestWithoutABearerTokenIsUnauthorizedWhateverClinicItNames() {
        MvcTestResult result = mvc.get().uri(EVENT_TYPES).header("X-Partner-Clinic", "riverside-psychiatry")
                .param("partnerClinicId", "riverside-psychiatry").with(DefaultTestToken.withoutToken()).exchange();

        assertThat(result).hasStatus(401).hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .hasContentType("application/problem+json");
    }

    @Test
    void anExpiredForgedForeignOrUnaddressedTokenIsUnauthorized() {
        List<String> bad = List.of(
                TestTokens.partner("riverside-psychiatry").expired(Duration.ofSeconds(30)).bearer(),
                TestTokens.partner("riverside-psychiatry").signedBy(TestTokens.strangerKeys()).bearer(),
                TestTokens.partner("riverside-psychiatry").claim("iss", "http://localhost:9001").bearer(),
                TestTokens.partner("riverside-psychiatry").claim("aud", List.of("another-api")).bearer(),
                TestTokens.partner("riverside-psychiatry").without("aud").bearer(),
                "Bearer not-a-jwt");

        for (String token : bad) {
            MvcTestResult result = get(token);
            assertThat(result).as(token).hasStatus(401);
            assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE))
                    .as(token).startsWith("Bearer error=\"invalid_token\"");
        }
    }

    @Test
    void staffTokensAndPartnerTokensWithoutAWellFormedClinicAreForbidden() {
        List<String> forbidden = List.of(
                TestTokens.staff("dr-okafor", "CLINICIAN").bearer(),
                TestTokens.staff("ops-1", "OPS").bearer(),
                TestTokens.partner("riverside-psychiatry").without("partner_clinic_id").bearer(),
                TestTokens.partner("Riverside Psychiatry").bearer(),
                TestTokens.partner("riverside-psychiatry-").bearer(),
                TestTokens.partner("riverside-psychiatry").claim("roles", List.of("PARTNER", "NURSE")).bearer(),
                TestTokens.partner("riverside-psychiatry").without("roles").bearer());

        for (String token : forbidden) {
            assertThat(get(token)).as(token).hasStatus(403).hasContentType("application/problem+json");
        }
    }

    @Test
    void routesOutsideThePartnerApiStayAsTheyWere() {
        assertThat(mvc.get().uri("/actuator/health/liveness").exchange()).hasStatusOk();
    }

    private MvcTestResult get(String authorization) {
        return mvc.get().uri(EVENT_TYPES).header(HttpHeaders.AUTHORIZATION, authorization).exchange();
    }
}
