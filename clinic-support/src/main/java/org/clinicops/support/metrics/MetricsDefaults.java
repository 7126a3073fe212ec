package org.clinicops.support.metrics;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * The metrics settings every application shares (the gateway included), added as the environment's last (weakest)
 * property source so that a service's yml or environment overrides them.
 */
public class MetricsDefaults implements EnvironmentPostProcessor {

    static final String PROPERTY_SOURCE = "clinicSupportMetricsDefaults";

    private static final Map<String, Object> DEFAULTS = Map.of(
            // histogram buckets of the request times, so that Prometheus can take the p99 across all instances
            "management.metrics.distribution.percentiles-histogram.http.server.requests", "true");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, DEFAULTS));
    }
}
