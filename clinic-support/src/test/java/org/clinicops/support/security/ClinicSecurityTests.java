package org.clinicops.support.security;

import org.clinicops.support.SharedSupportServiceTest;
import org.clinicops.support.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicops.support.testing.DefaultTestToken.withoutToken;

/**
 * The rules every application keeps before its own rows of the matrix (ClinicSecurity), on the smallest service,
 * which has no row of its own: health answers anyone and shows details only to OPS, the actuator's other endpoints
 * are OPS only, anything else is refused, and only the known roles of the {@code roles} claim grant anything.
 */
@SharedSupportServiceTest
class ClinicSecurityTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void healthAnswersWithoutAToken_butItsDetailsOnlyToOps() {
        MvcTestResult anonymous = mvc.get().uri("/actuator/health").with(withoutToken()).exchange();
        assertThat(anonymous).hasStatus(200).bodyJson().doesNotHavePath("$.components");
        assertThat(mvc.get().uri("/actuator/health").header(HttpHeaders.AUTHORIZATION, TestTokens.ops().bearer()))
                .hasStatus(200).bodyJson().hasPath("$.components.db");
        assertThat(mvc.get().uri("/actuator/health/liveness").with(withoutToken())).hasStatus(200);
    }

    @Test
    void aBadTokenIsA401EvenOnHealth_aClientThatPresentsATokenMustPresentAValidOne() {
        assertThat(mvc.get().uri("/actuator/health")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.ops().expired(Duration.ofMinutes(1)).bearer()))
                .hasStatus(401).hasHeader(HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer error=\"invalid_token\", error_description=\"The token is invalid, expired or not "
                                + "meant for clinic-ops\"");
    }

    @Test
    void metricsAndDeadLettersAreForOpsOnly_noTokenIs401WithABareBearerChallenge() {
        MvcTestResult anonymous = mvc.get().uri("/actuator/prometheus").with(withoutToken()).exchange();
        assertThat(anonymous).hasStatus(401).hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.status").isEqualTo(401);
        assertThat(mvc.get().uri("/actuator/prometheus")).as("the care team's token").hasStatus(403)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.status").isEqualTo(403);
        assertThat(mvc.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, TestTokens.ops().bearer()))
                .hasStatus(200);
        assertThat(mvc.get().uri("/actuator/deadletters").header(HttpHeaders.AUTHORIZATION, TestTokens.ops().bearer()))
                .hasStatus(200);
        assertThat(mvc.post().uri("/actuator/deadletters")).as("replay by the care team").hasStatus(403);
    }

    @Test
    void nothingElseOfTheActuatorIsExposed_andAPathWithoutARowIsRefused() {
        for (String path : List.of("/actuator/env", "/actuator/heapdump", "/actuator/beans", "/actuator",
                "/api/anything")) {
            assertThat(mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, TestTokens.ops().bearer()).exchange()
                    .getResponse().getStatus()).as(path).isIn(403, 404);
        }
        assertThat(mvc.get().uri("/api/anything").with(withoutToken())).hasStatus(401);
    }

    @Test
    void partnerAndNotificationServiceAreExclusive_withAnotherRoleTheTokenMayDoNothing() {
        assertThat(mvc.get().uri("/actuator/prometheus")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.staff("mixed", "OPS", "PARTNER")
                        .claim("partner_clinic_id", "riverside-psychiatry").bearer())).hasStatus(403);
        assertThat(mvc.get().uri("/actuator/prometheus")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.staff("mixed", "OPS", "NOTIFICATION_SERVICE").bearer()))
                .hasStatus(403);
    }

    @Test
    void onlyTheRolesClaimGrants_neitherAScopeNorAnUnknownRoleDoes() {
        assertThat(mvc.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION,
                TestTokens.staff("scoped", "SUPERUSER").claim("scope", "OPS prometheus").bearer())).hasStatus(403);
        assertThat(mvc.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION,
                TestTokens.ops().without("roles").bearer())).hasStatus(403);
        assertThat(mvc.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION,
                TestTokens.ops().claim("roles", "OPS").bearer())).as("a string, not an array").hasStatus(403);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders_healthDataIsNeverCachedOrFramed() {
        MvcTestResult answer = mvc.get().uri("/actuator/health").with(withoutToken()).exchange();
        assertThat(answer).hasHeader("X-Content-Type-Options", "nosniff")
                .hasHeader("X-Frame-Options", "DENY")
                .hasHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .hasHeader("Referrer-Policy", "no-referrer");
        assertThat(answer.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("no-store");
        assertThat(answer.getResponse().getHeader("Strict-Transport-Security")).as("plain HTTP").isNull();
        assertThat(mvc.get().uri("/actuator/prometheus").with(withoutToken())).as("a refusal too")
                .hasHeader("X-Content-Type-Options", "nosniff");
    }
}
