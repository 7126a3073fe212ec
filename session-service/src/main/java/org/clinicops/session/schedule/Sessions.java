package org.clinicops.session.schedule;

import org.clinicops.events.Protocol;
import org.clinicops.session.booking.ChairBooking;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The stored sessions. The table's exclusion constraint refuses two non-cancelled sessions whose
 * [start, occupied_until) overlap on one chair, whatever the code above it does.
 */
@Repository
public class Sessions {

    private static final String COLUMNS = """
            session_id, plan_id, patient_id, protocol, number, chair_id, start_at, end_at, occupied_until, status""";
    private static final RowMapper<ScheduledSession> ROW = (rs, n) -> new ScheduledSession(
            rs.getObject("session_id", UUID.class), rs.getObject("plan_id", UUID.class),
            rs.getObject("patient_id", UUID.class), Protocol.valueOf(rs.getString("protocol")), rs.getInt("number"),
            rs.getInt("chair_id"), rs.getTimestamp("start_at").toInstant(), rs.getTimestamp("end_at").toInstant(),
            rs.getTimestamp("occupied_until").toInstant(), SessionStatus.valueOf(rs.getString("status")));

    private final JdbcClient jdbc;

    Sessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ScheduledSession session) {
        jdbc.sql("insert into session (" + COLUMNS + """
                        ) values (:sessionId, :planId, :patientId, :protocol, :number, :chairId, :start, :end,
                                  :occupiedUntil, :status)
                        """)
                .param("sessionId", session.sessionId())
                .param("planId", session.planId())
                .param("patientId", session.patientId())
                .param("protocol", session.protocol().name())
                .param("number", session.number())
                .param("chairId", session.chairId())
                .param("start", Timestamp.from(session.start()))
                .param("end", Timestamp.from(session.end()))
                .param("occupiedUntil", Timestamp.from(session.occupiedUntil()))
                .param("status", session.status().name())
                .update();
    }

    public Optional<ScheduledSession> findById(UUID sessionId) {
        return jdbc.sql("select " + COLUMNS + " from session where session_id = :id")
                .param("id", sessionId).query(ROW).optional();
    }

    public List<ScheduledSession> ofPlan(UUID planId) {
        return jdbc.sql("select " + COLUMNS + " from session where plan_id = :planId order by number")
                .param("planId", planId).query(ROW).list();
    }

    /** Sessions starting in [from, to), ordered by start, then chair. */
    public List<ScheduledSession> startingBetween(Instant from, Instant to) {
        return jdbc.sql("select " + COLUMNS + """
                         from session where start_at >= :from and start_at < :to order by start_at, chair_id
                        """)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(ROW).list();
    }

    /** The chair time taken by non-cancelled sessions overlapping [from, to). */
    public List<ChairBooking> chairTimeTakenBetween(Instant from, Instant to) {
        return jdbc.sql("""
                        select chair_id, start_at, occupied_until from session
                        where status <> 'CANCELLED' and start_at < :to and occupied_until > :from
                        """)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new ChairBooking(rs.getInt("chair_id"), rs.getTimestamp("start_at").toInstant(),
                        rs.getTimestamp("occupied_until").toInstant()))
                .list();
    }
}
