package org.clinicops.intake.progress;

import org.clinicops.support.apidocs.RequestBodyDoc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A progress measure's body in the API document, its schema taken from {@link ProgressMeasureRequest#read}. */
@Configuration(proxyBeanMethods = false)
class ProgressMeasureApiDocs {

    @Bean
    RequestBodyDoc progressMeasureBody() {
        return new RequestBodyDoc("ProgressMeasure", ProgressMeasureRequest::read, """
                {"phq9": [1, 1, 1, 1, 0, 1, 1, 0, 0]}""");
    }
}
