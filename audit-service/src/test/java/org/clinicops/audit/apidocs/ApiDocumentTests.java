package org.clinicops.audit.apidocs;

import org.clinicops.events.Topics;
import org.clinicops.support.testing.ApiDocumentContract;
import org.clinicops.support.testing.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** audit-service's OpenAPI document: reading and verifying the trail. */
@ServiceTest(topics = Topics.AUDIT, partitions = 3)
@AutoConfigureMockMvc
class ApiDocumentTests extends ApiDocumentContract {

    @Autowired
    MockMvcTester mvc;

    @Override
    protected String service() {
        return "audit";
    }

    @Override
    protected String get(String path) {
        return get(mvc, path);
    }
}
