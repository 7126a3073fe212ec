package org.clinicops.intake.screening;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.clinicops.events.ClinicEvent;
import org.clinicops.events.EventType;
import org.clinicops.events.ReviewDecision;
import org.clinicops.events.ScreeningCompleted;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.events.ScreeningProgress;
import org.clinicops.events.ScreeningReviewed;
import org.clinicops.events.Topics;
import org.clinicops.intake.Examples;
import org.clinicops.intake.IntakeHttp;
import org.clinicops.intake.IntakeHttp.Reply;
import org.clinicops.intake.JsonEdit;
import org.clinicops.support.messaging.CloudEventReader;
import org.clinicops.support.messaging.IncomingEvent;
import org.clinicops.support.testing.ServiceTest;
import org.clinicops.support.testing.Settled;
import org.clinicops.support.testing.TestTokens;
import org.clinicops.support.testing.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.messaging.support.MessageBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicops.support.testing.TopicReader.header;

/**
 * A clinician's decision reaches {@code clinic.screenings} as a ScreeningReviewed without the note, after the
 * ScreeningCompleted it settles; a re-screening's ScreeningCompleted carries its progress (CLINICAL section 5, D-9).
 */
@ServiceTest(topics = Topics.SCREENINGS, partitions = 3, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        now = Examples.NOW)
class ScreeningReviewStreamTests {

    static final String NOTE = "Patient seen with partner; safety plan in place, declines admission.";
    static final String OVERRIDE_REASON = "BP controlled since: 132/84 at two visits this week.";

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    CloudEventReader cloudEvents;

    IntakeHttp http;
    String patientId;

    @BeforeEach
    void registerDana() {
        http = new IntakeHttp(port);
        patientId = http.post("/api/patients", Examples.PATIENT).text("patientId");
    }

    @Test
    void anApprovalIsPublishedAsScreeningReviewedWithoutTheNote() {
        String screeningId = screen(JsonEdit.of(Examples.SCREENING).set("/history/failedAntidepressantTrials", "1")
                .json());
        Reply approved = review(screeningId, "APPROVE", "CLINICIAN", null);

        List<ConsumerRecord<byte[], byte[]>> records = recordsOfPatient(2);

        ConsumerRecord<byte[], byte[]> record = records.get(1);
        assertThat(header(record, "ce_type")).isEqualTo("org.clinicops.screening.reviewed.v1");
        assertThat(header(record, "ce_subject")).isEqualTo(screeningId);
        ScreeningReviewed event = read(record, EventType.SCREENING_REVIEWED);
        assertThat(event.patientId().toString()).isEqualTo(patientId);
        assertThat(event.screeningId().toString()).isEqualTo(screeningId);
        assertThat(event.indication()).isEqualTo("DEPRESSION");
        assertThat(event.outcome()).isEqualTo(ScreeningOutcome.NEEDS_CLINICIAN_REVIEW);
        assertThat(event.decision()).isEqualTo(ReviewDecision.APPROVED);
        assertThat(event.override()).isFalse();
        assertThat(event.baseline()).isTrue();
        assertThat(event.occurredAt()).isEqualTo(Instant.parse(approved.json().path("review").path("decidedAt")
                .asString()));
        assertThat(everything(record)).doesNotContain(NOTE, "dr-okafor", "Dana", "Reyes");
    }

    @Test
    void aDeclineIsPublishedAsDeclined() {
        String screeningId = screen(JsonEdit.of(Examples.SCREENING).set("/vitals/systolic", "164").json());
        review(screeningId, "DECLINE", "CLINICIAN", null);

        ScreeningReviewed event = read(recordsOfPatient(2).get(1), EventType.SCREENING_REVIEWED);

        assertThat(event.decision()).isEqualTo(ReviewDecision.DECLINED);
        assertThat(event.outcome()).isEqualTo(ScreeningOutcome.INELIGIBLE);
        assertThat(event.override()).isFalse();
    }

    @Test
    void aPrescribersApprovalOfAnIneligibleScreeningIsPublishedAsAnOverrideWithoutItsReason() {
        String screeningId = screen(JsonEdit.of(Examples.SCREENING).set("/vitals/systolic", "164").json());
        review(screeningId, "APPROVE", "PRESCRIBER", OVERRIDE_REASON);

        ConsumerRecord<byte[], byte[]> record = recordsOfPatient(2).get(1);

        ScreeningReviewed event = read(record, EventType.SCREENING_REVIEWED);
        assertThat(event.decision()).isEqualTo(ReviewDecision.APPROVED);
        assertThat(event.override()).isTrue();
        assertThat(everything(record)).doesNotContain(NOTE, OVERRIDE_REASON);
    }

