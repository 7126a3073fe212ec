package org.clinicops.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/**
 * The rate limit as a servlet filter rather than Spring Cloud Gateway's rate-limit filter function: that one answers
 * an empty 429 without Retry-After, takes one limit per route, and would leave unrouted paths unlimited.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitWithoutToken(RateLimitProperties limits, Clock clock,
                                                                  JsonMapper json, MeterRegistry meters) {
        return registration(new RateLimitFilter(RateLimitFilter.Phase.WITHOUT_TOKEN, limits, clock, json, meters));
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitSignedIn(RateLimitProperties limits, Clock clock,
                                                              JsonMapper json, MeterRegistry meters) {
        return registration(new RateLimitFilter(RateLimitFilter.Phase.SIGNED_IN, limits, clock, json, meters));
    }

    private static FilterRegistrationBean<RateLimitFilter> registration(RateLimitFilter filter) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        // two of one filter class: each needs a name of its own, in the servlet context and as a once-per-request filter
        registration.setName("rateLimit-" + filter.phase().name().toLowerCase());
        registration.setOrder(filter.phase().order());
        return registration;
    }
}
