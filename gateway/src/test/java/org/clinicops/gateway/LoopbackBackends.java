package org.clinicops.gateway;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The three services behind the gateway, each a {@link LoopbackBackend} started once per test JVM (and stopped with
 * it), and the gateway's routes pointed at them. Before each class of {@link GatewayTest} the backends forget the
 * replies set and the paths received by the classes before, so every class finds them as if just started.
 */
@TestConfiguration(proxyBeanMethods = false)
class LoopbackBackends implements BeforeAllCallback {

    static final LoopbackBackend intake = LoopbackBackend.start("intake-service");
    static final LoopbackBackend session = LoopbackBackend.start("session-service");
    static final LoopbackBackend notification = LoopbackBackend.start("notification-service");

    @Bean
    DynamicPropertyRegistrar downstreams() {
        return registry -> {
            registry.add("clinic.gateway.intake-uri", intake::uri);
            registry.add("clinic.gateway.session-uri", session::uri);
            registry.add("clinic.gateway.notification-uri", notification::uri);
        };
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        intake.forgetEarlierClasses();
        session.forgetEarlierClasses();
        notification.forgetEarlierClasses();
    }
}
