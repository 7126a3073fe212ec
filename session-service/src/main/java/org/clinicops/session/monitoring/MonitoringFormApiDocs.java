package org.clinicops.session.monitoring;

import org.clinicops.support.apidocs.RequestBodyDoc;
import org.clinicops.support.request.JsonFields;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A monitoring form's submission in the API document: a JSON object with nothing required (who: the token). */
@Configuration(proxyBeanMethods = false)
class MonitoringFormApiDocs {

    @Bean
    RequestBodyDoc monitoringFormSubmissionBody() {
        return new RequestBodyDoc("MonitoringFormSubmission", body -> new JsonFields(body).throwIfInvalid(), "{}");
    }
}
