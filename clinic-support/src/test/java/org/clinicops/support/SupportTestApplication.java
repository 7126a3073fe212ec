package org.clinicops.support;

import org.clinicops.support.security.ServedRoutes;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.util.List;

/**
 * The smallest service: just the shared plumbing, for testing it against a real broker and database. It serves no
 * route of the access matrix, so only health, and the actuator for OPS, answer (ClinicSecurity, found by the scan).
 */
@SpringBootApplication
class SupportTestApplication {

    @Bean
    ServedRoutes servedRoutes() {
        return new ServedRoutes(List.of(), List.of(), List.of());
    }
}
