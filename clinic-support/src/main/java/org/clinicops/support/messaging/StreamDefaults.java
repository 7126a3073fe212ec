package org.clinicops.support.messaging;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * The Spring Cloud Stream settings every service shares, added as the environment's last (weakest) property source:
 * a service's yml or environment overrides any of them, for all bindings or for one. A service's yml then names
 * only what is its own: the functions, their destinations, a binding that needs other retries.
 */
public class StreamDefaults implements EnvironmentPostProcessor {

    static final String PROPERTY_SOURCE = "clinicSupportStreamDefaults";

    private static final Map<String, Object> DEFAULTS = Map.of(
            // CloudEvents binary mode: see ClinicSupportAutoConfiguration#cloudEventsHeaderMapper
            "spring.cloud.stream.kafka.binder.header-mapper-bean-name", "cloudEventsHeaderMapper",
            // a send fails unless Kafka acknowledged it, so a dead letter counts as replayed only once it is back
            "spring.cloud.stream.kafka.default.producer.sync", "true",
            // the instances of a service share its partitions
            "spring.cloud.stream.default.group", "${spring.application.name}",
            // every topic (and dead-letter topic) a service creates gets enough partitions for the instances ops may
            // run, not the binder's 1; an existing topic keeps its count, since adding partitions moves patients
            "spring.cloud.stream.kafka.binder.min-partition-count", "${clinic.messaging.partitions:6}",
            "spring.cloud.stream.default.consumer.max-attempts", "3",
            "spring.cloud.stream.default.consumer.back-off-initial-interval", "500",
            // a malformed message never gets better: straight to the dead-letter topic
            "spring.cloud.stream.default.consumer.retryable-exceptions." + MalformedEventException.class.getName(),
            "false",
            // dead letters go to error.<destination>.<group>, where DeadLetters finds them
            "spring.cloud.stream.kafka.default.consumer.enable-dlq", "true",
            // a consumer continues the trace of the record's traceparent header (see TraceContext)
            "spring.cloud.stream.kafka.binder.enable-observation", "true");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, DEFAULTS));
    }
}
