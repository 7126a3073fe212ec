package org.clinicops.session;

import org.clinicops.events.Topics;
import org.clinicops.support.testing.ReliedOnMetrics;
import org.clinicops.support.testing.SharedServiceTest;
import org.clinicops.support.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.nio.charset.StandardCharsets;

/** Ops' dashboard and alert rules read these from the running service: renaming one fails here, not in production. */
@SharedServiceTest(topics = {Topics.SCREENINGS, Topics.SESSIONS})
// the configuration of the module's shared service
@AutoConfigureMockMvc
class ExposedMetricsTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void exposesEveryMetricTheDashboardAndTheAlertRulesRead() {
        ReliedOnMetrics.assertExposed("session-service", () -> new String(
                mvc.get().uri("/actuator/prometheus")
                        .header(HttpHeaders.AUTHORIZATION, TestTokens.ops().bearer())
                        .exchange().getResponse().getContentAsByteArray(),
                StandardCharsets.UTF_8));
    }
}
