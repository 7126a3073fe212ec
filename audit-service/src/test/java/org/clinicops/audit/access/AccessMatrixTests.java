package org.clinicops.audit.access;

import org.clinicops.events.Topics;
import org.clinicops.support.testing.AccessMatrixProbe;
import org.clinicops.support.testing.ServiceTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import java.util.List;
import java.util.stream.Stream;

/**
 * audit-service holds its rows of the access matrix itself: the trail answers CLINIC_ADMIN alone (it is health data
 * about who read whose record), its verification CLINIC_ADMIN and OPS (it has none), every route it serves has a row,
 * and any token but a valid one of the issuer is a 401.
 */
@ServiceTest(topics = Topics.AUDIT, partitions = 3)
@AutoConfigureMockMvc
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
        return AccessMatrixProbe.ofService("audit", AccessMatrixProbe.overMockMvc(mvc));
    }
}
