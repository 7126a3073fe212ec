package org.clinicops.session;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** session-service: treatment plans, the clinic's capacity, and booking of the induction series. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SessionServiceApplication {

    public static final String NAME = "session-service";

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application with its own config file name, so it can share one JVM with the other services. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(SessionServiceApplication.class)
                .properties("spring.config.name=" + NAME);
    }
}
