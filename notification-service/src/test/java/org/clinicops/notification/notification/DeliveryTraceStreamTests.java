package org.clinicops.notification.notification;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.clinicops.events.SafetyAlertCode;
import org.clinicops.events.SafetyAlertRaised;
import org.clinicops.events.Topics;
import org.clinicops.notification.FreePorts;
import org.clinicops.support.testing.CloudEventProducer;
import org.clinicops.support.testing.ServiceTest;
import org.clinicops.support.testing.TestClock;
import org.clinicops.support.testing.TopicReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One referral is one trace up to the message sent: the trace an event arrives in is stored with the notification it
 * causes, and the dispatcher delivers that notification, later and on another thread, in a span of the same trace.
 */
@ServiceTest(topics = Topics.SESSIONS, partitions = 1, now = "2026-11-26T17:40:05Z", properties = {
        "management.opentelemetry.tracing.export.schedule-delay=50ms",
        "notification.intake-uri=http://127.0.0.1:9"})
@ActiveProfiles("test")
@Import(DeliveryTraceStreamTests.SpanCollector.class)
class DeliveryTraceStreamTests {

    private static final int SMTP_PORT = FreePorts.next();

    @RegisterExtension
    static final GreenMailExtension mail =
            new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                    .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
                    .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    /** The spans the service finishes, as an OTLP exporter would receive them. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SpanCollector {
        final List<SpanData> finished = new CopyOnWriteArrayList<>();

        @Bean
        SpanExporter collectingExporter() {
            return new SpanExporter() {
                @Override
                public CompletableResultCode export(Collection<SpanData> spans) {
                    finished.addAll(spans);
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode flush() {
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode shutdown() {
                    return CompletableResultCode.ofSuccess();
                }
            };
        }
    }

    @Autowired
    SpanCollector spans;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aSafetyAlertPageIsDeliveredInTheTraceOfTheEventThatRaisedIt() {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        String sessionServiceSpan = "b7ad6b7169203331";
        UUID patient = sendAlertWithTraceparent("00-" + traceId + "-" + sessionServiceSpan + "-01");

        await().atMost(TopicReader.PATIENCE).until(() -> mail.getReceivedMessages().length == 1);
        assertThat(jdbc.sql("select traceparent from notification where patient_id = :patient")
                .param("patient", patient).query(String.class).single())
                .as("stored with the notification: the consumer's span of the event's trace")
                .startsWith("00-" + traceId + "-").doesNotContain(sessionServiceSpan);
        SpanData delivery = await().atMost(TopicReader.PATIENCE).until(
                () -> spans.finished.stream().filter(s -> s.getName().equals("notification delivery")).findFirst(),
                Optional::isPresent).orElseThrow();
        assertThat(delivery.getTraceId()).isEqualTo(traceId);
        assertThat(delivery.getAttributes().asMap().toString()).contains("SAFETY_ALERT_PAGE").contains("EMAIL")
                .doesNotContain(patient.toString());
        assertThat(spans.finished).as("the consumer's span continued the event's trace")
                .anyMatch(s -> s.getTraceId().equals(traceId) && s.getParentSpanId().equals(sessionServiceSpan));
    }

    /** A D-6 safety alert of a new patient, from session-service's span {@code traceparent}; answers the patient. */
    private UUID sendAlertWithTraceparent(String traceparent) {
        UUID patient = UUID.randomUUID();
        SafetyAlertRaised alert = new SafetyAlertRaised(UUID.randomUUID(), TestClock.at("2026-11-26T17:40:05Z"),
                patient, UUID.randomUUID(), UUID.randomUUID(), 1, UUID.randomUUID(), SafetyAlertCode.SYSTOLIC_HIGH,
                186, 180, TestClock.at("2026-11-26T17:40:00Z"), "dr-okafor");
        Map<String, String> headers = new LinkedHashMap<>(CloudEventProducer.headers(alert,
                alert.sessionId()));
        headers.put("traceparent", traceparent);
        try (CloudEventProducer events = new CloudEventProducer(broker.getBrokersAsString())) {
            events.send(Topics.SESSIONS, patient.toString(), CloudEventProducer.body(alert), headers);
        }
        return patient;
    }
}
