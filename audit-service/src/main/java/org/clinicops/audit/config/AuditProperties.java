package org.clinicops.audit.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * audit-service's settings ({@code audit.*}).
 *
 * @param headEvery  how often, on the service's clock, the chain's head is published to {@code clinic.audit-heads}
 * @param headReadTimeout how long verification waits for Kafka to hand over the latest head
 */
@ConfigurationProperties("audit")
public record AuditProperties(
        @DefaultValue("1m") Duration headEvery,
        @DefaultValue("10s") Duration headReadTimeout) {

    public AuditProperties {
        if (headEvery.isNegative() || headEvery.isZero()) {
            throw new IllegalArgumentException("audit.head-every must be positive");
        }
    }
}
