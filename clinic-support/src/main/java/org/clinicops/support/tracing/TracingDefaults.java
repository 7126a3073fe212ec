package org.clinicops.support.tracing;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * The tracing settings every service and the gateway share, as the environment's weakest property source. Every
 * request is traced: a clinic's volume is small, and the one trace looked for is the one of a referral that went
 * wrong. Spans leave the process only when ops set an OTLP endpoint
 * ({@code management.opentelemetry.tracing.export.otlp.endpoint}).
 */
public class TracingDefaults implements EnvironmentPostProcessor {

    static final String PROPERTY_SOURCE = "clinicSupportTracingDefaults";

    private static final Map<String, Object> DEFAULTS = Map.of(
            "management.tracing.sampling.probability", "1.0");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, DEFAULTS));
    }
}
