package org.clinicops.notification.escalation;

import org.clinicops.support.apidocs.RequestBodyDoc;
import org.clinicops.support.request.JsonFields;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** An acknowledgement's body in the API document: optional, an object naming no one (who: the token). */
@Configuration(proxyBeanMethods = false)
class AlertApiDocs {

    @Bean
    RequestBodyDoc alertAcknowledgementBody() {
        return new RequestBodyDoc("AlertAcknowledgement", body -> new JsonFields(body).throwIfInvalid(), "{}");
    }
}
