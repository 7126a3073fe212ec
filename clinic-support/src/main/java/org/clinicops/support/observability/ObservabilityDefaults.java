package org.clinicops.support.observability;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * The metrics, tracing and actuator settings every application shares (the gateway included), added as the environment's last
 * (weakest) property source so that a service's yml or environment overrides them.
 */
public class ObservabilityDefaults implements EnvironmentPostProcessor {

    static final String PROPERTY_SOURCE = "clinicSupportObservabilityDefaults";

    private static final Map<String, Object> DEFAULTS = Map.of(
            // histogram buckets of the request times, so that Prometheus can take the p99 across all instances
            "management.metrics.distribution.percentiles-histogram.http.server.requests", "true",
            // every request is traced: a clinic's volume is small, and the trace looked for is the one of a referral
            // that went wrong; spans leave the process only once ops set an OTLP endpoint
            "management.tracing.sampling.probability", "1.0",
            // the actuator as the access matrix has it: health's details (which dependency is down) for OPS only,
            // and no index of the endpoints (it has no row: a route without one does not ship)
            "management.endpoint.health.show-details", "when-authorized",
            "management.endpoint.health.roles", "OPS",
            "management.endpoints.web.discovery.enabled", "false");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, DEFAULTS));
    }
}
