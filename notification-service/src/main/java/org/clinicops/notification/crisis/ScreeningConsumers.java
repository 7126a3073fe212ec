package org.clinicops.notification.crisis;

import org.clinicops.events.EventType;
import org.clinicops.support.messaging.CloudEventReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/** The reactions to {@code clinic.screenings}, bound as {@code <bean name>-in-0} in notification-service.yml. */
@Configuration(proxyBeanMethods = false)
class ScreeningConsumers {

    @Bean(CrisisEscalations.CONSUMER)
    Consumer<Message<byte[]>> pageOnCallClinician(CloudEventReader reader, CrisisEscalations escalations) {
        return message -> reader.read(message).ifType(EventType.SCREENING_COMPLETED, escalations::on);
    }
}
