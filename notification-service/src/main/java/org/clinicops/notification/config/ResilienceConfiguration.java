package org.clinicops.notification.config;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * The Resilience4j registries every outside call (intake-service, SMTP, the SMS provider) takes its retry and circuit
 * breaker from, and the SMS provider its rate limiter, with their metrics bound to Micrometer
 * ({@code resilience4j_circuitbreaker_*}, {@code resilience4j_retry_*}, {@code resilience4j_ratelimiter_*}).
 * Each client narrows which failures count; the numbers here are the shared defaults.
 */
@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

    /** Doubling between the quick attempts of one call. */
    private static final double ATTEMPT_BACKOFF_MULTIPLIER = 2.0;

    @Bean
    RetryRegistry retryRegistry(NotificationProperties properties, MeterRegistry meters) {
        NotificationProperties.Calls calls = properties.calls();
        RetryRegistry registry = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(calls.attempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(calls.attemptBackoff(),
                        ATTEMPT_BACKOFF_MULTIPLIER))
                .build());
        TaggedRetryMetrics.ofRetryRegistry(registry).bindTo(meters);
        return registry;
    }

    @Bean
    CircuitBreakerRegistry circuitBreakerRegistry(NotificationProperties properties, MeterRegistry meters) {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(properties.calls().openCircuitFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        return registry;
    }

    /** Only the SMS provider limits how fast it is called: {@code notification.sms.per-second}. */
    @Bean
    RateLimiterRegistry rateLimiterRegistry(NotificationProperties properties, MeterRegistry meters) {
        NotificationProperties.Sms sms = properties.sms();
        RateLimiterRegistry registry = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(sms.perSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(sms.rateLimitWait())
                .build());
        TaggedRateLimiterMetrics.ofRateLimiterRegistry(registry).bindTo(meters);
        return registry;
    }
}
