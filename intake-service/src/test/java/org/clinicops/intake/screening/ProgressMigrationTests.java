package org.clinicops.intake.screening;

import org.clinicops.events.ScreeningProgress;
import org.clinicops.support.testing.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V2 gives re-screenings recorded under V1 the progress {@link MeasurementBasedCare} would have given them (CLINICAL
 * D-9), so its constraints hold on an existing database and old and new re-screenings read alike.
 */
class ProgressMigrationTests {

    final String url = TestPostgres.newDatabase("intake_migration");
    final JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url, "postgres", ""));

    @Test
    void v2ComputesTheProgressOfEarlierReScreeningsFromTheirBaseline() {
        migrate("1");
        UUID dana = patient();
        insert(dana, "DEPRESSION", true, 20, 50);
        insert(dana, "DEPRESSION", false, 10, null);
        insert(dana, "PTSD", false, 12, 40);
        insert(dana, "PTSD", false, 4, 32);
        insert(dana, "DEPRESSION", false, 11, 41);
        UUID sam = patient();
        insert(sam, "DEPRESSION", true, 13, null);
        insert(sam, "PTSD", false, 6, 20);

        migrate("latest");

        Screenings screenings = new Screenings(jdbc, JsonMapper.builder().build());
        for (UUID patient : List.of(dana, sam)) {
            List<Screening> recorded = screenings.ofPatient(patient);
            Screening baseline = recorded.getFirst();
            assertThat(baseline.progress()).isNull();
            for (Screening rescreening : recorded.subList(1, recorded.size())) {
                assertThat(rescreening.progress()).isEqualTo(MeasurementBasedCare.progress(baseline,
                        rescreening.indication(), rescreening.scores()));
            }
        }
        List<ScreeningProgress> danas = screenings.ofPatient(dana).stream().skip(1).map(Screening::progress).toList();
        UUID danasBaseline = screenings.ofPatient(dana).getFirst().screeningId();
        assertThat(danas).containsExactly(
                new ScreeningProgress(danasBaseline, -10, null, true, false),
                new ScreeningProgress(danasBaseline, -8, -10, true, false),
                new ScreeningProgress(danasBaseline, -16, -18, true, true),
                new ScreeningProgress(danasBaseline, -9, -9, false, false));
    }

    private void migrate(String target) {
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration/intake").target(target)
                .load().migrate();
    }

    private UUID patient() {
        UUID patientId = UUID.randomUUID();
        jdbc.sql("""
                        insert into patient (patient_id, first_name, last_name, date_of_birth, consent_email,
                                             consent_sms, referral_source, registered_at)
                        values (:id, 'Dana', 'Reyes', date '1984-03-09', false, false, 'SELF', now())
                        """)
                .param("id", patientId).update();
        return patientId;
    }

    private void insert(UUID patientId, String indication, boolean baseline, int phq9, Integer pcl5) {
        String scores = "{\"phq9\": {\"total\": " + phq9 + ", \"severity\": \"MILD\"}, "
                + (pcl5 == null ? "" : "\"pcl5\": {\"total\": " + pcl5 + ", \"severity\": \"BELOW_CUTOFF\"}, ")
                + "\"cssrs\": {\"total\": null, \"severity\": \"NONE\"}}";
        jdbc.sql("""
                        insert into screening (screening_id, patient_id, indication, screened_on, recorded_at,
                                               baseline, answers, scores, outcome, reasons, findings)
                        values (:id, :patientId, :indication, date '2026-11-20', :recordedAt, :baseline,
                                '{}'::jsonb, cast(:scores as jsonb), 'NEEDS_CLINICIAN_REVIEW', '[]'::jsonb,
                                '[]'::jsonb)
                        """)
                .param("id", UUID.randomUUID())
                .param("patientId", patientId)
                .param("indication", indication)
                .param("recordedAt", Timestamp.from(Instant.parse("2026-11-21T05:00:00Z")))
                .param("baseline", baseline)
                .param("scores", scores)
                .update();
    }
}
