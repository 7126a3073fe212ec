package org.clinicops.session.schedule.web;

import org.clinicops.session.config.SessionProperties;
import org.clinicops.session.schedule.Sessions;
import org.clinicops.support.web.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** The clinic's sessions. A missing or malformed {@code date} or a malformed id answers 400 naming it (ApiProblems). */
@RestController
@RequestMapping("/api/sessions")
class SessionController {

    private final Sessions sessions;
    private final ZoneId zone;

    SessionController(Sessions sessions, SessionProperties properties) {
        this.sessions = sessions;
        this.zone = properties.clinic().zone();
    }

    /** The sessions of one clinic day (midnight to midnight in the clinic's zone), by start, then chair. */
    @GetMapping
    List<SessionResponse> onDay(@RequestParam("date") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return sessions.startingBetween(date.atStartOfDay(zone).toInstant(),
                        date.plusDays(1).atStartOfDay(zone).toInstant())
                .stream().map(SessionResponse::of).toList();
    }

    @GetMapping("/{sessionId}")
    SessionResponse session(@PathVariable("sessionId") UUID sessionId) {
        return sessions.findById(sessionId).map(SessionResponse::of)
                .orElseThrow(() -> new NotFoundException("No session " + sessionId));
    }
}
