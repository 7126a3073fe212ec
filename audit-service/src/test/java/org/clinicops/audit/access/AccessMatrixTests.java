package org.clinicops.audit.access;

import org.clinicops.events.Topics;
import org.clinicops.support.testing.AccessMatrixContract;
import org.clinicops.support.testing.AccessMatrixProbe;
import org.clinicops.support.testing.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * audit-service's rows of the access matrix: the trail answers CLINIC_ADMIN alone (it is health data about who read
 * whose record), its verification CLINIC_ADMIN and OPS (it has none).
 */
@ServiceTest(topics = Topics.AUDIT, partitions = 3)
@AutoConfigureMockMvc
class AccessMatrixTests extends AccessMatrixContract {

    @Autowired
    MockMvcTester mvc;

    @Override
    protected AccessMatrixProbe probe() {
        return AccessMatrixProbe.ofService("audit", AccessMatrixProbe.overMockMvc(mvc));
    }
}
