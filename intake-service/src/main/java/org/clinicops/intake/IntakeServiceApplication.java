package org.clinicops.intake;

import org.clinicops.support.security.PartnerApiSecurity;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** intake-service: referred patients, their screenings, and the screening outcomes other services act on. */
@SpringBootApplication
@ConfigurationPropertiesScan
// the partner status route
@Import(PartnerApiSecurity.class)
public class IntakeServiceApplication {

    public static final String NAME = "intake-service";

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application with its own config file name, so it can share one JVM with the other services. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(IntakeServiceApplication.class)
                .properties("spring.config.name=" + NAME);
    }
}
