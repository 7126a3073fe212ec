package org.clinicops.notification.partner;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.InetAddress;

@Configuration(proxyBeanMethods = false)
class PartnerConfiguration {

    /** The system's DNS resolver: every A and AAAA address of a webhook's host. */
    @Bean
    WebhookTargets.Resolver webhookHostResolver() {
        return InetAddress::getAllByName;
    }
}
