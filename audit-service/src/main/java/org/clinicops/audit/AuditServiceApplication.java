package org.clinicops.audit;

import org.clinicops.audit.verification.VerifyCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.util.Arrays;

/**
 * audit-service: the owner of the audit trail. It appends every service's audit records to one hash chain in a
 * database of its own, whose application user may only insert and read them, serves the trail by patient or actor,
 * and verifies the chain. Started with {@code --verify} it only verifies, prints the result and exits
 * ({@code bin/clinic-audit-verify}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuditServiceApplication {

    public static final String NAME = "audit-service";

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
