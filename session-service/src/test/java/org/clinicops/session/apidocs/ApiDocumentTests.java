package org.clinicops.session.apidocs;

import org.clinicops.events.Topics;
import org.clinicops.support.testing.ApiDocumentContract;
import org.clinicops.support.testing.SharedServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** session-service's OpenAPI document: each session-day action a route of its own, with its own body. */
@SharedServiceTest(topics = {Topics.SCREENINGS, Topics.SESSIONS})
@AutoConfigureMockMvc
class ApiDocumentTests extends ApiDocumentContract {

    @Autowired
    MockMvcTester mvc;

    @Override
    protected String service() {
        return "session-service";
    }

    @Override
    protected String get(String path) {
        return get(mvc, path);
    }
}
