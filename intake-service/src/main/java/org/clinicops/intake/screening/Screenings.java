package org.clinicops.intake.screening;

import org.clinicops.events.ReviewDecision;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.events.ScreeningProgress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The recorded screenings, with their progress from the baseline and the clinician's decision. */
@Repository
class Screenings {

    private static final String COLUMNS = """
            screening_id, patient_id, indication, screened_on, recorded_at, baseline, scores, outcome, reasons,
            findings, baseline_screening_id, phq9_change, pcl5_change, response, remission, decision, decided_by,
            decided_by_role, decision_note, override_reason, decided_at""";
    /** An unassessed crisis first (CLINICAL section 5), then oldest first. */
    private static final String QUEUE_ORDER =
            " order by (outcome = 'CRISIS_ESCALATION' and decision is null) desc, recorded_at, position";
    private static final TypeReference<LinkedHashMap<String, InstrumentScore>> SCORES = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> REASONS = new TypeReference<>() {
    };
    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Screenings(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @param answers the checked answers, kept for clinicians and later re-screening comparison */
    void add(Screening screening, ScreeningAnswers answers) {
        ScreeningProgress progress = screening.progress();
        jdbc.sql("""
                        insert into screening (screening_id, patient_id, indication, screened_on, recorded_at, baseline,
                                               scores, outcome, reasons, findings, answers, baseline_screening_id,
                                               phq9_change, pcl5_change, response, remission)
                        values (:screeningId, :patientId, :indication, :screenedOn, :recordedAt, :baseline,
                                cast(:scores as jsonb), :outcome, cast(:reasons as jsonb), cast(:findings as jsonb),
                                cast(:answers as jsonb), :baselineScreeningId, :phq9Change, :pcl5Change, :response,
                                :remission)
                        """)
                .param("screeningId", screening.screeningId())
                .param("patientId", screening.patientId())
                .param("indication", screening.indication().name())
                .param("screenedOn", Date.valueOf(screening.screenedOn()))
                .param("recordedAt", Timestamp.from(screening.recordedAt()))
                .param("baseline", screening.baseline())
                .param("scores", json.writeValueAsString(screening.scores()))
                .param("outcome", screening.outcome().name())
                .param("reasons", json.writeValueAsString(screening.reasons()))
                .param("findings", json.writeValueAsString(screening.findings()))
                .param("answers", json.writeValueAsString(Map.of(
                        "instruments", answers.instruments(),
                        "history", answers.history(),
                        "vitals", answers.vitals())))
                .param("baselineScreeningId", progress == null ? null : progress.baselineScreeningId())
                .param("phq9Change", progress == null ? null : progress.phq9Change())
                .param("pcl5Change", progress == null ? null : progress.pcl5Change())
                .param("response", progress == null ? null : progress.response())
                .param("remission", progress == null ? null : progress.remission())
                .update();
    }

    /** Records the clinician's decision; the caller holds the row's lock ({@link #findForUpdate}). */
    void decide(UUID screeningId, Review review) {
        jdbc.sql("""
                        update screening
                        set decision = :decision, decided_by = :clinicianId, decided_by_role = :role,
                            decision_note = :note, override_reason = :overrideReason, decided_at = :decidedAt
                        where screening_id = :screeningId
                        """)
                .param("decision", review.decision().recorded().name())
                .param("clinicianId", review.clinicianId())
                .param("role", review.clinicianRole() == null ? null : review.clinicianRole().name(), Types.VARCHAR)
                .param("note", review.note())
                .param("overrideReason", review.overrideReason())
                .param("decidedAt", Timestamp.from(review.decidedAt()))
                .param("screeningId", screeningId)
                .update();
    }

    Optional<Screening> find(UUID screeningId) {
        return jdbc.sql("select " + COLUMNS + " from screening where screening_id = :screeningId")
                .param("screeningId", screeningId)
                .query(this::screening)
                .optional();
    }

    /**
     * Reads the screening and locks its row to the end of the transaction, so that of two decisions sent at once
     * the second waits for the first and then finds the screening decided.
     */
    Optional<Screening> findForUpdate(UUID screeningId) {
        return jdbc.sql("select " + COLUMNS + " from screening where screening_id = :screeningId for update")
                .param("screeningId", screeningId)
                .query(this::screening)
                .optional();
    }

    /** The patient's screenings in the order they were recorded, the baseline first. */
    List<Screening> ofPatient(UUID patientId) {
        return jdbc.sql("select " + COLUMNS + " from screening where patient_id = :patientId order by position")
                .param("patientId", patientId)
                .query(this::screening)
                .list();
    }

    Optional<Screening> baselineOf(UUID patientId) {
        return jdbc.sql("select " + COLUMNS + " from screening where patient_id = :patientId and baseline")
                .param("patientId", patientId)
                .query(this::screening)
                .optional();
    }

    /** The screenings whose status is any of {@code statuses}: an unassessed crisis first, then oldest first. */
    List<Screening> withStatus(Collection<ScreeningStatus> statuses) {
        String where = statuses.stream().map(Screenings::condition).collect(Collectors.joining(" or "));
        return jdbc.sql("select " + COLUMNS + " from screening where " + where + QUEUE_ORDER)
                .query(this::screening)
                .list();
    }

    /** {@link Screening#status()} in SQL. */
    private static String condition(ScreeningStatus status) {
        return switch (status) {
            case ELIGIBLE -> "(decision is null and outcome = 'ELIGIBLE')";
            case NEEDS_CLINICIAN_REVIEW -> "(decision is null and outcome = 'NEEDS_CLINICIAN_REVIEW')";
            case CRISIS_ESCALATION -> "(decision is null and outcome = 'CRISIS_ESCALATION')";
            case INELIGIBLE -> "(decision is null and outcome = 'INELIGIBLE')";
            case APPROVED -> "(decision = 'APPROVED')";
            case DECLINED -> "(decision = 'DECLINED')";
        };
    }

    /** jsonb keeps object members in an order of its own; scores are reported in the instruments' order. */
    private static Map<String, InstrumentScore> inReportingOrder(Map<String, InstrumentScore> stored) {
        Map<String, InstrumentScore> ordered = new LinkedHashMap<>();
        Instruments.NAMES.stream().filter(stored::containsKey).forEach(name -> ordered.put(name, stored.get(name)));
        return ordered;
    }

    private Screening screening(ResultSet rs, int row) throws SQLException {
        return new Screening(
                rs.getObject("screening_id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                Indication.valueOf(rs.getString("indication")),
                rs.getDate("screened_on").toLocalDate(),
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getBoolean("baseline"),
                inReportingOrder(json.readValue(rs.getString("scores"), SCORES)),
                ScreeningOutcome.valueOf(rs.getString("outcome")),
                json.readValue(rs.getString("reasons"), REASONS),
                json.readValue(rs.getString("findings"), FINDINGS),
                progress(rs),
                review(rs));
    }

    private static ScreeningProgress progress(ResultSet rs) throws SQLException {
        UUID baselineScreeningId = rs.getObject("baseline_screening_id", UUID.class);
        if (baselineScreeningId == null) {
            return null;
        }
        return new ScreeningProgress(baselineScreeningId, rs.getObject("phq9_change", Integer.class),
                rs.getObject("pcl5_change", Integer.class), rs.getBoolean("response"), rs.getBoolean("remission"));
    }

    private static Review review(ResultSet rs) throws SQLException {
        String decision = rs.getString("decision");
        if (decision == null) {
            return null;
        }
        String role = rs.getString("decided_by_role");
        return new Review(ClinicianDecision.of(ReviewDecision.valueOf(decision)), rs.getString("decided_by"),
                role == null ? null : ClinicianRole.valueOf(role), rs.getString("decision_note"),
                rs.getString("override_reason"), rs.getTimestamp("decided_at").toInstant());
    }
}
