package org.clinicops.session.access;

import org.clinicops.events.Topics;
import org.clinicops.support.testing.AccessMatrixProbe;
import org.clinicops.support.testing.SharedServiceTest;
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
 * session-service holds its rows of the access matrix itself, for a caller that bypasses the gateway: every route it
 * serves has a row, each role gets the row's answer through the whole filter chain (the dose order the prescriber's
 * alone, giving the dose a nurse's or a prescriber's), and any token but a valid one of the issuer is a 401.
 */
@SharedServiceTest(topics = {Topics.SCREENINGS, Topics.SESSIONS})
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
        return AccessMatrixProbe.ofService("session-service", AccessMatrixProbe.overMockMvc(mvc));
    }
}
