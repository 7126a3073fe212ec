package org.clinicops.notification.partner;

import org.clinicops.support.apidocs.RequestBodyDoc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The partner API's request bodies in the API document, each schema taken from its reader's checks. */
@Configuration(proxyBeanMethods = false)
class PartnerApiDocs {

    @Bean
    RequestBodyDoc subscriptionBody() {
        return new RequestBodyDoc("Subscription", body -> SubscriptionRequest.read(body, null), """
                {"url": "https://hooks.riverside-psychiatry.example/clinic-ops",
                 "eventTypes": ["patient.status_changed", "induction.booked"],
                 "description": "Referral status for our care coordinators", "alertEmail": "it-oncall@example.org"}""");
    }

    @Bean
    RequestBodyDoc secretRotationBody() {
        return new RequestBodyDoc("SecretRotation", SubscriptionRegistry::overlapSeconds, """
                {"overlapSeconds": 86400}""");
    }
}
