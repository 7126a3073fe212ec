package org.clinicops.support.testing;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Gives every Spring test context the shared {@link TestClock} as its {@code Clock} bean, so no service under test
 * ever reads the machine's clock; a {@link ServiceTest} or {@link SharedServiceTest} also gets its configuration
 * name, a fresh database, an embedded broker and the test issuer of {@link TestTokens}, its MockMvc requests the
 * care team's token ({@link DefaultTestToken}). Registered in
 * {@code META-INF/spring.factories} of the test-jar.
 *
 * <p>A {@link ServiceTest}'s customizer is its class's own, so Spring never reuses its context; a
 * {@link SharedServiceTest}'s is equal for every class of the same partitions, so Spring's context cache hands all of
 * them one running service. Any other test's names no class, so classes of one configuration share their context as
 * Spring's cache means them to (the gateway's tests of one configuration, one running gateway).
 */
class ClinicTestContextCustomizerFactory implements ContextCustomizerFactory {

    /** The one shared configuration of this test JVM, once started. */
    private static final AtomicReference<MergedContextConfiguration> shared = new AtomicReference<>();
    /** Its broker's address. */
    private static volatile String sharedBrokers;

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        MergedAnnotations annotations = MergedAnnotations.from(testClass,
                MergedAnnotations.SearchStrategy.TYPE_HIERARCHY);
        SharedServiceTest sharedService = annotations.get(SharedServiceTest.class).synthesize(a -> a.isPresent())
                .orElse(null);
        if (sharedService != null) {
            return new SharedCustomizer(sharedService.partitions());
        }
        ServiceTest service = annotations.get(ServiceTest.class).synthesize(a -> a.isPresent()).orElse(null);
        return new Customizer(service == null ? null : testClass, service,
                annotations.isPresent(SpringBootTest.class));
    }

    /**
     * Points {@code spring.embedded.kafka.brokers} back at the shared service's broker, if it has started. The Kafka
     * binder reads that property whenever it binds, also when Spring resumes the paused shared service after a
     * {@link ServiceTest} class has published its own broker's address there.
     */
    static void publishSharedBrokers() {
        if (sharedBrokers != null) {
            System.setProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS, sharedBrokers);
        }
    }

    /**
     * @param testClass        a {@link ServiceTest}'s class, whose database it names; null for any other test
     * @param wholeApplication a {@code @SpringBootTest}, not a slice such as {@code @WebMvcTest}
     */
    private record Customizer(Class<?> testClass, ServiceTest service, boolean wholeApplication)
            implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            TestClock clock = service == null ? new TestClock() : new TestClock(TestClock.at(service.now()));
            context.getBeanFactory().registerSingleton("clock", clock);
            if (service == null) {
                if (wholeApplication) {
                    // an application without a database or broker of its own (the gateway) is a resource server too
                    context.getEnvironment().getPropertySources().addFirst(testIssuer());
                }
            } else {
                // @ServiceTest's @EmbeddedKafka has registered the broker and published its address
                serviceInfrastructure(context, TestPostgres.newDatabase(testClass.getSimpleName().toLowerCase()),
                        "${spring.embedded.kafka.brokers}");
            }
        }
    }

    private record SharedCustomizer(int partitions) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            if (!shared.compareAndSet(null, merged) && !shared.get().equals(merged)) {
                throw new IllegalStateException("A second @SharedServiceTest configuration in one test JVM: "
                        + merged.getTestClass().getName() + " differs from the classes before it in its settings, "
                        + "partitions or annotations. Declare the same configuration, or give the class @ServiceTest");
            }
            // SharedServiceReset sets it to each class's now
            context.getBeanFactory().registerSingleton("clock", new TestClock());
            // SharedServiceReset creates each class's topics
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions);
            // publishes its address as spring.embedded.kafka.brokers, as a @ServiceTest's broker does its own
            broker.afterPropertiesSet();
            sharedBrokers = broker.getBrokersAsString();
            // a bean, as @EmbeddedKafka's is: it stops when this context closes, after the service's consumers
            ((GenericApplicationContext) context).registerBean("embeddedKafka", EmbeddedKafkaBroker.class,
                    () -> broker);
            serviceInfrastructure(context, TestPostgres.newDatabase("shared"), broker.getBrokersAsString());
        }
    }

    /** A resource server checks tokens against the test issuer's keys ({@link TestTokens}). */
    private static MapPropertySource testIssuer() {
        return new MapPropertySource("clinic-test-issuer", Map.of(
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.jwkSetUri(),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens.ISSUER));
    }

    private static void serviceInfrastructure(ConfigurableApplicationContext context, String databaseUrl,
                                              String brokers) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("clinic-service-test", Map.of(
                // without the URL's user, which would override spring.datasource.username
                "spring.datasource.url", databaseUrl.replaceFirst("\\?user=[^&]*$", ""),
                "spring.kafka.bootstrap-servers", brokers)));
        context.getEnvironment().getPropertySources().addFirst(testIssuer());
        if (ClassUtils.isPresent("org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer",
                ClinicTestContextCustomizerFactory.class.getClassLoader())) {
            ((GenericApplicationContext) context).registerBean(DefaultTestToken.class);
        }
        // Test-speed defaults a test may still override with its own properties; the server's superuser unless the
        // service names an application user of its own (audit-service's may do less than the schema's owner)
        context.getEnvironment().getPropertySources().addLast(new MapPropertySource("clinic-service-test-defaults",
                Map.of("clinic.outbox.relay-interval", "50ms",
                        "spring.datasource.username", TestPostgres.SUPERUSER,
                        "spring.datasource.password", "")));
        String user = context.getEnvironment().getProperty("spring.datasource.username");
        if (!TestPostgres.SUPERUSER.equals(user)) {
            TestPostgres.loginRole(user, context.getEnvironment().getProperty("spring.datasource.password", ""));
        }
    }
}