    @Test
    void aCrisisIsPublishedBeforeAnythingLaterAboutThePatient() {
        String crisis = screen(JsonEdit.of(Examples.SCREENING).set("/instruments/phq9/8", "2").json());
        review(crisis, "APPROVE", "CLINICIAN", null);
        String later = screen(Examples.SCREENING);

        List<ConsumerRecord<byte[], byte[]>> records = recordsOfPatient(3);

        assertThat(records).extracting(record -> header(record, "ce_subject")).containsExactly(crisis, crisis, later);
        assertThat(read(records.get(0), EventType.SCREENING_COMPLETED).outcome())
                .isEqualTo(ScreeningOutcome.CRISIS_ESCALATION);
        assertThat(read(records.get(1), EventType.SCREENING_REVIEWED).decision()).isEqualTo(ReviewDecision.APPROVED);
        assertThat(read(records.get(2), EventType.SCREENING_COMPLETED).baseline()).isFalse();
    }

    @Test
    void aReScreeningWithAPositiveItem9EscalatesAndIsPublishedWithItsProgress() {
        String baseline = screen(Examples.SCREENING);
        String rescreening = screen(JsonEdit.of(Examples.SCREENING).set("/instruments/phq9/8", "1").json());

        List<ConsumerRecord<byte[], byte[]>> records = recordsOfPatient(2);

        ScreeningCompleted first = read(records.get(0), EventType.SCREENING_COMPLETED);
        assertThat(first.baseline()).isTrue();
        assertThat(first.progress()).isNull();
        ScreeningCompleted again = read(records.get(1), EventType.SCREENING_COMPLETED);
        assertThat(again.screeningId().toString()).isEqualTo(rescreening);
        assertThat(again.outcome()).isEqualTo(ScreeningOutcome.CRISIS_ESCALATION);
        assertThat(again.reasons()).containsExactly("PHQ9_ITEM9_POSITIVE");
        assertThat(again.baseline()).isFalse();
        // PHQ-9 12 -> 13: no response (13 > 6), no remission
        assertThat(again.progress()).isEqualTo(new ScreeningProgress(UUID.fromString(baseline), 1, 0, false, false));
    }

    private String screen(String body) {
        Reply reply = http.post("/api/patients/" + patientId + "/screenings", body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.text("screeningId");
    }

    private Reply review(String screeningId, String decision, String role, String overrideReason) {
        String body = """
                { "decision": "%s", "note": "%s" }
                """.formatted(decision, NOTE);
        if (overrideReason != null) {
            body = JsonEdit.of(body).set("/overrideReason", "\"" + overrideReason + "\"").json();
        }
        Reply reply = http.post("/api/screenings/" + screeningId + "/review", body, HttpHeaders.AUTHORIZATION,
                TestTokens.staff("dr-okafor", role).bearer());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply;
    }

    /** The records keyed by this test's patient, in the order Kafka keeps them; exactly {@code count} of them. */
    private List<ConsumerRecord<byte[], byte[]>> recordsOfPatient(int count) {
        Predicate<ConsumerRecord<byte[], byte[]>> ofPatient =
                record -> new String(record.key(), StandardCharsets.UTF_8).equals(patientId);
        // keep reading for a while after the last arrives: an extra copy would show up here
        return new TopicReader(broker.getBrokersAsString())
                .readUntil(Topics.SCREENINGS, Settled.exactly(count, ofPatient))
                .stream().filter(ofPatient).toList();
    }

    /** The event, its body checked against the published JSON Schema as every consumer does. */
    private <T extends ClinicEvent> T read(ConsumerRecord<byte[], byte[]> record, EventType<T> type) {
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(record.value());
        for (Header header : record.headers()) {
            message.setHeader(header.key(), header.value());
        }
        IncomingEvent incoming = cloudEvents.read(message.build());
        AtomicReference<T> event = new AtomicReference<>();
        assertThat(incoming.ifType(type, event::set)).as(incoming.type()).isTrue();
        return event.get();
    }

    private static String everything(ConsumerRecord<byte[], byte[]> record) {
        StringBuilder text = new StringBuilder(new String(record.value(), StandardCharsets.UTF_8));
        record.headers().forEach(h -> text.append('\n').append(h.key()).append('=')
                .append(new String(h.value(), StandardCharsets.UTF_8)));
        return text.toString();
    }
}
