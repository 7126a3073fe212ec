package org.clinicops.session.plan;

import org.clinicops.support.apidocs.RequestBodyDoc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The esketamine programme enrollment in the API document, its schema taken from its reader's checks. */
@Configuration(proxyBeanMethods = false)
class EsketamineEnrollmentApiDocs {

    @Bean
    RequestBodyDoc esketamineEnrollmentBody() {
        return new RequestBodyDoc("EsketamineEnrollment", body -> EsketamineEnrollments.enrolledOn(body, null), """
                {"enrolledOn": "2026-11-25"}""");
    }
}
