package org.clinicops.audit.trail;

import org.clinicops.events.EventType;
import org.clinicops.support.messaging.CloudEventReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/** The reaction to {@code clinic.audit}, bound as {@code appendAuditRecord-in-0} in audit-service.yml. */
@Configuration(proxyBeanMethods = false)
class AuditConsumers {

    @Bean(AuditChain.CONSUMER)
    Consumer<Message<byte[]>> appendAuditRecord(CloudEventReader reader, AuditChain chain) {
        return message -> reader.read(message).ifType(EventType.AUDIT_RECORDED, chain::append);
    }
}
