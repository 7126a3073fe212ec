package org.clinicops.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.clinicops.support.web.ProblemResponses;
import org.clinicops.support.web.RequestBodyLimitFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Every request but the health probes draws one token from its client's bucket ({@link RateLimitedClient}); with
 * none left it is a 429 problem with {@code Retry-After} (whole seconds until the next token) and goes no further.
 * The buckets live in this gateway instance: with several instances a client gets each one's limit. It runs twice:
 * before sign-in for requests without a token (so an anonymous flood meets its limit before its 401s cost anything),
 * and after Spring Security's chain for signed-in requests, whose validated token names the bucket.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    /** When in the filter chain a limit applies. */
    public enum Phase {
        /** Requests without an {@code Authorization} header, by source address, before Spring Security's chain. */
        WITHOUT_TOKEN(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1),
        /** Signed-in requests, by their token's client, after the chain and before the body limit. */
        SIGNED_IN(RequestBodyLimitFilter.ORDER - 1);

        private final int order;

        Phase(int order) {
            this.order = order;
        }

        public int order() {
            return order;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final RateLimitProperties limits;
    private final TimeMeter time;
    private final JsonMapper json;
    private final Cache<String, Bucket> buckets;
    private final Map<RateLimitedClient.Kind, Counter> refused = new EnumMap<>(RateLimitedClient.Kind.class);

    private final Phase phase;

    public RateLimitFilter(Phase phase, RateLimitProperties limits, Clock clock, JsonMapper json,
                           MeterRegistry meters) {
        this.phase = phase;
        for (RateLimitedClient.Kind kind : RateLimitedClient.Kind.values()) {
            RateLimitProperties.Limit limit = limits.of(kind);
            String name = "clinic.gateway.rate-limit." + kind.name().toLowerCase();
            if (limit.getPerSecond() < 1 || limit.getBurst() < 1) {
                throw new IllegalArgumentException(name + ".per-second and " + name + ".burst must be at least 1");
            }
            refused.put(kind, Counter.builder("clinic.gateway.rate.limited")
                    .description("Requests refused with 429 because their client's bucket was empty")
                    .tag("client", kind.name().toLowerCase()).register(meters));
        }
        this.limits = limits;
        this.time = new ClockTime(clock);
        this.json = json;
        // an idle bucket is full again after burst / per-second by the same clock: dropping it then forgets nothing
        Duration refilled = Arrays.stream(RateLimitedClient.Kind.values()).map(limits::of)
                .map(limit -> Duration.ofMillis(Math.ceilDiv(1000L * limit.getBurst(), limit.getPerSecond())))
                .max(Duration::compareTo).orElseThrow();
        this.buckets = Caffeine.newBuilder()
                .ticker(time::currentTimeNanos)
                .expireAfterAccess(refilled.plusSeconds(1))
                // bounds the memory a scan from many addresses can take
                .maximumSize(100_000)
                .build();
    }

    Phase phase() {
        return phase;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // the servlet path is decoded and normalized, so no ../ can make a route look like a probe
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.equals("/actuator/health") || path.startsWith("/actuator/health/")) {
            return true;
        }
        // a request with a token is limited once signed in; one whose token fails is a 401 of Spring Security's
        return phase == Phase.WITHOUT_TOKEN ? request.getHeader(HttpHeaders.AUTHORIZATION) != null
                : !RateLimitedClient.signedIn();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimitedClient client = RateLimitedClient.of(request);
        ConsumptionProbe probe = buckets.get(client.key(), key -> newBucket(client.kind()))
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, Math.ceilDiv(probe.getNanosToWaitForRefill(), TimeUnit.SECONDS.toNanos(1)));
        // a flood would flood the log too: the counter is for ops, the line for looking into one client
        log.debug("Rate limit of {} clients reached by {}; answered 429", client.kind(), client.key());
        refused.get(client.kind()).increment();
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter));
        ProblemResponses.write(response, json, HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests from this client; try again in " + retryAfter + " s.", request.getRequestURI());
    }

    private Bucket newBucket(RateLimitedClient.Kind kind) {
        RateLimitProperties.Limit limit = limits.of(kind);
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.getBurst())
                        .refillGreedy(limit.getPerSecond(), Duration.ofSeconds(1)).build())
                .withCustomTimePrecision(time)
                .build();
    }

    /** The gateway's one clock as Bucket4j's time source. */
    private record ClockTime(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            return TimeUnit.MILLISECONDS.toNanos(clock.millis());
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
