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

    /** Arbitrary constant naming the booking lock: one clinic per deployment, so one lock. */
    private static final long CLINIC_BOOKING_LOCK = 0x5e55_1011_b00cL;

    private final JdbcClient jdbc;

    Sessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the clinic's booking lock to the end of the transaction: every change of who sits in which chair when
     * (a series booked, a session moved or made up), in every instance, waits for the one before it.
     */
    public void lockForBooking() {
        jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", CLINIC_BOOKING_LOCK).query().singleRow();
    }

    public void insert(ScheduledSession session) {
        insert(session, null);
    }

    /** Stores a session that makes up for a deferred, cancelled or missed one ({@code makesUpFor}; null if none). */
    public void insert(ScheduledSession session, UUID makesUpFor) {
        jdbc.sql("insert into session (" + COLUMNS + """
                        , makes_up_for) values (:sessionId, :planId, :patientId, :protocol, :number, :chairId, :start,
                                  :end, :occupiedUntil, :status, :makesUpFor)
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
                .param("makesUpFor", makesUpFor)
                .update();
    }

    /** Moves a session to another chair time; the exclusion constraint still refuses a double booking. */
    public void move(UUID sessionId, int chairId, Instant start, Instant end, Instant occupiedUntil) {
        jdbc.sql("""
                        update session set chair_id = :chairId, start_at = :start, end_at = :end,
                                           occupied_until = :occupiedUntil
                        where session_id = :sessionId
                        """)
                .param("sessionId", sessionId)
                .param("chairId", chairId)
                .param("start", Timestamp.from(start))
                .param("end", Timestamp.from(end))
                .param("occupiedUntil", Timestamp.from(occupiedUntil))
                .update();
    }

    /**
     * Locks the rows of all the plan's sessions to the end of the transaction, as each session action locks its own:
     * no action on any of them runs meanwhile. Taken before the booking lock, in the order every action takes them.
     */
    public void lockOfPlan(UUID planId) {
        jdbc.sql("select session_id from session where plan_id = :planId order by session_id for update")
                .param("planId", planId).query(UUID.class).list();
    }

    /** Whether a session of the plan was ever checked in (whatever became of it), so treatment may have begun. */
    public boolean anyCheckedIn(UUID planId) {
        return jdbc.sql("""
                        select exists (select 1 from session where plan_id = :planId
                                       and jsonb_typeof(day -> 'checkIn') = 'object')
                        """)
                .param("planId", planId).query(Boolean.class).single();
    }

    public Optional<ScheduledSession> findById(UUID sessionId) {
        return jdbc.sql("select " + COLUMNS + " from session where session_id = :id")
                .param("id", sessionId).query(ROW).optional();
    }

    /** The plan's sessions by number, a made-up session after the one it makes up for. */
    public List<ScheduledSession> ofPlan(UUID planId) {
        return jdbc.sql("select " + COLUMNS + " from session where plan_id = :planId order by number, start_at")
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
