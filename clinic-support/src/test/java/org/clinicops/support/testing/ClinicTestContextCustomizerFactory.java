package org.clinicops.support.testing;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gives every Spring test context the shared {@link TestClock} as its {@code Clock} bean, so no service under test
 * ever reads the machine's clock; a {@link ServiceTest} also gets its configuration name, a fresh database, the
 * embedded broker and the test issuer of {@link TestTokens}. Registered in {@code META-INF/spring.factories} of the
 * test-jar.
 */
class ClinicTestContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        Optional<ServiceTest> service = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .get(ServiceTest.class).synthesize(a -> a.isPresent());
        return new Customizer(testClass, service.orElse(null));
    }

    private record Customizer(Class<?> testClass, ServiceTest service) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            TestClock clock = service == null ? new TestClock() : new TestClock(TestClock.at(service.now()));
            context.getBeanFactory().registerSingleton("clock", clock);
            if (service == null) {
                return;
            }
            String url = TestPostgres.newDatabase(testClass.getSimpleName().toLowerCase());
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("clinic-service-test", Map.of(
                    "spring.datasource.url", url,
                    "spring.datasource.username", "postgres",
                    "spring.datasource.password", "",
                    "spring.kafka.bootstrap-servers", "${spring.embedded.kafka.brokers}",
                    // a resource server checks tokens against the test issuer's keys (TestTokens)
                    "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.jwkSetUri(),
                    "spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens.ISSUER)));
            // Test-speed defaults a test may still override with its own properties.
            context.getEnvironment().getPropertySources().addLast(new MapPropertySource("clinic-service-test-defaults",
                    Map.of("clinic.outbox.relay-interval", "50ms")));
        }
    }
}
