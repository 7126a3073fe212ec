package org.clinicops.notification;

import org.clinicops.support.security.AccessMatrix;
import org.clinicops.support.security.ClinicSecurity;
import org.clinicops.support.security.ServedRoutes;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** notification-service: booking confirmations, crisis pages and crisis-line messages, stored first and sent after. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(ClinicSecurity.class)
public class NotificationServiceApplication {

    public static final String NAME = "notification-service";

    /** Its rows of the access matrix, deny by default. */
    @Bean
    ServedRoutes servedRoutes() {
        return ServedRoutes.of(AccessMatrix.Service.NOTIFICATION);
    }

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application with its own config file name, so it can share one JVM with the other services. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(NotificationServiceApplication.class)
                .properties("spring.config.name=" + NAME);
    }
}
