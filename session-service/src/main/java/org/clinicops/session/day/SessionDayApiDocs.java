package org.clinicops.session.day;

import org.clinicops.session.day.SessionDayRequests.CancelRequest;
import org.clinicops.session.day.SessionDayRequests.CheckInRequest;
import org.clinicops.session.day.SessionDayRequests.DeferRequest;
import org.clinicops.session.day.SessionDayRequests.DischargeRequest;
import org.clinicops.session.day.SessionDayRequests.DoseEndRequest;
import org.clinicops.session.day.SessionDayRequests.DoseOrderRequest;
import org.clinicops.session.day.SessionDayRequests.DoseStartRequest;
import org.clinicops.session.day.SessionDayRequests.EffectsRequest;
import org.clinicops.session.day.SessionDayRequests.RescheduleRequest;
import org.clinicops.session.day.SessionDayRequests.VitalsRequest;
import org.clinicops.support.apidocs.RequestBodyDoc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The session day's request bodies in the API document (docs/session-day in the repository's words), each schema
 * taken from its reader's checks. A dose order has two forms: by weight for IV and IM, in mg for esketamine.
 */
@Configuration(proxyBeanMethods = false)
class SessionDayApiDocs {

    @Bean
    RequestBodyDoc checkInBody() {
        return new RequestBodyDoc("CheckIn", body -> CheckInRequest.read(body).fields().throwIfInvalid(), """
                {"consentOnFile": true, "escortConfirmed": true, "fastingConfirmed": true, "weightKg": 71.5}""");
    }

    @Bean
    RequestBodyDoc vitalsBody() {
        return new RequestBodyDoc("Vitals", body -> VitalsRequest.read(body).fields().throwIfInvalid(), """
                {"systolic": 128, "diastolic": 82, "heartRate": 74, "spo2": 98,
                 "takenAt": "2026-11-26T17:05:00Z"}""");
    }

    @Bean
    RequestBodyDoc effectsBody() {
        return new RequestBodyDoc("Effects", body -> EffectsRequest.read(body).fields().throwIfInvalid(), """
                {"dissociation": {"severity": "MILD", "scale": "CADSS", "score": 6},
                 "sideEffects": [{"code": "NAUSEA", "severity": "MILD"}]}""");
    }

    @Bean
    RequestBodyDoc doseOrderByWeightBody() {
        return new RequestBodyDoc("DoseOrderByWeight",
                body -> DoseOrderRequest.read(body, true, null).fields().throwIfInvalid(), """
                {"orderedMgPerKg": 0.5}""");
    }

    @Bean
    RequestBodyDoc doseOrderInMgBody() {
        return new RequestBodyDoc("DoseOrderInMg",
                body -> DoseOrderRequest.read(body, false, null).fields().throwIfInvalid(), """
                {"orderedMg": 56}""");
    }

    @Bean
    RequestBodyDoc doseStartBody() {
        return new RequestBodyDoc("DoseStart", body -> DoseStartRequest.read(body).fields().throwIfInvalid(), """
                {"at": "2026-11-26T17:15:00Z"}""");
    }

    @Bean
    RequestBodyDoc doseEndBody() {
        return new RequestBodyDoc("DoseEnd", body -> DoseEndRequest.read(body).fields().throwIfInvalid(), """
                {"at": "2026-11-26T17:55:00Z"}""");
    }

    @Bean
    RequestBodyDoc dischargeBody() {
        return new RequestBodyDoc("Discharge", body -> DischargeRequest.read(body).fields().throwIfInvalid(), """
                {"checklist": {"alertAndOriented": true, "steadyOnStanding": true,
                 "noNauseaNeedingTreatment": true}, "escortPresent": true}""");
    }

    @Bean
    RequestBodyDoc deferralBody() {
        return new RequestBodyDoc("Deferral", body -> DeferRequest.read(body).fields().throwIfInvalid(), """
                {"reason": "D2_BP_TOO_HIGH", "note": "170/104 at the recheck"}""");
    }

    @Bean
    RequestBodyDoc cancellationBody() {
        return new RequestBodyDoc("Cancellation", body -> CancelRequest.read(body).fields().throwIfInvalid(), """
                {"reason": "PATIENT_REQUEST"}""");
    }

    @Bean
    RequestBodyDoc rescheduleBody() {
        return new RequestBodyDoc("Reschedule", body -> RescheduleRequest.read(body).fields().throwIfInvalid(), """
                {"start": "2026-11-27T17:00:00Z"}""");
    }
}
