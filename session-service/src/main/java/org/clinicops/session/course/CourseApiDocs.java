package org.clinicops.session.course;

import org.clinicops.support.apidocs.RequestBodyDoc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The course decisions after the induction series in the API document, from their readers' checks. */
@Configuration(proxyBeanMethods = false)
class CourseApiDocs {

    @Bean
    RequestBodyDoc courseReviewBody() {
        return new RequestBodyDoc("CourseReview", CourseChanges::decision, """
                {"decision": "CONTINUE"}""");
    }

    @Bean
    RequestBodyDoc boosterIntervalBody() {
        return new RequestBodyDoc("BoosterInterval", body -> CourseChanges.boosterIntervalWeeks(body, null, null), """
                {"boosterIntervalWeeks": 4}""");
    }

    @Bean
    RequestBodyDoc planClosureBody() {
        return new RequestBodyDoc("PlanClosure", CourseChanges::closure, """
                {"reason": "PATIENT_REQUEST"}""");
    }
}
