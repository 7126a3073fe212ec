package org.clinicops.audit;

import org.clinicops.audit.verification.VerifyCommand;
import org.clinicops.support.security.AccessMatrix;
import org.clinicops.support.security.ClinicSecurity;
import org.clinicops.support.security.ServedRoutes;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.util.Arrays;

/**
 * audit-service: the owner of the audit trail. It appends every service's audit records to one hash chain in a
 * database of its own, whose application user may only insert and read them, serves the trail by patient or actor,
 * and verifies the chain. Started with {@code --verify} it only verifies, prints the result and exits
 * ({@code bin/clinic-audit-verify}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(ClinicSecurity.class)
public class AuditServiceApplication {

    public static final String NAME = "audit-service";

    /** Its rows of the access matrix: the trail for CLINIC_ADMIN, its verification for CLINIC_ADMIN and OPS. */
    @Bean
    ServedRoutes servedRoutes() {
        return ServedRoutes.of(AccessMatrix.Service.AUDIT);
    }

    public static void main(String[] args) {
        if (Arrays.asList(args).contains(VerifyCommand.ARGUMENT)) {
            System.exit(VerifyCommand.run(args));
        }
        application().run(args);
    }

    /** The application with its own config file name, so it can share one JVM with the other services. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(AuditServiceApplication.class)
                .properties("spring.config.name=" + NAME);
    }
}
