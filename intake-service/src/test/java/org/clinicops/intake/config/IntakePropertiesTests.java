package org.clinicops.intake.config;

import org.clinicops.support.testing.ServiceSettings;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IntakePropertiesTests {

    @Test
    void todayIsInTheZoneTheDeploymentSetsOnceForEveryService() {
        IntakeProperties properties = ServiceSettings.bind("intake-service", "intake", IntakeProperties.class,
                Map.of("CLINIC_ZONE", "Europe/London"));

        assertThat(properties.clinicZone()).isEqualTo(ZoneId.of("Europe/London"));
    }

    @Test
    void theClinicIsInLosAngelesUnlessTheDeploymentSaysOtherwise() {
        IntakeProperties properties = ServiceSettings.bind("intake-service", "intake", IntakeProperties.class,
                Map.of());

        assertThat(properties.clinicZone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
    }
}
