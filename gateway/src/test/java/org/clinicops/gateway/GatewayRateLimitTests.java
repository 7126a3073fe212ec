package org.clinicops.gateway;

import org.clinicops.support.testing.ProblemAnswers;
import org.clinicops.support.testing.TestClock;
import org.clinicops.support.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicops.gateway.GatewayClient.body;
import static org.clinicops.gateway.LoopbackBackends.session;

/**
 * The per-client rate limit: a signed-in request draws from its token's client's bucket, one without a token from
 * its source address's, here each a bucket of 3 refilled by 1 a second. The buckets read the gateway's clock, which
 * stands still here until a test moves it: the wait a 429 asks for is a move of the clock, not a sleep.
 */
@GatewayTest(properties = {"clinic.gateway.rate-limit.unauthenticated.per-second=1",
                "clinic.gateway.rate-limit.unauthenticated.burst=3",
                "clinic.gateway.rate-limit.staff.per-second=1", "clinic.gateway.rate-limit.staff.burst=3"})
class GatewayRateLimitTests {

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;

    GatewayClient gateway;

    /** Long enough for every bucket to be full again, whatever the test before took from it. */
    @BeforeEach
    void refillEveryBucket() {
        gateway = new GatewayClient(port);
        clock.advance(Duration.ofHours(1));
    }

    @Test
    void aBurstOverTheLimitIs429WithRetryAfterAndAProblem_andReachesNoService() {
        List<HttpResponse<String>> burst = IntStream.range(0, 4)
                .mapToObj(i -> gateway.get("/api/sessions/burst-" + i)).toList();

        assertThat(burst.subList(0, 3)).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
        HttpResponse<String> refused = burst.get(3);
        ProblemAnswers.assertProblem(429, refused.statusCode(),
                refused.headers().firstValue("Content-Type").orElse(null), refused.body());
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(body(refused).path("detail").asString()).contains("try again in 1 s");
        assertThat(session.receivedPaths()).contains("/api/sessions/burst-2").doesNotContain("/api/sessions/burst-3");
    }

    @Test
    void afterTheWaitItAsksForTheClientPassesAgain() {
        IntStream.range(0, 3).forEach(i -> gateway.get("/api/patients/p-" + i));
        HttpResponse<String> refused = gateway.get("/api/patients/p-3");
        assertThat(refused.statusCode()).isEqualTo(429);

        clock.advance(Duration.ofSeconds(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())));

        assertThat(gateway.get("/api/patients/p-4").statusCode()).isEqualTo(200);
        assertThat(gateway.get("/api/patients/p-5").statusCode()).as("one second refills one request").isEqualTo(429);
    }

    @Test
    void theHealthProbesAreNeverLimited() {
        IntStream.range(0, 3).forEach(i -> gateway.get("/api/patients/p-" + i));
        assertThat(gateway.get("/api/patients/p-3").statusCode()).isEqualTo(429);

        assertThat(IntStream.range(0, 10).mapToObj(i -> gateway.get(List.of("/actuator/health",
                "/actuator/health/liveness", "/actuator/health/readiness").get(i % 3)).statusCode()))
                .containsOnly(200);
    }

    @Test
    void pathsTheGatewayNeverRoutesDrawFromTheSameBucket() {
        IntStream.range(0, 3).forEach(i -> assertThat(gateway.get("/internal/patients/p-" + i + "/contact")
                .statusCode()).isEqualTo(404));

        assertThat(gateway.get("/api/patients/p-1").statusCode()).isEqualTo(429);
    }

    @Test
    void eachClientHasItsOwnBucket_anotherClientsFloodLeavesItsRequestsAlone() {
        String frontDesk = TestTokens.staff("front-desk", "INTAKE_COORDINATOR").claim("client_id", "front-desk-app")
                .bearer();
        IntStream.range(0, 4).forEach(i -> gateway.get("/api/patients/p-" + i));
        assertThat(gateway.get("/api/patients/p-4").statusCode()).isEqualTo(429);

        assertThat(gateway.send(gateway.anonymous("/api/patients/p-5").header("Authorization", frontDesk))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void requestsWithoutATokenAreLimitedBySourceAddressBeforeTheirSignInIsRefused() {
        List<Integer> anonymous = IntStream.range(0, 4)
                .mapToObj(i -> gateway.send(gateway.anonymous("/api/patients/p-" + i)).statusCode()).toList();

        assertThat(anonymous).containsExactly(401, 401, 401, 429);
        assertThat(gateway.get("/api/patients/p-5").statusCode()).as("a signed-in client's own bucket")
                .isEqualTo(200);
    }
}
