package org.clinicops.notification.booking;

import org.clinicops.events.EventType;
import org.clinicops.support.messaging.CloudEventReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/** The reactions to {@code clinic.sessions}, bound as {@code <bean name>-in-0} in notification-service.yml. */
@Configuration(proxyBeanMethods = false)
class SessionConsumers {

    /** Other event types on the topic (sessions scheduled one by one, plans waiting for capacity) are skipped. */
    @Bean(BookingConfirmations.CONSUMER)
    Consumer<Message<byte[]>> sendBookingConfirmation(CloudEventReader reader, BookingConfirmations confirmations) {
        return message -> reader.read(message).ifType(EventType.TREATMENT_PLAN_BOOKED, confirmations::on);
    }
}
