package org.clinicops.support.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicops.events.EventType;
import org.clinicops.events.ReviewDecision;
import org.clinicops.events.ScreeningCompleted;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.events.ScreeningReviewed;
import org.clinicops.events.Topics;
import org.clinicops.support.messaging.CloudEventReader;
import org.clinicops.support.outbox.Outbox;
import org.clinicops.support.testing.ServiceTest;
import org.clinicops.support.testing.TestClock;
import org.clinicops.support.testing.TopicReader;
import org.clinicops.support.web.CorrelationId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clinicops.support.testing.TopicReader.header;

/**
 * One referral is one trace: the trace an event is stored in travels with it through the outbox and Kafka, the
 * consumer continues it, and what the consumer publishes in turn carries it on.
 */
@ServiceTest(topics = Topics.SCREENINGS, partitions = 2, properties = {
        "spring.cloud.function.definition=reviewScreenings",
        "spring.cloud.stream.bindings.reviewScreenings-in-0.destination=" + Topics.SCREENINGS,
        "spring.cloud.stream.bindings.reviewScreenings-in-0.group=support-test",
        // as in docker compose and Kubernetes
        "logging.structured.format.console=ecs"})
@Import(TraceAcrossKafkaStreamTests.Reviewer.class)
@ExtendWith(OutputCaptureExtension.class)
class TraceAcrossKafkaStreamTests {

    /** A consumer of one hop: for each completed screening, the trace it ran in, and a review published onward. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Reviewer {
        final Map<UUID, Optional<String>> traceSeen = new ConcurrentHashMap<>();

        @Bean
        Consumer<Message<byte[]>> reviewScreenings(CloudEventReader reader, Tracer tracer, Outbox outbox,
                                                   TransactionTemplate transactions) {
            return message -> reader.read(message).ifType(EventType.SCREENING_COMPLETED, completed -> {
                Span span = tracer.currentSpan();
                traceSeen.put(completed.patientId(), Optional.ofNullable(span).map(s -> s.context().traceId()));
                transactions.executeWithoutResult(status -> outbox.publish(reviewed(completed),
                        completed.screeningId().toString()));
            });
        }
    }

    @Autowired
    Outbox outbox;
    @Autowired
    Tracer tracer;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    Reviewer reviewer;
    @Autowired
    JsonMapper json;

    @Test
    void anEventCarriesTheTraceItWasStoredIn_andItsConsumerAndWhatItPublishesContinueIt() {
        ScreeningCompleted completed = completed(UUID.randomUUID());
        Span request = tracer.nextSpan().name("referral request").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(request)) {
            transactions.executeWithoutResult(status -> outbox.publish(completed, completed.screeningId().toString()));
        } finally {
            request.end();
        }
        String traceId = request.context().traceId();

        List<ConsumerRecord<byte[], byte[]>> records = bothHopsOf(completed);
        assertThat(header(records.get(0), "traceparent"))
                .isEqualTo("00-" + traceId + "-" + request.context().spanId() + "-01");
        await().atMost(TopicReader.PATIENCE).until(() -> reviewer.traceSeen.containsKey(completed.patientId()));
        assertThat(reviewer.traceSeen.get(completed.patientId())).as("the consumer's trace").contains(traceId);
        String onward = header(records.get(1), "traceparent");
        assertThat(onward).as("the consumer's own event, a child of the consumer's span")
                .startsWith("00-" + traceId + "-")
                .doesNotContain(request.context().spanId());
    }

    @Test
    void anEventStoredOutsideAnyTraceCarriesNoTraceparent_andItsConsumerStartsATraceOfItsOwn() {
        ScreeningCompleted completed = completed(UUID.randomUUID());
        transactions.executeWithoutResult(status -> outbox.publish(completed, completed.screeningId().toString()));

        List<ConsumerRecord<byte[], byte[]>> records = bothHopsOf(completed);
        assertThat(header(records.get(0), "traceparent")).isNull();
        String consumerTrace = reviewer.traceSeen.get(completed.patientId()).orElseThrow();
        assertThat(header(records.get(1), "traceparent")).startsWith("00-" + consumerTrace + "-");
    }

    @Test
    void aLogLineIsOneJsonObjectCarryingTheTraceIdSpanIdAndCorrelationId(CapturedOutput output) {
        Span request = tracer.nextSpan().name("front desk request").start();
        MDC.put(CorrelationId.MDC_KEY, "front-desk-7.req_1");
        try (Tracer.SpanInScope ignored = tracer.withSpan(request)) {
            LoggerFactory.getLogger(TraceAcrossKafkaStreamTests.class).info("referral received");
        } finally {
            MDC.remove(CorrelationId.MDC_KEY);
            request.end();
        }

        String line = output.getOut().lines().filter(l -> l.contains("referral received")).findFirst().orElseThrow();
        JsonNode logged = json.readTree(line);
        assertThat(logged.path("message").asString()).isEqualTo("referral received");
        assertThat(logged.path("traceId").asString()).isEqualTo(request.context().traceId());
        assertThat(logged.path("spanId").asString()).isEqualTo(request.context().spanId());
        assertThat(logged.path("correlationId").asString()).isEqualTo("front-desk-7.req_1");
    }

    /** The completed screening and the review its consumer published, in that order. */
    private List<ConsumerRecord<byte[], byte[]>> bothHopsOf(ScreeningCompleted completed) {
        String patient = completed.patientId().toString();
        List<ConsumerRecord<byte[], byte[]>> ofPatient = new ArrayList<>();
        new TopicReader(broker.getBrokersAsString()).readUntil(Topics.SCREENINGS, records -> {
            ofPatient.clear();
            records.stream().filter(r -> patient.equals(new String(r.key(), StandardCharsets.UTF_8))).forEach(ofPatient::add);
            return ofPatient.size() == 2;
        });
        return ofPatient;
    }

    private static ScreeningCompleted completed(UUID patient) {
        return new ScreeningCompleted(UUID.randomUUID(), TestClock.at("2026-11-25T17:00:00Z"), patient,
                UUID.randomUUID(), "DEPRESSION", ScreeningOutcome.ELIGIBLE, List.of(), true);
    }

    private static ScreeningReviewed reviewed(ScreeningCompleted completed) {
        return new ScreeningReviewed(UUID.randomUUID(), completed.occurredAt(), completed.patientId(),
                completed.screeningId(), completed.indication(), ScreeningOutcome.ELIGIBLE, ReviewDecision.APPROVED,
                false, true);
    }
}
