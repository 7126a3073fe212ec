package org.clinicops.notification.partner;

import org.clinicops.support.retention.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.InetAddress;

@Configuration(proxyBeanMethods = false)
class PartnerConfiguration {

    /** Partner events, their numbered envelopes and settled source events are kept for the retention. */
    @Bean
    RetentionRule partnerEventRetention(PartnerProperties properties) {
        return new RetentionRule("partner_event", "created_at", properties.retention());
    }

    @Bean
    RetentionRule partnerSubscriptionEventRetention(PartnerProperties properties) {
        return new RetentionRule("partner_subscription_event", "created_at", properties.retention());
    }

    @Bean
    RetentionRule partnerSourceEventRetention(PartnerProperties properties) {
        return new RetentionRule("partner_source_event", "settled_at", properties.retention());
    }

    /** The system's DNS resolver: every A and AAAA address of a webhook's host. */
    @Bean
    WebhookTargets.Resolver webhookHostResolver() {
        return InetAddress::getAllByName;
    }
}
