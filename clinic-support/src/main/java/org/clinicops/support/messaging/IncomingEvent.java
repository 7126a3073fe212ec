package org.clinicops.support.messaging;

import org.clinicops.events.EventType;
import org.clinicops.events.PublishedEvent;
import org.clinicops.support.web.CorrelationId;
import org.slf4j.MDC;

import java.util.function.Consumer;

/** A CloudEvent read from Kafka whose headers were checked; its body is read only when a consumer wants its type. */
public final class IncomingEvent {

    private final String id;
    private final String type;
    private final String correlationId;
    private final byte[] body;
    private final CloudEventReader reader;

    IncomingEvent(String id, String type, String correlationId, byte[] body, CloudEventReader reader) {
        this.id = id;
        this.type = type;
        this.correlationId = correlationId;
        this.body = body;
        this.reader = reader;
    }

    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    /**
     * Hands the event to {@code handler} when it is of {@code eventType}; other types on the same topic are not this
     * consumer's business and are skipped. The handler's log lines carry the correlation id of the request that
     * caused the event.
     */
    public <T extends PublishedEvent> boolean ifType(EventType<T> eventType, Consumer<? super T> handler) {
        if (!eventType.type().equals(type)) {
            return false;
        }
        T event = reader.body(this, eventType);
        if (correlationId != null) {
            MDC.put(CorrelationId.MDC_KEY, correlationId);
        }
        try {
            handler.accept(event);
        } finally {
            MDC.remove(CorrelationId.MDC_KEY);
        }
        return true;
    }

    byte[] body() {
        return body;
    }
}
