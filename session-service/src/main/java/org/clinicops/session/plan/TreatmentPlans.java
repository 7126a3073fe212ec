package org.clinicops.session.plan;

import org.clinicops.events.Protocol;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The stored treatment plans: at most one per screening and one per patient (unique constraints). */
@Repository
public class TreatmentPlans {

    private static final RowMapper<TreatmentPlan> ROW = (rs, n) -> new TreatmentPlan(
            rs.getObject("plan_id", UUID.class), rs.getObject("patient_id", UUID.class),
            rs.getObject("screening_id", UUID.class), Protocol.valueOf(rs.getString("protocol")),
            rs.getBoolean("off_label"), PlanStatus.valueOf(rs.getString("status")),
            rs.getTimestamp("outcome_recorded_at").toInstant(), rs.getTimestamp("created_at").toInstant());

    private final JdbcClient jdbc;

    TreatmentPlans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(TreatmentPlan plan) {
        jdbc.sql("""
                        insert into treatment_plan (plan_id, patient_id, screening_id, protocol, off_label, status,
                                                    outcome_recorded_at, created_at)
                        values (:planId, :patientId, :screeningId, :protocol, :offLabel, :status,
                                :outcomeRecordedAt, :createdAt)
                        """)
                .param("planId", plan.planId())
                .param("patientId", plan.patientId())
                .param("screeningId", plan.screeningId())
                .param("protocol", plan.protocol().name())
                .param("offLabel", plan.offLabel())
                .param("status", plan.status().name())
                .param("outcomeRecordedAt", Timestamp.from(plan.outcomeRecordedAt()))
                .param("createdAt", Timestamp.from(plan.createdAt()))
                .update();
    }

    /** Plans waiting for capacity, the longest waiting first. */
    List<TreatmentPlan> waitingForCapacity() {
        return jdbc.sql("select * from treatment_plan where status = 'WAITING_FOR_CAPACITY' order by created_at")
                .query(ROW).list();
    }

    /** A session of the plan could not be made up by the series' rules: staff decide (CLINICAL D-2). */
    public void markNeedsStaff(UUID planId) {
        jdbc.sql("update treatment_plan set status = 'NEEDS_STAFF' where plan_id = :planId")
                .param("planId", planId).update();
    }

    void markBooked(UUID planId) {
        jdbc.sql("update treatment_plan set status = 'BOOKED' where plan_id = :planId")
                .param("planId", planId).update();
    }

    public Optional<TreatmentPlan> findByPatient(UUID patientId) {
        return jdbc.sql("select * from treatment_plan where patient_id = :patientId")
                .param("patientId", patientId).query(ROW).optional();
    }
}
