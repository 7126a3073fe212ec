package org.clinicops.notification.booking;

import org.clinicops.events.Protocol;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** The {@code patient_session} table, read and written in the transaction of the event being handled. */
@Repository
public class PatientSessions {

    private final JdbcClient jdbc;

    PatientSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The session, its row locked until the transaction ends. */
    public Optional<PatientSession> lock(UUID sessionId) {
        return jdbc.sql("select * from patient_session where session_id = :id for update")
                .param("id", sessionId)
                .query(PatientSessions::map)
                .optional();
    }

    /** Whether the patient was sent a confirmation of this plan: a session of it it was not told of is a make-up. */
    public boolean planConfirmed(UUID planId) {
        return jdbc.sql("select exists (select 1 from patient_session where plan_id = :plan and confirmed)")
                .param("plan", planId)
                .query(Boolean.class)
                .single();
    }

    public void save(PatientSession s) {
        jdbc.sql("""
                        insert into patient_session (session_id, patient_id, plan_id, number, protocol, start_at,
                                                     end_at, times_at, status, confirmed)
                        values (:id, :patient, :plan, :number, :protocol, :start, :end, :timesAt, :status, :confirmed)
                        on conflict (session_id) do update set
                            protocol = excluded.protocol, start_at = excluded.start_at, end_at = excluded.end_at,
                            times_at = excluded.times_at, status = excluded.status, confirmed = excluded.confirmed
                        """)
                .param("id", s.sessionId())
                .param("patient", s.patientId())
                .param("plan", s.planId())
                .param("number", s.number())
                .param("protocol", s.protocol() == null ? null : s.protocol().name(), Types.VARCHAR)
                .param("start", timestamp(s.start()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("end", timestamp(s.end()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("timesAt", timestamp(s.timesAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("status", s.status().name())
                .param("confirmed", s.confirmed())
                .update();
    }

    private static PatientSession map(ResultSet rs, int row) throws SQLException {
        String protocol = rs.getString("protocol");
        return new PatientSession(rs.getObject("session_id", UUID.class), rs.getObject("patient_id", UUID.class),
                rs.getObject("plan_id", UUID.class), rs.getInt("number"),
                protocol == null ? null : Protocol.valueOf(protocol), instant(rs, "start_at"), instant(rs, "end_at"),
                instant(rs, "times_at"), PatientSession.Status.valueOf(rs.getString("status")),
                rs.getBoolean("confirmed"));
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
