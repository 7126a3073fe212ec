package org.clinicops.support.apidocs;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/** springdoc's settings every API document shares, as the weakest property source. */
public class ApiDocsDefaults implements EnvironmentPostProcessor {

    private static final Map<String, Object> DEFAULTS = Map.of(
            "springdoc.api-docs.version", "openapi_3_1",
            // the clinic's routes and the services' internal one; the actuator is ops' and documented in docs/
            "springdoc.paths-to-match", "/api/**,/internal/**",
            // the routes answer JSON (their refusals problem+json), not the */* of a handler that says nothing
            "springdoc.default-produces-media-type", "application/json");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("clinicSupportApiDocsDefaults", DEFAULTS));
    }
}
