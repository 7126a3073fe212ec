package org.clinicops.session.day.web;

import org.clinicops.session.config.SessionProperties;
import org.clinicops.session.day.SessionAction;
import org.clinicops.session.day.SessionDayActions;
import org.clinicops.session.day.SessionDays;
import org.clinicops.support.apidocs.DocumentedBody;
import org.clinicops.support.idempotency.IdempotencyKeys;
import org.clinicops.support.security.Caller;
import org.springframework.security.core.Authentication;
import org.clinicops.support.web.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The clinic's sessions and their day: the day board, one session, and the chairside actions. A malformed id or a
 * missing or malformed {@code date} answers 400 naming it; every action answers the session as it now stands.
 */
@RestController
@RequestMapping("/api/sessions")
class SessionDayController {

    private final SessionDays days;
    private final SessionDayActions actions;
    private final ZoneId zone;
    private final Clock clock;

    SessionDayController(SessionDays days, SessionDayActions actions, SessionProperties properties, Clock clock) {
        this.days = days;
        this.actions = actions;
        this.zone = properties.clinic().zone();
        this.clock = clock;
    }

    /** The day board: the sessions of one clinic day (midnight to midnight in the clinic's zone), by start, then chair. */
    @GetMapping
    List<SessionResponse> onDay(@RequestParam("date") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        var now = clock.instant();
        return days.startingBetween(date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant())
                .stream().map(day -> SessionResponse.of(day, now)).toList();
    }

    @GetMapping("/{sessionId}")
    SessionResponse session(@PathVariable("sessionId") UUID sessionId) {
        return SessionResponse.of(actions.get(sessionId), clock.instant());
    }

    /** A move keeps the series' rules (CLINICAL section 6); a literal path, so it wins over the actions' pattern. */
    @PostMapping("/{sessionId}/reschedule")
    SessionResponse reschedule(@PathVariable("sessionId") UUID sessionId,
                               @DocumentedBody("Reschedule")
                               @RequestBody(required = false) byte[] body,
                               @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key) {
        return SessionResponse.of(actions.reschedule(sessionId, body, key), clock.instant());
    }

    @PostMapping("/{sessionId}/{action}")
    ResponseEntity<SessionResponse> act(@PathVariable("sessionId") UUID sessionId,
                                        @PathVariable("action") String action,
                                        @RequestBody(required = false) byte[] body,
                                        @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                        Authentication caller) {
        SessionAction step = Arrays.stream(SessionAction.values()).filter(a -> a.path().equals(action)).findFirst()
                .orElseThrow(() -> new NotFoundException("No action " + action + "; the actions are "
                        + Arrays.stream(SessionAction.values()).map(SessionAction::path).toList()));
        return ResponseEntity.status(step.answers())
                .body(SessionResponse.of(actions.perform(sessionId, step, body, key, Caller.of(caller)),
                        clock.instant()));
    }
}
