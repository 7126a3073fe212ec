package org.clinicops.support.testing;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link ServiceTest} whose running service is shared with the module's other classes of the same configuration:
 * Spring, the embedded broker and the database start once per test JVM instead of once per class.
 *
 * <p>Before each class {@link SharedServiceReset} empties every table of the service (Flyway's history tables
 * excepted) and sets the shared {@link TestClock} to {@link #now()}; after each class it waits until the service has
 * consumed everything on its broker and relayed its outbox, so no leftover work of one class lands in the next. Kafka
 * topics keep the earlier classes' records: a test reads what concerns it, by its own fresh patient ids.
 *
 * <p>All shared classes of a module must declare the same configuration ({@link #partitions()},
 * {@link #properties()}, {@link #webEnvironment()} and further annotations such as {@code @AutoConfigureMockMvc} or
 * {@code @ActiveProfiles}): a second shared configuration in one test JVM fails its class, so two cached copies of a
 * service never run side by side. A class needing a configuration of its own (a different setting, an outage) keeps
 * {@link ServiceTest}, which starts and closes a service, broker and database of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(useMainMethod = SpringBootTest.UseMainMethod.WHEN_AVAILABLE)
public @interface SharedServiceTest {

    /** Topics to create, if the broker has none of that name yet, with {@link #partitions()} partitions each. */
    String[] topics() default {};

    int partitions() default 1;

    /** Further properties, over the service's configuration. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};

    @AliasFor(annotation = SpringBootTest.class, attribute = "webEnvironment")
    SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.MOCK;

    /** Where the service's clock stands as the class starts, in the reference week of {@link TestClock#at(String)}. */
    String now() default "2026-11-25T17:00:00Z";
}
