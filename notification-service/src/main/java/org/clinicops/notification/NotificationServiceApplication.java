package org.clinicops.notification;

import org.clinicops.support.security.PartnerApiSecurity;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** notification-service: booking confirmations, crisis pages and crisis-line messages, stored first and sent after. */
@SpringBootApplication
@ConfigurationPropertiesScan
// the partner API: subscriptions, deliveries, catch-up
@Import(PartnerApiSecurity.class)
public class NotificationServiceApplication {

    public static final String NAME = "notification-service";

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application with its own config file name, so it can share one JVM with the other services. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(NotificationServiceApplication.class)
                .properties("spring.config.name=" + NAME);
    }
}
