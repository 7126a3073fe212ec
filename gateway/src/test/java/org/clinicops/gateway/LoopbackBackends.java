package org.clinicops.gateway;

import org.clinicops.support.security.AccessMatrix;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The four services behind the gateway, each a {@link LoopbackBackend} started once per test JVM (and stopped with
 * it), and the gateway's routes pointed at them. Before each class of {@link GatewayTest} the backends forget the
 * replies set, the paths received and the enforcing of rows by the classes before, so every class finds them as if
 * just started.
 */
@TestConfiguration(proxyBeanMethods = false)
class LoopbackBackends implements BeforeAllCallback {

    static final LoopbackBackend intake = LoopbackBackend.start("intake-service", AccessMatrix.Service.INTAKE);
    static final LoopbackBackend session = LoopbackBackend.start("session-service", AccessMatrix.Service.SESSION);
    static final LoopbackBackend notification = LoopbackBackend.start("notification-service",
            AccessMatrix.Service.NOTIFICATION);
    static final LoopbackBackend audit = LoopbackBackend.start("audit-service", AccessMatrix.Service.AUDIT);

    /** From now until the next class: each stand-in answers 403 to a role its service's row does not allow. */
    static void enforceRows() {
        intake.enforceRows();
        session.enforceRows();
        notification.enforceRows();
        audit.enforceRows();
    }

    @Bean
    DynamicPropertyRegistrar downstreams() {
        return registry -> {
            registry.add("clinic.gateway.intake-uri", intake::uri);
            registry.add("clinic.gateway.session-uri", session::uri);
            registry.add("clinic.gateway.notification-uri", notification::uri);
            registry.add("clinic.gateway.audit-uri", audit::uri);
        };
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        intake.forgetEarlierClasses();
        session.forgetEarlierClasses();
        notification.forgetEarlierClasses();
        audit.forgetEarlierClasses();
    }
}
