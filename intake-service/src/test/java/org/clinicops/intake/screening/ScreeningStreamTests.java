package org.clinicops.intake.screening;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.clinicops.events.EventType;
import org.clinicops.events.ScreeningCompleted;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.events.Topics;
import org.clinicops.intake.Examples;
import org.clinicops.intake.IntakeHttp;
import org.clinicops.intake.IntakeHttp.Reply;
import org.clinicops.intake.JsonEdit;
import org.clinicops.support.testing.Settled;
import org.clinicops.support.messaging.CloudEventReader;
import org.clinicops.support.testing.ServiceTest;
import org.clinicops.support.testing.TestClock;
import org.clinicops.support.testing.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicops.support.testing.TopicReader.header;

/** A recorded screening reaches {@code clinic.screenings} once, as a CloudEvent carrying no PHI. */
@ServiceTest(topics = Topics.SCREENINGS, partitions = 3, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        now = Examples.NOW)
class ScreeningStreamTests {

    static final Instant NOW = TestClock.at(Examples.NOW);

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    CloudEventReader cloudEvents;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aRecordedScreeningPublishesOneScreeningCompletedWithoutPhi() {
        IntakeHttp http = new IntakeHttp(port);
        String patientId = http.post("/api/patients", Examples.PATIENT).text("patientId");
        Reply screening = http.post("/api/patients/" + patientId + "/screenings",
                JsonEdit.of(Examples.SCREENING).set("/history/failedAntidepressantTrials", "1").json());
        String screeningId = screening.text("screeningId");

        // keep reading for a while after the first arrives: a second copy would show up here
        List<ConsumerRecord<byte[], byte[]>> received = new TopicReader(broker.getBrokersAsString())
                .readUntil(Topics.SCREENINGS, Settled.exactly(1));

        ConsumerRecord<byte[], byte[]> record = received.getFirst();
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(patientId);
        assertThat(header(record, "ce_type")).isEqualTo("org.clinicops.screening.completed.v1");
        assertThat(header(record, "ce_subject")).isEqualTo(screeningId);
        assertThat(header(record, "ce_source")).isEqualTo("/intake-service");
        assertThat(Instant.parse(header(record, "ce_time"))).isEqualTo(NOW);

        ScreeningCompleted event = read(record);
        assertThat(event.patientId().toString()).isEqualTo(patientId);
        assertThat(event.screeningId().toString()).isEqualTo(screeningId);
        assertThat(event.indication()).isEqualTo("DEPRESSION");
        assertThat(event.outcome()).isEqualTo(ScreeningOutcome.NEEDS_CLINICIAN_REVIEW);
        assertThat(event.reasons()).containsExactly("TRD_NOT_ESTABLISHED");
        assertThat(event.baseline()).isTrue();
        assertThat(event.occurredAt()).isEqualTo(Instant.parse(screening.text("recordedAt")));

        String everything = TopicReader.value(record) + headers(record);
        assertThat(everything).doesNotContain("Dana", "Reyes", "dana@example.org", "+15035550142",
                Examples.DANA_BORN, "riverside-psychiatry");
        assertThat(jdbc.sql("select count(*) from outbox_event where subject = :s and published_at is not null")
                .param("s", screeningId).query(Long.class).single()).isOne();
    }

    private ScreeningCompleted read(ConsumerRecord<byte[], byte[]> record) {
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(record.value());
        for (Header header : record.headers()) {
            message.setHeader(header.key(), header.value());
        }
        Message<byte[]> built = message.build();
        AtomicReference<ScreeningCompleted> event = new AtomicReference<>();
        // checks the body against the published JSON Schema, as every consumer does
        boolean handled = cloudEvents.read(built).ifType(EventType.SCREENING_COMPLETED,
                (ScreeningCompleted completed) -> event.set(completed));
        assertThat(handled).isTrue();
        return event.get();
    }

    private static String headers(ConsumerRecord<byte[], byte[]> record) {
        StringBuilder text = new StringBuilder();
        record.headers().forEach(h -> text.append(h.key()).append('=')
                .append(new String(h.value(), StandardCharsets.UTF_8)).append('\n'));
        return text.toString();
    }
}
