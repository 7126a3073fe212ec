package org.clinicops.notification.notification;

import io.opentelemetry.sdk.trace.data.SpanData;
import org.clinicops.events.SafetyAlertCode;
import org.clinicops.events.SafetyAlertRaised;
import org.clinicops.events.Topics;
import org.clinicops.notification.FinishedSpans;
import org.clinicops.notification.StreamTestSupport;
import org.clinicops.support.testing.CloudEventProducer;
import org.clinicops.support.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One referral is one trace up to the message sent: the trace an event arrives in is stored with the notification it
 * causes, and the dispatcher delivers that notification, later and on another thread, in a span of the same trace.
 */
class DeliveryTraceStreamTests extends StreamTestSupport {

    static final String PRESCRIBER = "prescriber@clinic.local";

    @Autowired
    FinishedSpans spans;

    @Test
    void aSafetyAlertPageIsDeliveredInTheTraceOfTheEventThatRaisedIt() {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        String sessionServiceSpan = "b7ad6b7169203331";
        Instant takenAt = TestClock.at("2026-11-26T17:40:00Z");
        clock.set(takenAt.plusSeconds(5));
        UUID patient = UUID.randomUUID();
        SafetyAlertRaised alert = new SafetyAlertRaised(UUID.randomUUID(), clock.instant(), patient,
                UUID.randomUUID(), UUID.randomUUID(), 1, UUID.randomUUID(), SafetyAlertCode.SYSTOLIC_HIGH, 186, 180,
                takenAt, "dr-okafor");
        Map<String, String> headers = new LinkedHashMap<>(CloudEventProducer.headers(alert, alert.sessionId()));
        headers.put("traceparent", "00-" + traceId + "-" + sessionServiceSpan + "-01");

        events.send(Topics.SESSIONS, patient.toString(), CloudEventProducer.body(alert), headers);

        await().atMost(PATIENCE).until(() -> mailTo(PRESCRIBER).stream()
                .anyMatch(m -> subject(m).contains(patient.toString())));
        assertThat(jdbc.sql("select traceparent from notification where patient_id = :patient")
                .param("patient", patient).query(String.class).single())
                .as("stored with the notification: the consumer's span of the event's trace")
                .startsWith("00-" + traceId + "-").doesNotContain(sessionServiceSpan);
        SpanData delivery = await().atMost(PATIENCE).until(() -> spans.all().stream()
                .filter(s -> s.getTraceId().equals(traceId) && s.getName().equals("notification delivery"))
                .findFirst(), Optional::isPresent).orElseThrow();
        assertThat(delivery.getAttributes().asMap().toString()).contains("SAFETY_ALERT_PAGE").contains("EMAIL")
                .doesNotContain(patient.toString());
        assertThat(spans.all()).as("the consumer's span continued the event's trace")
                .anyMatch(s -> s.getTraceId().equals(traceId) && s.getParentSpanId().equals(sessionServiceSpan));
    }
}
