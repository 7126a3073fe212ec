package org.clinicops.notification.booking;

import org.clinicops.support.messaging.CloudEventReader;
import org.clinicops.support.messaging.IncomingEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.List;
import java.util.function.Consumer;

/**
 * The reactions to {@code clinic.sessions}, bound as {@code sessionMessages-in-0} in notification-service.yml. One
 * function for the whole topic: two bindings in one consumer group would share its partitions, each seeing only some
 * of a patient's events.
 */
@Configuration(proxyBeanMethods = false)
public class SessionConsumers {

    /** The consumer function's name, under which the inbox records events. */
    public static final String CONSUMER = "sessionMessages";

    /** Types no handler takes (check-ins, doses, plans waiting for capacity) are skipped. */
    @Bean(CONSUMER)
    Consumer<Message<byte[]>> sessionMessages(CloudEventReader reader, List<SessionEventHandler> handlers) {
        return message -> {
            IncomingEvent event = reader.read(message);
            handlers.forEach(handler -> handler.handle(event));
        };
    }
}
