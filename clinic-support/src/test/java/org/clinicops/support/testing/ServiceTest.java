package org.clinicops.support.testing;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A service under test on real infrastructure: the whole Spring Boot application as its {@code main} builds it (so
 * with its own configuration file), a fresh embedded PostgreSQL database of its own, an embedded Kafka broker (KRaft)
 * with {@link #topics()} created, and the shared {@link TestClock} at {@link #now()} as its one {@code Clock}; all of
 * it the class's own, closed after the class. For a class that needs a configuration of its own (a setting, an
 * outage, a topic to itself); the others share one running service with {@link SharedServiceTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
// the service's own main method builds the application, so it reads its own file (session-service.yml) as it does
@SpringBootTest(useMainMethod = SpringBootTest.UseMainMethod.WHEN_AVAILABLE)
@EmbeddedKafka
// closed after the class: embedded brokers of cached contexts stopping together at JVM exit hang the test JVM
@DirtiesContext
public @interface ServiceTest {

    /** Topics to create before the service starts, with {@link #partitions()} partitions each. */
    @AliasFor(annotation = EmbeddedKafka.class, attribute = "topics")
    String[] topics() default {};

    @AliasFor(annotation = EmbeddedKafka.class, attribute = "partitions")
    int partitions() default 1;

    /** Further properties for this test, over the service's configuration. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};

    @AliasFor(annotation = SpringBootTest.class, attribute = "webEnvironment")
    SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.MOCK;

    /** Where the service's clock starts, in the reference week of {@link TestClock#at(String)}. */
    String now() default "2026-11-25T17:00:00Z";
}
