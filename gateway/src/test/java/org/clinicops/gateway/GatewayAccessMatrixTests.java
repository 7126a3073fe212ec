package org.clinicops.gateway;

import org.clinicops.support.testing.AccessMatrixProbe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.stream.Stream;

/**
 * Through the gateway each role gets the row's answer: the gateway checks the token (any token but a valid one of the
 * issuer is a 401 that costs no service anything), never routes {@code /internal/**} (404 for every token) and passes
 * a service's rows on to that service, which decides the roles (here stand-ins that enforce their rows as the
 * services do) and so records the refused requests in the audit trail.
 */
@GatewayTest
class GatewayAccessMatrixTests {

    @LocalServerPort
    int port;

    @BeforeAll
    static void theStandInsEnforceTheirServicesRows() {
        LoopbackBackends.enforceRows();
    }

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
