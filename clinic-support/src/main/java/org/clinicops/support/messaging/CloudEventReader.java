package org.clinicops.support.messaging;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.clinicops.events.CloudEventHeaders;
import org.clinicops.events.EventType;
import org.clinicops.events.PublishedEvent;
import org.springframework.messaging.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a Kafka message as a CloudEvent: the required {@code ce_*} headers must be present, and the body must
 * satisfy the JSON Schema of its type and name the same event id as {@code ce_id}. Anything else is a
 * {@link MalformedEventException}, which sends the message to the dead-letter topic with the reason.
 */
public class CloudEventReader {

    private static final List<String> REQUIRED = List.of(CloudEventHeaders.ID, CloudEventHeaders.TYPE,
            CloudEventHeaders.SOURCE, CloudEventHeaders.SPEC_VERSION);

    private final JsonMapper json;
    private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<EventType<?>, Schema> schemaByType = new ConcurrentHashMap<>();

    public CloudEventReader(JsonMapper json) {
        this.json = json;
    }

    public IncomingEvent read(Message<byte[]> message) {
        for (String header : REQUIRED) {
            if (header(message, header) == null) {
                throw new MalformedEventException("Missing CloudEvents header " + header);
            }
        }
        return new IncomingEvent(header(message, CloudEventHeaders.ID), header(message, CloudEventHeaders.TYPE),
                header(message, CloudEventHeaders.CORRELATION_ID), message.getPayload(), this);
    }

    <T extends PublishedEvent> T body(IncomingEvent event, EventType<T> type) {
        String body = new String(event.body(), StandardCharsets.UTF_8);
        List<Error> errors;
        try {
            errors = schemaByType.computeIfAbsent(type, this::loadSchema).validate(body, InputFormat.JSON);
        } catch (RuntimeException e) {
            throw new MalformedEventException("Body of " + type.type() + " " + event.id() + " is not JSON", e);
        }
        if (!errors.isEmpty()) {
            throw new MalformedEventException("Body of " + type.type() + " " + event.id()
                    + " does not match its schema: " + errors.stream().map(Error::toString).toList());
        }
        T read;
        try {
            read = json.readValue(event.body(), type.recordClass());
        } catch (JacksonException e) {
            throw new MalformedEventException("Body of " + type.type() + " " + event.id() + " cannot be read", e);
        }
        if (!read.eventId().toString().equals(event.id())) {
            throw new MalformedEventException("ce_id " + event.id() + " differs from the body's eventId "
                    + read.eventId());
        }
        return read;
    }

    private Schema loadSchema(EventType<?> type) {
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("No schema on the classpath at " + type.schemaResource());
            }
            return schemas.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String header(Message<byte[]> message, String name) {
        Object value = message.getHeaders().get(name);
        if (value == null) {
            // Spring Cloud Function may hand an incomplete CloudEvent over with its attributes as ce-id, ce-type, ...
            value = message.getHeaders().get(name.replace('_', '-'));
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
