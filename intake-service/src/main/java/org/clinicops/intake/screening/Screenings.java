package org.clinicops.intake.screening;

import org.clinicops.events.ScreeningOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The recorded screenings. */
@Repository
class Screenings {

    private static final String COLUMNS = """
            screening_id, patient_id, indication, screened_on, recorded_at, baseline, scores, outcome, reasons,
            findings""";
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
        jdbc.sql("insert into screening (" + COLUMNS + """
                        , answers) values (:screeningId, :patientId, :indication, :screenedOn, :recordedAt, :baseline,
                                 cast(:scores as jsonb), :outcome, cast(:reasons as jsonb), cast(:findings as jsonb),
                                 cast(:answers as jsonb))
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
                .update();
    }

    Optional<Screening> find(UUID screeningId) {
        return jdbc.sql("select " + COLUMNS + " from screening where screening_id = :screeningId")
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

    boolean anyOfPatient(UUID patientId) {
        return jdbc.sql("select exists (select 1 from screening where patient_id = :patientId)")
                .param("patientId", patientId)
                .query(Boolean.class)
                .single();
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
                json.readValue(rs.getString("findings"), FINDINGS));
    }
}
