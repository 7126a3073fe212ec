package org.clinicops.session.access;

import org.clinicops.events.Topics;
import org.clinicops.support.testing.AccessMatrixContract;
import org.clinicops.support.testing.AccessMatrixProbe;
import org.clinicops.support.testing.SharedServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * session-service's rows of the access matrix, through the whole filter chain: the dose order the prescriber's alone,
 * giving the dose a nurse's or a prescriber's.
 */
@SharedServiceTest(topics = {Topics.SCREENINGS, Topics.SESSIONS})
@AutoConfigureMockMvc
class AccessMatrixTests extends AccessMatrixContract {

    @Autowired
    MockMvcTester mvc;

    @Override
    protected AccessMatrixProbe probe() {
        return AccessMatrixProbe.ofService("session-service", AccessMatrixProbe.overMockMvc(mvc));
    }
}
