package org.clinicops.support.messaging;

import org.clinicops.events.ClinicEvent;
import org.clinicops.events.EventType;

import java.util.function.Consumer;

/** A CloudEvent read from Kafka whose headers were checked; its body is read only when a consumer wants its type. */
public final class IncomingEvent {

    private final String id;
    private final String type;
    private final byte[] body;
    private final CloudEventReader reader;

    IncomingEvent(String id, String type, byte[] body, CloudEventReader reader) {
        this.id = id;
        this.type = type;
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
     * consumer's business and are skipped.
     */
    public <T extends ClinicEvent> boolean ifType(EventType<T> eventType, Consumer<? super T> handler) {
        if (!eventType.type().equals(type)) {
            return false;
        }
        handler.accept(reader.body(this, eventType));
        return true;
    }

    byte[] body() {
        return body;
    }
}
