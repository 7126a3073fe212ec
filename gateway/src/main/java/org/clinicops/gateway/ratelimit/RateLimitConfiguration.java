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
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitProperties limits, Clock clock, JsonMapper json,
                                                            MeterRegistry meters) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
                new RateLimitFilter(limits, clock, json, meters));
        registration.setOrder(RateLimitFilter.ORDER);
        return registration;
    }
}
