package org.clinicops.intake.access;

import io.micrometer.core.instrument.MeterRegistry;
import org.clinicops.events.Topics;
import org.clinicops.intake.Examples;
import org.clinicops.intake.IntakeHttp;
import org.clinicops.intake.IntakeHttp.Reply;
import org.clinicops.intake.JsonEdit;
import org.clinicops.support.testing.AuditRecords;
import org.clinicops.support.testing.SharedServiceTest;
import org.clinicops.support.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What intake-service's requests leave in the audit trail (docs/access.md): every patient a list shows, a write's
 * record committed with its change or not at all (a failed write's record in a transaction of its own), no answer
 * without its record, nothing for a request without a token. The records are read from the service's outbox, committed, on their way to {@code clinic.audit}.
 */
@SharedServiceTest(topics = Topics.SCREENINGS, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        now = Examples.NOW)
class AuditTrailRecordTests {

    static final String NEEDS_REVIEW = JsonEdit.of(Examples.SCREENING)
            .set("/history/failedAntidepressantTrials", "1").json();

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry meters;

    IntakeHttp http;
    AuditRecords trail;
    JdbcClient jdbc;

    @BeforeEach
    void client() {
        http = new IntakeHttp(port);
        trail = AuditRecords.in(dataSource);
        jdbc = JdbcClient.create(dataSource);
    }

    @Test
    void theReviewQueueIsRecordedAsAReadOfEveryPatientInIt() {
        String dana = register(Examples.PATIENT);
        String sam = register(Examples.PATIENT);
        screen(dana, NEEDS_REVIEW);
        screen(sam, NEEDS_REVIEW);

        Reply queue = http.get("/api/screenings?status=NEEDS_CLINICIAN_REVIEW", "X-Correlation-Id", "queue-1");

        assertThat(queue.status()).as(queue.toString()).isEqualTo(200);
        JsonNode record = onlyRecord("queue-1");
        assertThat(record.get("action").asString()).isEqualTo("READ");
        assertThat(record.get("route").asString()).isEqualTo("/api/screenings");
        assertThat(patientIds(record)).contains(dana, sam);
    }

    @Test
    void aRegistrationIsRecordedAsTheCreationOfThatPatient_inTheTransactionThatStoresIt() {
        Reply registered = http.post("/api/patients", Examples.PATIENT, "X-Correlation-Id", "register-1");

        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        JsonNode record = onlyRecord("register-1");
        assertThat(record.get("action").asString()).isEqualTo("CREATE");
        assertThat(record.get("outcome").asInt()).isEqualTo(201);
        assertThat(record.get("service").asString()).isEqualTo("intake-service");
        assertThat(patientIds(record)).containsExactly(registered.text("patientId"));
    }

    @Test
    void aWriteAnswered4xxChangesNothing_andItsRecordShowsThe4xx() {
        long patientsBefore = patients();

        Reply refused = http.post("/api/patients", Examples.PATIENT, "X-Correlation-Id", "register-nurse",
                HttpHeaders.AUTHORIZATION, TestTokens.staff("nurse-ellis", "NURSE").bearer());
        Reply invalid = http.post("/api/patients", JsonEdit.of(Examples.PATIENT).remove("/firstName").json(),
                "X-Correlation-Id", "register-invalid");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(invalid.status()).as(invalid.toString()).isEqualTo(422);
        assertThat(patients()).isEqualTo(patientsBefore);
        assertThat(onlyRecord("register-nurse").get("outcome").asInt()).isEqualTo(403);
        assertThat(onlyRecord("register-nurse").get("actor").asString()).isEqualTo("nurse-ellis");
        assertThat(onlyRecord("register-invalid").get("outcome").asInt()).isEqualTo(422);
        assertThat(onlyRecord("register-invalid").get("action").asString()).isEqualTo("UPDATE");
    }

    @Test
    void aWriteThatFailsAfterItsChangeLeavesNoChange_andItsRecordShowsTheFailure() {
        String dana = register(Examples.PATIENT);
        long screeningsBefore = screenings();
        Reply failed;
        // the screening is stored, then its event cannot be: the request fails after its change
        refuseOutboxInserts(Topics.SCREENINGS);
        try {
            failed = http.post("/api/patients/" + dana + "/screenings", Examples.SCREENING,
                    "X-Correlation-Id", "screening-failed");
        } finally {
            acceptOutboxInserts();
        }

        assertThat(failed.status()).as(failed.toString()).isEqualTo(500);
        assertThat(screenings()).isEqualTo(screeningsBefore);
        JsonNode record = onlyRecord("screening-failed");
        assertThat(record.get("outcome").asInt()).isEqualTo(500);
        assertThat(record.get("action").asString()).isEqualTo("UPDATE");
        assertThat(patientIds(record)).containsExactly(dana);
    }

    @Test
    void whenTheRecordCannotBeStored_aReadAnswers503WithoutHealthData_andAWriteLeavesNoChange() {
        String dana = register(Examples.PATIENT);
        long patientsBefore = patients();
        Reply read;
        Reply write;
        refuseOutboxInserts(Topics.AUDIT);
        try {
            read = http.get("/api/patients/" + dana, "X-Correlation-Id", "read-unrecorded");
            write = http.post("/api/patients", Examples.PATIENT, "X-Correlation-Id", "write-unrecorded");
        } finally {
            acceptOutboxInserts();
        }

        for (Reply reply : List.of(read, write)) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(503);
            assertThat(reply.contentType().toString()).isEqualTo("application/problem+json");
            assertThat(reply.body()).doesNotContain(dana, "Dana", "Reyes", "dana@example.org", "patientId");
            assertThat(reply.headers().getLocation()).isNull();
        }
        assertThat(patients()).isEqualTo(patientsBefore);
        assertThat(trail.byCorrelationId("read-unrecorded")).isEmpty();
        assertThat(trail.byCorrelationId("write-unrecorded")).isEmpty();
    }

    @Test
    void aRequestWithoutAValidTokenWritesNothing_itIsCountedInstead() {
        String dana = register(Examples.PATIENT);
        double before = unauthenticated();

        Reply anonymous = http.get("/api/patients/" + dana, HttpHeaders.AUTHORIZATION, "",
                "X-Correlation-Id", "anonymous-1");
        Reply expired = http.get("/api/patients/" + dana, HttpHeaders.AUTHORIZATION,
                TestTokens.careTeam().expired(Duration.ofMinutes(1)).bearer(), "X-Correlation-Id", "expired-1");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(trail.byCorrelationId("anonymous-1")).isEmpty();
        assertThat(trail.byCorrelationId("expired-1")).isEmpty();
        assertThat(unauthenticated()).isEqualTo(before + 2);
    }

    @Test
    void aPartnersRequestForAnotherClinicsPatientIsRecordedAs404WithThatPatient() {
        String dana = register(Examples.PATIENT);

        Reply hidden = http.get("/api/partner/patients/" + dana, HttpHeaders.AUTHORIZATION,
                TestTokens.partner("lakeside-health").bearer(), "X-Correlation-Id", "partner-other-1");

        assertThat(hidden.status()).as(hidden.toString()).isEqualTo(404);
        JsonNode record = onlyRecord("partner-other-1");
        assertThat(record.get("outcome").asInt()).isEqualTo(404);
        assertThat(record.get("actor").asString()).isEqualTo("lakeside-health-client");
        assertThat(record.get("roles").valueStream().map(JsonNode::asString).toList()).containsExactly("PARTNER");
        assertThat(patientIds(record)).containsExactly(dana);
    }

    /** A real database condition, not a stand-in: every insert into the outbox for {@code topic} raises. */
    private void refuseOutboxInserts(String topic) {
        jdbc.sql("""
                create function refuse_outbox_insert() returns trigger language plpgsql as $$
                begin
                    raise exception 'outbox inserts refused by the test';
                end $$""").update();
        jdbc.sql("""
                create trigger refuse_outbox_insert before insert on outbox_event for each row
                when (new.topic = '%s') execute function refuse_outbox_insert()""".formatted(topic)).update();
    }

    private void acceptOutboxInserts() {
        jdbc.sql("drop trigger refuse_outbox_insert on outbox_event").update();
        jdbc.sql("drop function refuse_outbox_insert()").update();
    }

    private double unauthenticated() {
        return meters.counter("clinic.requests.unauthenticated").count();
    }

    private JsonNode onlyRecord(String correlationId) {
        List<JsonNode> records = trail.byCorrelationId(correlationId);
        assertThat(records).as("records of " + correlationId).hasSize(1);
        return records.getFirst();
    }

    private static List<String> patientIds(JsonNode record) {
        return record.get("patientIds").valueStream().map(JsonNode::asString).toList();
    }

    private long screenings() {
        return jdbc.sql("select count(*) from screening").query(Long.class).single();
    }

    private long patients() {
        return jdbc.sql("select count(*) from patient").query(Long.class).single();
    }

    private String register(String patient) {
        Reply reply = http.post("/api/patients", patient);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.text("patientId");
    }

    private void screen(String patientId, String body) {
        Reply reply = http.post("/api/patients/" + patientId + "/screenings", body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }
}
