package org.clinicops.notification.apidocs;

import org.clinicops.notification.SharedNotificationServiceTest;
import org.clinicops.support.testing.ApiDocumentContract;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** notification-service's OpenAPI document: the clinic's alerts and messages, and the partner API. */
@SharedNotificationServiceTest
class ApiDocumentTests extends ApiDocumentContract {

    @Autowired
    MockMvcTester mvc;

    @Override
    protected String service() {
        return "notification-service";
    }

    @Override
    protected String get(String path) {
        return get(mvc, path);
    }
}
