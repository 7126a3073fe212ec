package org.clinicops.intake.idempotency;

import org.clinicops.support.retention.RetentionRule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * An {@code Idempotency-Key} is there for a client's retries, which come within minutes; after
 * {@code clinic.retention.idempotency-keys} clinic-support's retention job deletes it, and the same key then claims
 * afresh.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyKeyRetention {

    @Bean
    RetentionRule idempotencyKeyRule(@Value("${clinic.retention.idempotency-keys:7d}") Duration retention) {
        return new RetentionRule("idempotency_key", "created_at", retention);
    }
}
