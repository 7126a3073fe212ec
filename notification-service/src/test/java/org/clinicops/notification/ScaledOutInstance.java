package org.clinicops.notification;

import org.clinicops.support.testing.TestClock;
import org.clinicops.support.testing.TestTokens;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/**
 * One notification-service instance of several on one database and one broker, as ops scale it out: each on a port
 * of its own, all reading the one test clock, so a test moves them together.
 */
public final class ScaledOutInstance {

    private ScaledOutInstance() {
    }

    /** @param settings further {@code --name=value} arguments: where mail and intake-service are */
    public static ConfigurableApplicationContext start(TestClock clock, String database, String brokers,
                                                       String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.kafka.bootstrap-servers=" + brokers,
                "--spring.mail.host=127.0.0.1",
                "--notification.partner.webhooks.poll-interval=50ms",
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestTokens.jwkSetUri(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokens.ISSUER));
        arguments.addAll(List.of(settings));
        return NotificationServiceApplication.application()
                .profiles("test")
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
                .run(arguments.toArray(String[]::new));
    }
}
