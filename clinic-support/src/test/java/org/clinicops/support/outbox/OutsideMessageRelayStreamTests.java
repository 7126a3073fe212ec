package org.clinicops.support.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.clinicops.support.testing.ServiceTest;
import org.clinicops.support.testing.TestClock;
import org.clinicops.support.testing.TopicReader;
import org.clinicops.support.web.CorrelationId;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.SequencedMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A message for readers outside clinic-ops leaves with exactly the headers it was stored with: never the correlation
 * id of the request or the trace context it was stored in, which the relay puts on every internal event.
 */
@ServiceTest(partitions = 3, topics = OutsideMessageRelayStreamTests.OUTSIDE_TOPIC)
class OutsideMessageRelayStreamTests {

    static final String OUTSIDE_TOPIC = "partner.riverside-psychiatry.events";

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Tracer tracer;
    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void anOutsideMessageCarriesOnlyItsOwnHeadersEvenWhenStoredInARequestWithACorrelationIdAndATrace() {
        String patient = UUID.randomUUID().toString();
        SequencedMap<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", UUID.randomUUID().toString());
        headers.put("ce_sequence", "00000000000000000001");
        headers.put("content-type", "application/json");
        OutsideMessage message = new OutsideMessage(UUID.randomUUID(), OUTSIDE_TOPIC, patient, "partner.test",
                patient, TestClock.at("2026-11-25T17:00:00Z"), headers, "{\"sequence\":1}");

        Span request = tracer.nextSpan().name("partner event recorded").start();
        MDC.put(CorrelationId.MDC_KEY, "front-desk-7.req_1");
        try (Tracer.SpanInScope ignored = tracer.withSpan(request)) {
            transactions.executeWithoutResult(status -> outbox.publish(message));
        } finally {
            MDC.remove(CorrelationId.MDC_KEY);
            request.end();
        }

        ConsumerRecord<byte[], byte[]> sent = new TopicReader(broker.getBrokersAsString())
                .readAll(OUTSIDE_TOPIC, 1).getFirst();
        assertThat(Arrays.stream(sent.headers().toArray()).map(Header::key).toList())
                .containsExactly("ce_specversion", "ce_id", "ce_sequence", "content-type");
        assertThat(headers.keySet()).allSatisfy(name ->
                assertThat(TopicReader.header(sent, name)).isEqualTo(headers.get(name)));
        assertThat(new String(sent.key(), StandardCharsets.UTF_8)).isEqualTo(patient);
        assertThat(TopicReader.value(sent)).isEqualTo("{\"sequence\":1}");
    }

    @Test
    void anOutsideMessageIsStoredOnlyInsideATransaction() {
        OutsideMessage message = new OutsideMessage(UUID.randomUUID(), OUTSIDE_TOPIC, "k", "partner.test", "k",
                TestClock.at("2026-11-25T17:00:00Z"), new LinkedHashMap<>(), "{}");

        assertThatThrownBy(() -> outbox.publish(message)).isInstanceOf(IllegalStateException.class);
    }
}
