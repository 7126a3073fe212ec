package org.clinicops.notification.crisis;

import org.clinicops.events.EventType;
import org.clinicops.support.messaging.CloudEventReader;
import org.clinicops.support.messaging.IncomingEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/** The reactions to {@code clinic.screenings}, bound as {@code <bean name>-in-0} in notification-service.yml. */
@Configuration(proxyBeanMethods = false)
class ScreeningConsumers {

    @Bean(CrisisEscalations.CONSUMER)
    Consumer<Message<byte[]>> pageOnCallClinician(CloudEventReader reader, CrisisEscalations escalations) {
        return message -> {
            IncomingEvent event = reader.read(message);
            if (!event.ifType(EventType.SCREENING_COMPLETED, escalations::on)) {
                event.ifType(EventType.PROGRESS_MEASURE_RECORDED, escalations::on);
            }
        };
    }
}
