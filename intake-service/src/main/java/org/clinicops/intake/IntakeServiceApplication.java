package org.clinicops.intake;

import org.clinicops.support.security.AccessMatrix;
import org.clinicops.support.security.ClinicSecurity;
import org.clinicops.support.security.ServedRoutes;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** intake-service: referred patients, their screenings, and the screening outcomes other services act on. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(ClinicSecurity.class)
public class IntakeServiceApplication {

    public static final String NAME = "intake-service";

    /** Its rows of the access matrix, deny by default. */
    @Bean
    ServedRoutes servedRoutes() {
        return ServedRoutes.of(AccessMatrix.Service.INTAKE);
    }

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application with its own config file name, so it can share one JVM with the other services. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(IntakeServiceApplication.class)
                .properties("spring.config.name=" + NAME);
    }
}
