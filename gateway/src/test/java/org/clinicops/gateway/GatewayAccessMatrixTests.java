package org.clinicops.gateway;

import org.clinicops.support.security.AccessMatrix;
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
 * Through the gateway each role gets the row's answer: the gateway checks the token (any token but a valid one of the
 * issuer is a 401 that costs no service anything), never routes {@code /internal/**} (404 for every token) and passes
 * a service's rows on to that service, which decides the roles (here stand-ins that enforce their rows as the
 * services do) and so records the refused requests in the audit trail.
 */
// every role's requests of the whole matrix, on a clock that stands still: buckets too large to run dry
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        useMainMethod = SpringBootTest.UseMainMethod.WHEN_AVAILABLE, properties = {
        "clinic.gateway.rate-limit.staff.burst=100000", "clinic.gateway.rate-limit.partner.burst=100000",
        "clinic.gateway.rate-limit.unauthenticated.burst=100000"})
class GatewayAccessMatrixTests {

    static final LoopbackBackend intake = LoopbackBackend.enforcing("intake-service", AccessMatrix.Service.INTAKE);
    static final LoopbackBackend session = LoopbackBackend.enforcing("session-service", AccessMatrix.Service.SESSION);
    static final LoopbackBackend notification = LoopbackBackend.enforcing("notification-service",
            AccessMatrix.Service.NOTIFICATION);
    static final LoopbackBackend audit = LoopbackBackend.enforcing("audit-service", AccessMatrix.Service.AUDIT);

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        registry.add("clinic.gateway.intake-uri", intake::uri);
        registry.add("clinic.gateway.session-uri", session::uri);
        registry.add("clinic.gateway.notification-uri", notification::uri);
        registry.add("clinic.gateway.audit-uri", audit::uri);
    }

    @AfterAll
    static void stopBackends() {
        intake.close();
        session.close();
        notification.close();
        audit.close();
    }

    @LocalServerPort
    int port;

    @TestFactory
    Stream<DynamicTest> eachRoleGetsExactlyTheMatrixAnswer_theRolesDecidedByTheServiceThatRecordsThem() {
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
