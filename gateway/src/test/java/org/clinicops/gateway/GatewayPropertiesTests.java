package org.clinicops.gateway;

import org.clinicops.support.testing.ServiceSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayPropertiesTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(GatewayConfiguration.class)
            .withPropertyValues(
                    "clinic.gateway.intake-uri=http://intake-service:8081",
                    "clinic.gateway.session-uri=http://session-service:8082",
                    "clinic.gateway.notification-uri=http://notification-service:8083",
                    "clinic.gateway.audit-uri=http://audit-service:8084");

    @Test
    void bindsTheFourServiceUris() {
        context.run(started -> {
            assertThat(started.getBean(GatewayProperties.class).sessionUri()).hasToString("http://session-service:8082");
            assertThat(started.getBean(GatewayProperties.class).auditUri()).hasToString("http://audit-service:8084");
        });
    }

    @Test
    void theDemoClockShowsTheZoneTheDeploymentSetsOnceForEveryService() {
        GatewayProperties properties = ServiceSettings.bind("gateway", "clinic.gateway", GatewayProperties.class,
                Map.of("CLINIC_ZONE", "Europe/London"));

        assertThat(properties.clinicZone()).isEqualTo(ZoneId.of("Europe/London"));
    }

    @Test
    void refusesToStartWhenAServiceUriIsBlank() {
        context.withPropertyValues("clinic.gateway.session-uri=")
                .run(started -> assertThat(started).getFailure().rootCause()
                        .hasMessageContaining("clinic.gateway.session-uri must be an absolute http(s) URI"));
    }

    @Test
    void refusesToStartWhenAServiceUriIsNotAbsolute() {
        context.withPropertyValues("clinic.gateway.intake-uri=intake-service:8081")
                .run(started -> assertThat(started).getFailure().rootCause()
                        .hasMessageContaining("clinic.gateway.intake-uri must be an absolute http(s) URI"));
    }
}
