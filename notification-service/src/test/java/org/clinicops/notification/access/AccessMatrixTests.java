package org.clinicops.notification.access;

import org.clinicops.notification.SharedNotificationServiceTest;
import org.clinicops.support.testing.AccessMatrixProbe;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import java.util.List;
import java.util.stream.Stream;

/**
 * notification-service holds its rows of the access matrix itself, for a caller that bypasses the gateway: every
 * route it serves has a row, each role gets the row's answer through the whole filter chain (the partner API for
 * partner tokens alone, 404 for another clinic's ids; acknowledging an alert a clinician's), and any token but a
 * valid one of the issuer is a 401.
 */
@SharedNotificationServiceTest
class AccessMatrixTests {

    @Autowired
    MockMvcTester mvc;
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
        return AccessMatrixProbe.ofService("notification-service", AccessMatrixProbe.overMockMvc(mvc));
    }
}
