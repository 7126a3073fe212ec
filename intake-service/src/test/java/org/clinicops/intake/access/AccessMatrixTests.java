package org.clinicops.intake.access;

import org.clinicops.events.Topics;
import org.clinicops.intake.Examples;
import org.clinicops.support.testing.AccessMatrixProbe;
import org.clinicops.support.testing.SharedServiceTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import java.util.List;
import java.util.stream.Stream;

/**
 * intake-service holds its rows of the access matrix itself, for a caller that bypasses the gateway: every route it
 * serves has a row, each role gets the row's answer over real HTTP, and any token but a valid one of the issuer is a
 * 401.
 */
@SharedServiceTest(topics = Topics.SCREENINGS, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        now = Examples.NOW)
class AccessMatrixTests {

    @LocalServerPort
    int port;
    @Autowired
    List<RequestMappingInfoHandlerMapping> mappings;

    @Test
    void everyRouteTheServiceServesHasARowInTheMatrix() {
        AccessMatrixProbe.assertEveryRouteHasARow(mappings);
    }

    @TestFactory
    Stream<DynamicTest> eachRoleGetsExactlyTheMatrixAnswer_decidedBeforeAnyLookup() {
        return probe().everyCell();
    }

    @TestFactory
    Stream<DynamicTest> anExpiredForeignHs256UnsignedOrMisaddressedTokenIs401() {
        return probe().everyBadTokenIsRefused();
    }

    private AccessMatrixProbe probe() {
        return AccessMatrixProbe.ofService("intake-service", AccessMatrixProbe.overHttp("http://localhost:" + port));
    }
}
