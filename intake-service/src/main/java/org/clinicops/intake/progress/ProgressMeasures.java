package org.clinicops.intake.progress;

import org.clinicops.intake.screening.Phq9;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The stored progress measures, each patient's in the order they were taken. */
@Repository
class ProgressMeasures {

    private final JdbcClient jdbc;

    ProgressMeasures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(ProgressMeasure measure) {
        jdbc.sql("""
                        insert into progress_measure (measure_id, patient_id, session_id, phq9_items, phq9_total,
                                                      baseline_screening_id, phq9_change, response, remission,
                                                      crisis, recorded_by, recorded_at)
                        values (:measureId, :patientId, :sessionId, :items, :total, :baselineId, :change, :response,
                                :remission, :crisis, :recordedBy, :recordedAt)""")
                .param("measureId", measure.measureId())
                .param("patientId", measure.patientId())
                .param("sessionId", measure.sessionId())
                .param("items", measure.phq9().items().toArray(Integer[]::new))
                .param("total", measure.phq9().total())
                .param("baselineId", measure.baselineScreeningId())
                .param("change", measure.phq9Change())
                .param("response", measure.response())
                .param("remission", measure.remission())
                .param("crisis", measure.crisis())
                .param("recordedBy", measure.recordedBy())
                .param("recordedAt", Timestamp.from(measure.recordedAt()))
                .update();
    }

    Optional<ProgressMeasure> find(UUID measureId) {
        return jdbc.sql("select * from progress_measure where measure_id = :measureId")
                .param("measureId", measureId).query(ProgressMeasures::measure).optional();
    }

    List<ProgressMeasure> ofPatient(UUID patientId) {
        return jdbc.sql("select * from progress_measure where patient_id = :patientId order by recorded_at, measure_id")
                .param("patientId", patientId).query(ProgressMeasures::measure).list();
    }

    private static ProgressMeasure measure(ResultSet rs, int row) throws SQLException {
        Array items = rs.getArray("phq9_items");
        return new ProgressMeasure(rs.getObject("measure_id", UUID.class), rs.getObject("patient_id", UUID.class),
                rs.getObject("session_id", UUID.class), new Phq9(Arrays.asList((Integer[]) items.getArray())),
                rs.getObject("baseline_screening_id", UUID.class), rs.getObject("phq9_change", Integer.class),
                rs.getObject("response", Boolean.class), rs.getObject("remission", Boolean.class),
                rs.getBoolean("crisis"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
    }
}
