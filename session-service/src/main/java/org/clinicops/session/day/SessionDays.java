package org.clinicops.session.day;

import org.clinicops.session.config.SessionProperties;
import org.clinicops.session.schedule.ScheduledSession;
import org.clinicops.session.schedule.Sessions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Sessions with what was recorded on their day: read for a view, or locked for a change. */
@Repository
public class SessionDays {

    private final Sessions sessions;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final SessionDayRules rules;
    private final ZoneId zone;

    SessionDays(Sessions sessions, JdbcClient jdbc, JsonMapper json, SessionProperties properties) {
        this.sessions = sessions;
        this.jdbc = jdbc;
        this.json = json;
        this.rules = properties.day().rules();
        this.zone = properties.clinic().zone();
    }

    public Optional<SessionDay> find(UUID sessionId) {
        return sessions.findById(sessionId).map(this::withRecord);
    }

    /**
     * Locks the session's row to the end of the transaction (SD-1): of two actions on one session, the second waits
     * and then sees the first one's result.
     */
    public Optional<SessionDay> lock(UUID sessionId) {
        return jdbc.sql("select session_id from session where session_id = :id for update")
                .param("id", sessionId).query(UUID.class).optional()
                .flatMap(this::find);
    }

    /** The sessions starting in [from, to), by start then chair, each with its day. */
    public List<SessionDay> startingBetween(Instant from, Instant to) {
        List<ScheduledSession> found = sessions.startingBetween(from, to);
        Map<UUID, Stored> documents = documents(found.stream().map(ScheduledSession::sessionId).toList());
        return found.stream().map(s -> day(s, documents.get(s.sessionId()))).toList();
    }

    public void save(SessionDay day) {
        jdbc.sql("update session set status = :status, day = cast(:day as jsonb) where session_id = :id")
                .param("status", day.status().name())
                .param("day", json.writeValueAsString(day.record()))
                .param("id", day.session().sessionId())
                .update();
    }

    private SessionDay withRecord(ScheduledSession session) {
        return day(session, documents(List.of(session.sessionId())).get(session.sessionId()));
    }

    private SessionDay day(ScheduledSession session, Stored stored) {
        SessionDayRecord record = stored.day() == null ? SessionDayRecord.empty()
                : json.readValue(stored.day(), SessionDayRecord.class);
        return new SessionDay(session, record, rules, stored.esketamineEnrolled(), zone);
    }

    /** What is kept beside a session's row: its day's document (null until something is recorded), its plan's facts. */
    private record Stored(String day, boolean esketamineEnrolled) {
    }

    private Map<UUID, Stored> documents(List<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                        select s.session_id, s.day::text as day, p.esketamine_enrolled_on is not null as enrolled
                        from session s join treatment_plan p on p.plan_id = s.plan_id
                        where s.session_id in (:ids)
                        """)
                .param("ids", sessionIds)
                .query((rs, n) -> Map.entry(rs.getObject("session_id", UUID.class),
                        new Stored(rs.getString("day"), rs.getBoolean("enrolled"))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
