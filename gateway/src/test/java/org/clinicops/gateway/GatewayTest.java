package org.clinicops.gateway;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The gateway as its {@code main} builds it, on a random port, in front of the {@link LoopbackBackends} of the test
 * JVM. Classes of the same {@link #properties()} (and no further configuration of their own) share one running
 * gateway.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        useMainMethod = SpringBootTest.UseMainMethod.WHEN_AVAILABLE)
@Import(LoopbackBackends.class)
@ExtendWith(LoopbackBackends.class)
@interface GatewayTest {

    /**
     * Further properties, over the gateway's configuration. By default every rate-limit bucket is too large to run
     * dry: the test clock stands still, so no bucket refills.
     */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {"clinic.gateway.rate-limit.unauthenticated.burst=100000",
            "clinic.gateway.rate-limit.staff.burst=100000", "clinic.gateway.rate-limit.partner.burst=100000"};
}
