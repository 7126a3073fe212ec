package org.clinicops.notification.access;

import org.clinicops.notification.SharedNotificationServiceTest;
import org.clinicops.support.testing.AccessMatrixContract;
import org.clinicops.support.testing.AccessMatrixProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * notification-service's rows of the access matrix, through the whole filter chain: the partner API for partner
 * tokens alone, 404 for another clinic's ids; acknowledging an alert a clinician's.
 */
@SharedNotificationServiceTest
class AccessMatrixTests extends AccessMatrixContract {

    @Autowired
    MockMvcTester mvc;

    @Override
    protected AccessMatrixProbe probe() {
        return AccessMatrixProbe.ofService("notification-service", AccessMatrixProbe.overMockMvc(mvc));
    }
}
