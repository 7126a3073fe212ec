package org.clinicops.session.plan;

import org.clinicops.events.Protocol;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The stored treatment plans: at most one per screening and one per patient (unique constraints). */
@Repository
public class TreatmentPlans {

    private static final RowMapper<TreatmentPlan> ROW = (rs, n) -> new TreatmentPlan(
            rs.getObject("plan_id", UUID.class), rs.getObject("patient_id", UUID.class),
            rs.getObject("screening_id", UUID.class), rs.getString("indication"),
            rs.getString("protocol") == null ? null : Protocol.valueOf(rs.getString("protocol")),
            rs.getObject("off_label", Boolean.class), PlanStatus.valueOf(rs.getString("status")),
            rs.getTimestamp("outcome_recorded_at").toInstant(), rs.getTimestamp("created_at").toInstant(),
            rs.getString("protocol_chosen_by") == null ? null : new TreatmentPlan.ProtocolChoice(
                    rs.getString("protocol_chosen_by"), instant(rs, "protocol_chosen_at")),
            rs.getDate("esketamine_enrolled_on") == null ? null : new TreatmentPlan.EsketamineEnrollment(
                    rs.getDate("esketamine_enrolled_on").toLocalDate(), rs.getString("esketamine_enrolled_by"),
                    instant(rs, "esketamine_enrollment_recorded_at")),
            course(rs));

    private static TreatmentPlan.Course course(ResultSet rs) throws SQLException {
        Date dueBy = rs.getDate("rescreening_due_by");
        UUID rescreeningId = rs.getObject("rescreening_id", UUID.class);
        String reviewedBy = rs.getString("reviewed_by");
        String boosterSetBy = rs.getString("booster_interval_set_by");
        String closedBy = rs.getString("closed_by");
        return new TreatmentPlan.Course(dueBy == null ? null : dueBy.toLocalDate(),
                rescreeningId == null ? null
                        : new TreatmentPlan.Rescreening(rescreeningId, rs.getBoolean("rescreening_response")),
                reviewedBy == null ? null : new TreatmentPlan.Review(
                        CourseDecision.valueOf(rs.getString("review_decision")), reviewedBy,
                        instant(rs, "reviewed_at")),
                boosterSetBy == null ? null
                        : new TreatmentPlan.BoosterInterval(rs.getInt("booster_interval_weeks"), boosterSetBy),
                closedBy == null ? null : new TreatmentPlan.Closure(PlanClosure.valueOf(rs.getString("close_reason")),
                        closedBy, instant(rs, "closed_at")));
    }

    private final JdbcClient jdbc;

    TreatmentPlans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(TreatmentPlan plan) {
        jdbc.sql("""
                        insert into treatment_plan (plan_id, patient_id, screening_id, indication, protocol, off_label,
                                                    status, outcome_recorded_at, created_at)
                        values (:planId, :patientId, :screeningId, :indication, :protocol, :offLabel, :status,
                                :outcomeRecordedAt, :createdAt)
                        """)
                .param("planId", plan.planId())
                .param("patientId", plan.patientId())
                .param("screeningId", plan.screeningId())
                .param("indication", plan.indication())
                .param("protocol", plan.protocol() == null ? null : plan.protocol().name())
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

    /** The plans in one status, the longest waiting first. */
    public List<TreatmentPlan> withStatus(PlanStatus status) {
        return jdbc.sql("select * from treatment_plan where status = :status order by created_at")
                .param("status", status.name()).query(ROW).list();
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

    /** Stores the protocol a prescriber chose, with who chose it and when, and the plan's new status. */
    public void changeProtocol(TreatmentPlan plan) {
        jdbc.sql("""
                        update treatment_plan set protocol = :protocol, off_label = :offLabel, status = :status,
                               protocol_chosen_by = :chosenBy, protocol_chosen_at = :chosenAt
                        where plan_id = :planId
                        """)
                .param("planId", plan.planId())
                .param("protocol", plan.protocol().name())
                .param("offLabel", plan.offLabel())
                .param("status", plan.status().name())
                .param("chosenBy", plan.protocolChoice().prescriberId())
                .param("chosenAt", Timestamp.from(plan.protocolChoice().chosenAt()))
                .update();
    }

    void recordEnrollment(TreatmentPlan plan) {
        TreatmentPlan.EsketamineEnrollment enrollment = plan.esketamineEnrollment();
        jdbc.sql("""
                        update treatment_plan set esketamine_enrolled_on = :enrolledOn,
                               esketamine_enrolled_by = :enrolledBy, esketamine_enrollment_recorded_at = :recordedAt
                        where plan_id = :planId
                        """)
                .param("planId", plan.planId())
                .param("enrolledOn", Date.valueOf(enrollment.enrolledOn()))
                .param("enrolledBy", enrollment.prescriberId())
                .param("recordedAt", Timestamp.from(enrollment.recordedAt()))
                .update();
    }

    public Optional<TreatmentPlan> findByPatient(UUID patientId) {
        return jdbc.sql("select * from treatment_plan where patient_id = :patientId")
                .param("patientId", patientId).query(ROW).optional();
    }

    public Optional<TreatmentPlan> findById(UUID planId) {
        return jdbc.sql("select * from treatment_plan where plan_id = :planId")
                .param("planId", planId).query(ROW).optional();
    }

    /** Stores where the plan's course stands after its induction series (CLINICAL D-9): its status and course. */
    public void saveCourse(TreatmentPlan plan) {
        TreatmentPlan.Course course = plan.course();
        jdbc.sql("""
                        update treatment_plan set status = :status, rescreening_due_by = :dueBy,
                               rescreening_id = :rescreeningId, rescreening_response = :response,
                               review_decision = :decision, reviewed_by = :reviewedBy, reviewed_at = :reviewedAt,
                               booster_interval_weeks = :boosterWeeks, booster_interval_set_by = :boosterSetBy,
                               close_reason = :closeReason, closed_by = :closedBy, closed_at = :closedAt
                        where plan_id = :planId""")
                .param("planId", plan.planId())
                .param("status", plan.status().name())
                .param("dueBy", course.rescreeningDueBy() == null ? null : Date.valueOf(course.rescreeningDueBy()))
                .param("rescreeningId", course.rescreening() == null ? null : course.rescreening().screeningId())
                .param("response", course.rescreening() == null ? null : course.rescreening().response())
                .param("decision", course.review() == null ? null : course.review().decision().name())
                .param("reviewedBy", course.review() == null ? null : course.review().clinicianId())
                .param("reviewedAt", course.review() == null ? null : Timestamp.from(course.review().reviewedAt()))
                .param("boosterWeeks", course.booster() == null ? null : course.booster().weeks())
                .param("boosterSetBy", course.booster() == null ? null : course.booster().prescriberId())
                .param("closeReason", course.closure() == null ? null : course.closure().reason().name())
                .param("closedBy", course.closure() == null ? null : course.closure().closedBy())
                .param("closedAt", course.closure() == null ? null : Timestamp.from(course.closure().closedAt()))
                .update();
    }

    /** Locks the plan's row to the end of the transaction: changes to one plan run one after the other. */
    public Optional<TreatmentPlan> lock(UUID planId) {
        return jdbc.sql("select * from treatment_plan where plan_id = :planId for update")
                .param("planId", planId).query(ROW).optional();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
