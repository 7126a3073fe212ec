package org.clinicops.gateway;

import jakarta.servlet.http.HttpServletRequest;
import org.clinicops.support.time.ClinicClock;
import org.clinicops.support.time.DemoClock;
import org.clinicops.support.web.ConflictException;
import org.clinicops.support.web.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The demo clinic day's clock, for trainers: read it, or move it forward, and every service of the clinic-local JVM
 * reads the new time at once (they share {@link org.clinicops.support.time.ForwardOffset#ofThisJvm()}). Exists only
 * in demo mode, when {@code clinic.clock.start} is set; anywhere else {@code /api/demo/clock} is an unrouted 404.
 * No gateway route matches {@code /api/demo/**}, so this answers it (routes are looked up before controllers).
 */
@RestController
@RequestMapping("/api/demo/clock")
@Conditional(DemoClockController.DemoMode.class)
class DemoClockController {

    private static final Logger log = LoggerFactory.getLogger(DemoClockController.class);

    private final DemoClock clock;
    private final ZoneId zone;
    private final JsonMapper json;

    DemoClockController(@Value("${clinic.clock.start}") String start,
                        @Value("${clinic.clock.started-at:}") String startedAt,
                        GatewayProperties gateway, JsonMapper json) {
        // the same settings as the services' clocks, so it reads what they read
        this.clock = ClinicClock.demo(start, startedAt);
        this.zone = gateway.clinicZone();
        this.json = json;
    }

    record Reading(String now, String zone) {
    }

    @GetMapping
    Reading now() {
        return reading(clock.instant());
    }

    /**
     * Exactly one of {@code advanceBy} (a positive ISO-8601 duration) and {@code advanceTo} (an instant with Z or an
     * offset, not before now). The body is read as text, so anything but JSON is the services' 400, whatever its
     * content type.
     */
    @PostMapping
    Reading move(@RequestBody String body, HttpServletRequest request) {
        JsonNode move = parse(body, request);
        String advanceBy = member(move, "advanceBy");
        String advanceTo = member(move, "advanceTo");
        if (advanceBy == null && advanceTo == null) {
            throw new InvalidRequestException("advanceBy", "is required, or else advanceTo");
        }
        if (advanceBy != null && advanceTo != null) {
            throw new InvalidRequestException("advanceTo", "must not be given together with advanceBy");
        }
        Instant now = advanceBy != null ? advanceBy(advanceBy) : advanceTo(advanceTo);
        log.info("Demo clock moved to {} ({})", now, advanceBy != null ? "by " + advanceBy : "to " + advanceTo);
        return reading(now);
    }

    private Instant advanceBy(String text) {
        Duration by;
        try {
            by = Duration.parse(text);
        } catch (DateTimeException e) {
            throw new InvalidRequestException("advanceBy", "must be an ISO-8601 duration such as PT65M or P1DT2H");
        }
        if (!by.isPositive()) {
            throw new InvalidRequestException("advanceBy", "must be more than zero");
        }
        try {
            return clock.advanceBy(by);
        } catch (DateTimeException | ArithmeticException e) {
            throw new InvalidRequestException("advanceBy", "moves the clock past the last instant it can show");
        }
    }

    private Instant advanceTo(String text) {
        Instant target;
        try {
            target = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidRequestException("advanceTo",
                    "must be an instant with Z or an offset, such as 2026-11-26T17:00:00Z");
        }
        try {
            return clock.advanceTo(target);
        } catch (DemoClock.CannotGoBackException e) {
            throw new ConflictException("CLOCK_CANNOT_GO_BACK",
                    "The demo clock only moves forward: " + text + " is before now.", Map.of("now", format(e.now())));
        }
    }

    private JsonNode parse(String body, HttpServletRequest request) {
        JsonNode move;
        try {
            move = json.readTree(body);
        } catch (JacksonException e) {
            move = null;
        }
        if (move == null || move.isMissingNode()) {
            // ApiProblems answers it as it answers any unreadable body
            throw new HttpMessageNotReadableException("Not JSON", new ServletServerHttpRequest(request));
        }
        return move;
    }

    /** The member's text, a non-string value as its JSON (then refused as malformed); null when absent or null. */
    private static String member(JsonNode move, String name) {
        JsonNode value = move.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isString() ? value.asString() : value.toString();
    }

    private Reading reading(Instant now) {
        return new Reading(format(now), zone.getId());
    }

    // milliseconds are plenty for a person walking a clinic day
    private static String format(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** Demo mode: {@code clinic.clock.start} set and not blank, as {@link ClinicClock#fromSettings} reads it. */
    static final class DemoMode implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("clinic.clock.start"));
        }
    }
}
