package org.clinicops.session.day;

import org.clinicops.events.Protocol;
import org.clinicops.events.SessionCheckedIn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicops.session.schedule.SessionStatus.CHECKED_IN;
import static org.clinicops.session.schedule.SessionStatus.DISCHARGED;
import static org.clinicops.session.schedule.SessionStatus.IN_OBSERVATION;
import static org.clinicops.session.schedule.SessionStatus.SCHEDULED;

/**
 * Esketamine's restricted programme on the session day: no check-in without the patient's enrollment, and a
 * monitoring form due after discharge. IV and IM are not part of it.
 */
class SessionDayEsketamineProgrammeTests {

    @Test
    void esketamineCheckInWithoutTheEnrollment_isRefusedAndTheSessionStaysScheduled() {
        Chairside chair = Chairside.sessionNotEnrolled(Protocol.ESKETAMINE_NASAL).at("17:00");

        chair.refuses(Chairside::checkIn).is("ESKETAMINE_ENROLLMENT_MISSING").carriesNothingBut();
        assertThat(chair.status()).isEqualTo(SCHEDULED);
    }

    @Test
    void theMissingEnrollmentComesAfterTheThreeD1Codes_codeIsTheFirstUnmet() {
        Chairside chair = Chairside.sessionNotEnrolled(Protocol.ESKETAMINE_NASAL).at("17:00");

        chair.refuses(c -> c.checkIn("{'consentOnFile': false, 'escortConfirmed': false, 'fastingConfirmed': false,"
                        + " 'weightKg': 71.5}"))
                .is("D1_CONSENT_NOT_ON_FILE", "D1_CONSENT_NOT_ON_FILE", "D1_ESCORT_NOT_CONFIRMED",
                        "D1_FASTING_NOT_CONFIRMED", "ESKETAMINE_ENROLLMENT_MISSING");
        chair.refuses(c -> c.checkIn("{'consentOnFile': true, 'escortConfirmed': true, 'fastingConfirmed': false,"
                        + " 'weightKg': 71.5}"))
                .is("D1_FASTING_NOT_CONFIRMED", "D1_FASTING_NOT_CONFIRMED", "ESKETAMINE_ENROLLMENT_MISSING");
    }

    @Test
    void anEnrolledPatientsEsketamineSessionChecksIn() {
        Chairside chair = Chairside.esketamineSession(1).at("17:00").checkIn();

        assertThat(chair.status()).isEqualTo(CHECKED_IN);
        assertThat(chair.events()).singleElement().isInstanceOf(SessionCheckedIn.class);
    }

    @Test
    void ivAndImCheckInNeedsNoEnrollment() {
        for (Protocol protocol : new Protocol[] {Protocol.IV_KETAMINE_DEPRESSION, Protocol.IM_KETAMINE}) {
            assertThat(Chairside.sessionNotEnrolled(protocol).at("17:00").checkIn().status()).as(protocol.name())
                    .isEqualTo(CHECKED_IN);
        }
    }

    @Test
    void aMonitoringFormIsDueOnceAnEsketamineSessionIsDischarged_notBefore_andNeverForIv() {
        Chairside esketamine = Chairside.esketamineSession(1).walkTo(IN_OBSERVATION);
        assertThat(esketamine.day().monitoringFormDue()).isFalse();
        // esketamine observes 120 min from the dose's end at 17:55
        esketamine.at("19:45").vitals(122, 78, 72, 98).at("19:55").discharge();
        assertThat(esketamine.status()).isEqualTo(DISCHARGED);
        assertThat(esketamine.day().monitoringFormDue()).isTrue();

        assertThat(Chairside.ivSession().walkTo(DISCHARGED).day().monitoringFormDue()).isFalse();
    }
}
