package org.clinicops.intake.screening;

import org.clinicops.support.apidocs.RequestBodyDoc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A screening's and a review's bodies in the API document, their schemas taken from their readers' checks. */
@Configuration(proxyBeanMethods = false)
class ScreeningApiDocs {

    @Bean
    RequestBodyDoc screeningBody() {
        return new RequestBodyDoc("Screening", body -> ScreeningRequest.read(body, null, null), """
                {"indication": "DEPRESSION",
                 "instruments": {"phq9": [2, 2, 1, 2, 1, 1, 2, 1, 0], "gad7": [1, 2, 1, 1, 0, 1, 1],
                   "cssrs": {"wishToBeDead": false, "suicidalThoughts": false, "thoughtsWithMethod": false,
                     "intent": false, "intentWithPlan": false, "behaviorLifetime": false, "behaviorPast3Months": false}},
                 "history": {"failedAntidepressantTrials": 2, "onMoodStabilizer": false, "conditions": [],
                   "medications": []},
                 "vitals": {"systolic": 128, "diastolic": 82, "heartRate": 74, "weightKg": 71.5}}""");
    }

    @Bean
    RequestBodyDoc screeningReviewBody() {
        return new RequestBodyDoc("ScreeningReview", body -> ReviewRequest.read(body, null, null), """
                {"decision": "APPROVE", "note": "Second antidepressant trial confirmed with the referring psychiatrist."}""");
    }
}
