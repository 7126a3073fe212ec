package org.clinicops.intake.progress;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicops.events.Topics;
import org.clinicops.intake.Examples;
import org.clinicops.intake.IntakeHttp;
import org.clinicops.intake.IntakeHttp.Reply;
import org.clinicops.support.testing.SharedServiceTest;
import org.clinicops.support.testing.TestClock;
import org.clinicops.support.testing.TestTokens;
import org.clinicops.support.testing.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicops.support.testing.TopicReader.header;

/**
 * CLINICAL D-9: a PHQ-9 recorded before a session as a progress measure is compared with the baseline screening's,
 * does not re-run eligibility, and still escalates a positive item 9 (S-1) as a crisis. Dana's baseline PHQ-9 (the
 * contract example) totals 12.
 */
@SharedServiceTest(topics = Topics.SCREENINGS, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        now = Examples.NOW)
class ProgressMeasureStreamTests {

    static final String PROGRESS_EVENT = "org.clinicops.screening.progress-measure-recorded.v1";

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void d9_aPhq9BeforeASession_isComparedWithTheBaseline_withoutAnotherScreening() {
        IntakeHttp http = new IntakeHttp(port);
        String patient = screened(http);
        String session = "5e2f0d8a-3c41-4b6e-9a7d-1f0c2b3e4d5a";

        Reply measure = http.post("/api/patients/" + patient + "/progress-measures", """
                {"phq9": [1, 1, 0, 1, 0, 1, 1, 0, 0], "sessionId": "%s", "recordedBy": "someone-else"}"""
                .formatted(session), HttpHeaders.AUTHORIZATION, TestTokens.staff("rn-lee", "NURSE").bearer());

        assertThat(measure.status()).isEqualTo(201);
        assertThat(measure.text("recordedBy")).as("the token's staff id, not the body's").isEqualTo("rn-lee");
        assertThat(measure.json().get("phq9Total").asInt()).isEqualTo(5);
        assertThat(measure.json().get("phq9Change").asInt()).isEqualTo(-7);
        // 2 x 5 <= 12 is a response; 5 is not below 5, so no remission
        assertThat(measure.json().get("response").asBoolean()).isTrue();
        assertThat(measure.json().get("remission").asBoolean()).isFalse();
        assertThat(measure.json().get("crisis").asBoolean()).isFalse();
        assertThat(measure.text("sessionId")).isEqualTo(session);
        assertThat(measure.text("recordedAt")).isEqualTo(TestClock.isoInstant(Examples.NOW));
        assertThat(http.get("/api/patients/" + patient + "/screenings").json().get("screenings")).hasSize(1);
        assertThat(http.get("/api/patients/" + patient + "/progress-measures").json()).hasSize(1);

        ConsumerRecord<byte[], byte[]> event = progressEvents(patient, 1).getFirst();
        assertThat(header(event, "ce_subject")).isEqualTo(measure.text("measureId"));
        assertThat(TopicReader.value(event)).contains("\"crisis\":false", "\"reasons\":[]")
                .doesNotContain("phq9", "Total", "Change");
    }

    @Test
    void s1_aPositiveItem9OnAProgressMeasure_stillEscalatesAsACrisis() {
        IntakeHttp http = new IntakeHttp(port);
        String patient = screened(http);

        Reply measure = http.post("/api/patients/" + patient + "/progress-measures", """
                {"phq9": [1, 1, 0, 1, 0, 1, 1, 0, 1]}""");

        assertThat(measure.status()).isEqualTo(201);
        assertThat(measure.json().get("crisis").asBoolean()).isTrue();
        assertThat(measure.json().get("reasons").get(0).asString()).isEqualTo("PHQ9_ITEM9_POSITIVE");
        assertThat(TopicReader.value(progressEvents(patient, 1).getFirst()))
                .contains("\"crisis\":true", "\"reasons\":[\"PHQ9_ITEM9_POSITIVE\"]");
    }

    @Test
    void withoutABaseline_theMeasureIsKeptWithNoChangeResponseOrRemission_andTheSameKeyRecordsItOnce() {
        IntakeHttp http = new IntakeHttp(port);
        String patient = http.post("/api/patients", Examples.PATIENT).text("patientId");
        String body = """
                {"phq9": [0, 0, 0, 0, 0, 0, 0, 0, 0]}""";

        Reply first = http.post("/api/patients/" + patient + "/progress-measures", body, "Idempotency-Key", "measure-1");
        Reply again = http.post("/api/patients/" + patient + "/progress-measures", body, "Idempotency-Key", "measure-1");

        assertThat(first.json().get("phq9Change").isNull()).isTrue();
        assertThat(first.json().get("response").isNull()).isTrue();
        assertThat(first.json().get("baselineScreeningId").isNull()).isTrue();
        assertThat(again.text("measureId")).isEqualTo(first.text("measureId"));
        assertThat(http.get("/api/patients/" + patient + "/progress-measures").json()).hasSize(1);
    }

    @Test
    void badInputIsA422NamingEveryField_anUnknownPatientA404_andNothingIsRecorded() {
        IntakeHttp http = new IntakeHttp(port);
        String patient = http.post("/api/patients", Examples.PATIENT).text("patientId");

        Reply bad = http.post("/api/patients/" + patient + "/progress-measures", """
                {"phq9": [4, 0, 0, 0, 0, 0, 0, 0, 0], "sessionId": "tomorrow"}""");
        Reply short_ = http.post("/api/patients/" + patient + "/progress-measures", """
                {"phq9": [0, 0, 0]}""");

        assertThat(bad.status()).isEqualTo(422);
        assertThat(fields(bad))
                .containsExactly("phq9[0]", "sessionId");
        assertThat(fields(short_)).containsExactly("phq9");
        assertThat(http.post("/api/patients/7a1b0000-0000-4000-8000-000000000000/progress-measures", "{}").status())
                .isEqualTo(404);
        assertThat(http.get("/api/patients/" + patient + "/progress-measures").json()).isEmpty();
    }

    private static List<String> fields(Reply problem) {
        List<String> fields = new ArrayList<>();
        problem.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    /** Dana, registered and screened once: her baseline. */
    private static String screened(IntakeHttp http) {
        String patient = http.post("/api/patients", Examples.PATIENT).text("patientId");
        assertThat(http.post("/api/patients/" + patient + "/screenings", Examples.SCREENING).status()).isEqualTo(201);
        return patient;
    }

    private List<ConsumerRecord<byte[], byte[]>> progressEvents(String patient, int expected) {
        return new TopicReader(broker.getBrokersAsString()).readUntil(Topics.SCREENINGS,
                        records -> ofPatient(records, patient).size() >= expected).stream()
                .filter(r -> patient.equals(new String(r.key())) && PROGRESS_EVENT.equals(header(r, "ce_type")))
                .toList();
    }

    private static List<ConsumerRecord<byte[], byte[]>> ofPatient(List<ConsumerRecord<byte[], byte[]>> records,
                                                                  String patient) {
        return records.stream()
                .filter(r -> patient.equals(new String(r.key())) && PROGRESS_EVENT.equals(header(r, "ce_type")))
                .toList();
    }
}
