package org.clinicops.session.plan;

import org.clinicops.events.EventType;
import org.clinicops.support.messaging.CloudEventReader;
import org.clinicops.support.messaging.IncomingEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/** The reactions to {@code clinic.screenings}, bound as {@code <bean name>-in-0} in session-service.yml. */
@Configuration(proxyBeanMethods = false)
class ScreeningConsumers {

    /** Named after the inbox's consumer name, so the binding and the processed-event records cannot drift apart. */
    @Bean(TreatmentPlanBooking.CONSUMER)
    Consumer<Message<byte[]>> bookTreatmentPlan(CloudEventReader reader, TreatmentPlanBooking booking) {
        return message -> {
            IncomingEvent event = reader.read(message);
            if (!event.ifType(EventType.SCREENING_COMPLETED, booking::on)) {
                event.ifType(EventType.SCREENING_REVIEWED, booking::on);
            }
        };
    }
}
