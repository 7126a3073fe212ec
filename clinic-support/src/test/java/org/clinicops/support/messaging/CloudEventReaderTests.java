package org.clinicops.support.messaging;

import org.clinicops.events.EventType;
import org.clinicops.events.ScreeningCompleted;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.support.web.CorrelationId;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudEventReaderTests {

    private final JsonMapper json = JsonMapper.builder().build();
    private final CloudEventReader reader = new CloudEventReader(json);
    private final ScreeningCompleted event = new ScreeningCompleted(UUID.randomUUID(),
            Instant.parse("2026-11-25T17:00:00Z"), UUID.randomUUID(), UUID.randomUUID(), "DEPRESSION",
            ScreeningOutcome.ELIGIBLE, List.of(), true);

    @Test
    void aWellFormedEventReachesTheHandlerOfItsType() {
        List<ScreeningCompleted> handled = new ArrayList<>();

        boolean taken = reader.read(message(json.writeValueAsString(event), event.eventId().toString()))
                .ifType(EventType.SCREENING_COMPLETED, handled::add);

        assertThat(taken).isTrue();
        assertThat(handled).containsExactly(event);
    }

    @Test
    void theHandlerLogsWithTheCausingRequestsCorrelationIdAndTheThreadForgetsItAfterwards() {
        Message<byte[]> message = MessageBuilder.fromMessage(
                        message(json.writeValueAsString(event), event.eventId().toString()))
                .setHeader("ce_correlationid", "front-desk-42".getBytes(StandardCharsets.UTF_8)).build();
        List<String> seen = new ArrayList<>();

        reader.read(message).ifType(EventType.SCREENING_COMPLETED, e -> seen.add(CorrelationId.current().orElse(null)));

        assertThat(seen).containsExactly("front-desk-42");
        assertThat(CorrelationId.current()).isEmpty();
    }

    @Test
    void anEventOfAnotherTypeOnTheTopicIsSkippedUnread() {
        List<Object> handled = new ArrayList<>();

        boolean taken = reader.read(message("not even json", event.eventId().toString()))
                .ifType(EventType.SESSION_SCHEDULED, handled::add);

        assertThat(taken).isFalse();
        assertThat(handled).isEmpty();
    }

    @Test
    void attributesHandedOverInTheCanonicalDashFormAreReadToo() {
        Message<byte[]> dashed = MessageBuilder.withPayload(json.writeValueAsBytes(event))
                .setHeader("ce-id", event.eventId().toString())
                .setHeader("ce-type", EventType.SCREENING_COMPLETED.type())
                .setHeader("ce-source", "/intake-service")
                .setHeader("ce-specversion", "1.0")
                .build();

        assertThat(reader.read(dashed).id()).isEqualTo(event.eventId().toString());
    }

    @Test
    void aMessageWithoutCloudEventsHeadersIsMalformed() {
        Message<byte[]> bare = MessageBuilder.withPayload(json.writeValueAsBytes(event)).build();

        assertThatThrownBy(() -> reader.read(bare)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("ce_id");
    }

    @Test
    void aBodyThatIsNotJsonIsMalformed() {
        IncomingEvent incoming = reader.read(message("{not json", event.eventId().toString()));

        assertThatThrownBy(() -> incoming.ifType(EventType.SCREENING_COMPLETED, e -> { }))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void aBodyMissingARequiredMemberIsMalformed() {
        String withoutOutcome = json.writeValueAsString(event).replace("\"outcome\":\"ELIGIBLE\",", "");
        IncomingEvent incoming = reader.read(message(withoutOutcome, event.eventId().toString()));

        assertThatThrownBy(() -> incoming.ifType(EventType.SCREENING_COMPLETED, e -> { }))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("outcome");
    }

    @Test
    void aBodyWhoseEventIdDiffersFromCeIdIsMalformed() {
        IncomingEvent incoming = reader.read(message(json.writeValueAsString(event), UUID.randomUUID().toString()));

        assertThatThrownBy(() -> incoming.ifType(EventType.SCREENING_COMPLETED, e -> { }))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("differs");
    }

    private static Message<byte[]> message(String body, String ceId) {
        return MessageBuilder.withPayload(body.getBytes(StandardCharsets.UTF_8))
                .setHeader("ce_id", ceId.getBytes(StandardCharsets.UTF_8))
                .setHeader("ce_type", EventType.SCREENING_COMPLETED.type().getBytes(StandardCharsets.UTF_8))
                .setHeader("ce_source", "/intake-service".getBytes(StandardCharsets.UTF_8))
                .setHeader("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                .build();
    }
}
