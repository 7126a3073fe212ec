package org.clinicops.session.schedule.web;

import org.clinicops.events.Protocol;
import org.clinicops.session.schedule.ScheduledSession;
import org.clinicops.session.schedule.SessionStatus;

import java.time.Instant;
import java.util.UUID;

/** A session as the API shows it: {@code start} and {@code end} are UTC instants bounding its chair time. */
record SessionResponse(UUID sessionId, UUID planId, UUID patientId, Protocol protocol, int number, Instant start,
                       Instant end, int chairId, SessionStatus status) {

    static SessionResponse of(ScheduledSession session) {
        return new SessionResponse(session.sessionId(), session.planId(), session.patientId(), session.protocol(),
                session.number(), session.start(), session.end(), session.chairId(), session.status());
    }
}
