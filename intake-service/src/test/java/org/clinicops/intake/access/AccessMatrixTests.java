package org.clinicops.intake.access;

import org.clinicops.events.Topics;
import org.clinicops.intake.Examples;
import org.clinicops.support.testing.AccessMatrixContract;
import org.clinicops.support.testing.AccessMatrixProbe;
import org.clinicops.support.testing.SharedServiceTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * intake-service's rows of the access matrix, over real HTTP: the partner status route for partner tokens alone, the
 * contact look-up for notification-service's alone.
 */
@SharedServiceTest(topics = Topics.SCREENINGS, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        now = Examples.NOW)
class AccessMatrixTests extends AccessMatrixContract {

    @LocalServerPort
    int port;

    @Override
    protected AccessMatrixProbe probe() {
        return AccessMatrixProbe.ofService("intake-service", AccessMatrixProbe.overHttp("http://localhost:" + port));
    }
}
