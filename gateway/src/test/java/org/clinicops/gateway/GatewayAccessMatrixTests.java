package org.clinicops.gateway;

import org.clinicops.support.testing.AccessMatrixProbe;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.stream.Stream;

/**
 * The gateway enforces the whole access matrix before a request costs a service anything: each role gets the row's
 * answer (an allowed one reaches the service, here one that answers everything), {@code /internal/**} is 404 for
 * every token, and any token but a valid one of the issuer is a 401.
 */
@GatewayTest
class GatewayAccessMatrixTests {

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
