package org.clinicops.session.monitoring;

import org.clinicops.session.schedule.ScheduledSession;
import org.clinicops.support.web.ConflictException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The stored monitoring forms, one per discharged esketamine session. */
@Repository
public class MonitoringForms {

    private static final RowMapper<MonitoringForm> ROW = (rs, n) -> new MonitoringForm(
            rs.getObject("session_id", UUID.class), rs.getObject("patient_id", UUID.class),
            rs.getObject("plan_id", UUID.class), rs.getInt("number"), rs.getTimestamp("discharged_at").toInstant(),
            rs.getTimestamp("submitted_at") == null ? null : rs.getTimestamp("submitted_at").toInstant(),
            rs.getString("submitted_by"));

    private final JdbcClient jdbc;

    MonitoringForms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A discharged session's form falls due; in the discharge's transaction. */
    public void due(ScheduledSession session, Instant dischargedAt) {
        jdbc.sql("""
                        insert into monitoring_form (session_id, plan_id, patient_id, number, discharged_at)
                        values (:sessionId, :planId, :patientId, :number, :dischargedAt)
                        """)
                .param("sessionId", session.sessionId())
                .param("planId", session.planId())
                .param("patientId", session.patientId())
                .param("number", session.number())
                .param("dischargedAt", Timestamp.from(dischargedAt))
                .update();
    }

    /** The forms due, the longest due first. */
    public List<MonitoringForm> allDue() {
        return jdbc.sql("""
                        select * from monitoring_form where submitted_at is null order by discharged_at, session_id
                        """)
                .query(ROW).list();
    }

    Optional<MonitoringForm> lock(UUID sessionId) {
        return jdbc.sql("select * from monitoring_form where session_id = :sessionId for update")
                .param("sessionId", sessionId).query(ROW).optional();
    }

    public Optional<MonitoringForm> find(UUID sessionId) {
        return jdbc.sql("select * from monitoring_form where session_id = :sessionId")
                .param("sessionId", sessionId).query(ROW).optional();
    }

    void markSubmitted(MonitoringForm form) {
        jdbc.sql("""
                        update monitoring_form set submitted_at = :submittedAt, submitted_by = :submittedBy
                        where session_id = :sessionId
                        """)
                .param("sessionId", form.sessionId())
                .param("submittedAt", Timestamp.from(form.submittedAt()))
                .param("submittedBy", form.submittedBy())
                .update();
    }

    static ConflictException noFormDue(UUID sessionId, String why) {
        return new ConflictException("NO_MONITORING_FORM_DUE", "No monitoring form is due for session " + sessionId
                + ": " + why + ".", Map.of("unmet", List.of("NO_MONITORING_FORM_DUE")));
    }
}
