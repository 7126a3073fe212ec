package org.clinicops.intake.patient;

import org.clinicops.support.apidocs.RequestBodyDoc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The registration's body in the API document: its schema is {@link PatientRegistration#read}'s checks. */
@Configuration(proxyBeanMethods = false)
class PatientApiDocs {

    @Bean
    RequestBodyDoc patientRegistrationBody() {
        return new RequestBodyDoc("PatientRegistration", body -> PatientRegistration.read(body, null), """
                {"firstName": "Dana", "lastName": "Reyes", "dateOfBirth": "1984-03-09", "sexAtBirth": "FEMALE",
                 "email": "dana@example.org", "phone": "+15035550142", "contactConsent": {"email": true, "sms": true},
                 "referral": {"source": "PARTNER_CLINIC", "partnerClinicId": "riverside-psychiatry"}}""");
    }
}
