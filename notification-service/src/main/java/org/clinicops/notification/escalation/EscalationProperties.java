package org.clinicops.notification.escalation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code notification.escalation.*}.
 *
 * @param pollInterval pause between two rounds of the poller that stores the pages due; a page goes out at most
 *                     this much (plus a dispatcher round) after its time
 */
@ConfigurationProperties("notification.escalation")
public record EscalationProperties(@DefaultValue("5s") Duration pollInterval) {

    public EscalationProperties {
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("notification.escalation.poll-interval must be positive");
        }
    }
}
