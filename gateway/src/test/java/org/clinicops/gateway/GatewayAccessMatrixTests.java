package org.clinicops.gateway;

import org.clinicops.support.testing.AccessMatrixProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.stream.Stream;

/**
 * The gateway enforces the whole access matrix before a request costs a service anything: each role gets the row's
 * answer (an allowed one reaches the service, here one that answers everything), {@code /internal/**} is 404 for
 * every token, and any token but a valid one of the issuer is a 401.
 */
// every role's requests of the whole matrix, on a clock that stands still: buckets too large to run dry
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        useMainMethod = SpringBootTest.UseMainMethod.WHEN_AVAILABLE, properties = {
        "clinic.gateway.rate-limit.staff.burst=100000", "clinic.gateway.rate-limit.partner.burst=100000",
        "clinic.gateway.rate-limit.unauthenticated.burst=100000"})
class GatewayAccessMatrixTests {

    static final LoopbackBackend intake = LoopbackBackend.start("intake-service");
    static final LoopbackBackend session = LoopbackBackend.start("session-service");
    static final LoopbackBackend notification = LoopbackBackend.start("notification-service");

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        registry.add("clinic.gateway.intake-uri", intake::uri);
        registry.add("clinic.gateway.session-uri", session::uri);
        registry.add("clinic.gateway.notification-uri", notification::uri);
    }

    @AfterAll
    static void stopBackends() {
        intake.close();
        session.close();
        notification.close();
    }

    @LocalServerPort
    int port;

    @TestFactory
    Stream<DynamicTest> eachRoleGetsExactlyTheMatrixAnswer_decidedBeforeAnyService() {
        return probe().everyCell();
    }

    @TestFactory
    Stream<DynamicTest> anExpiredForeignHs256UnsignedOrMisaddressedTokenIs401() {
        return probe().everyBadTokenIsRefused();
    }

    private AccessMatrixProbe probe() {
        return AccessMatrixProbe.ofGateway(false, AccessMatrixProbe.overHttp("http://localhost:" + port));
    }
}
