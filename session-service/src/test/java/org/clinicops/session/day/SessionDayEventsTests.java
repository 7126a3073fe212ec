package org.clinicops.session.day;

import org.clinicops.events.CancellationReason;
import org.clinicops.events.ClinicEvent;
import org.clinicops.events.DeferralReason;
import org.clinicops.events.DoseAdministered;
import org.clinicops.events.DoseOverrideRule;
import org.clinicops.events.Protocol;
import org.clinicops.events.SafetyAlertCode;
import org.clinicops.events.SafetyAlertRaised;
import org.clinicops.events.SessionCancelled;
import org.clinicops.events.SessionCheckedIn;
import org.clinicops.events.SessionDeferred;
import org.clinicops.events.SessionDischarged;
import org.clinicops.events.SessionNoShow;
import org.clinicops.session.schedule.ScheduledSession;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.clinicops.session.day.Chairside.time;
import static org.clinicops.session.schedule.SessionStatus.CHECKED_IN;
import static org.clinicops.session.schedule.SessionStatus.DOSING;
import static org.clinicops.session.schedule.SessionStatus.IN_OBSERVATION;
import static org.clinicops.session.schedule.SessionStatus.READY_TO_DOSE;

/**
 * What the session day publishes on {@code clinic.sessions} (contract section 5): one event per transition that
 * others act on, one {@code SafetyAlertRaised} per D-6 alert, and nothing for vitals, effects, dose orders or the
 * dose's start. Every event names the session's patient, plan, session and number, and happened "now".
 */
class SessionDayEventsTests {

    @Test
    void checkInPublishesSessionCheckedIn() {
        Chairside chair = Chairside.ivSession();

        chair.at("17:00:40").checkIn();

        assertThat(chair.events()).singleElement().isInstanceOfSatisfying(SessionCheckedIn.class, event -> {
            assertAbout(chair, event, time("17:00:40"));
            assertThat(event.checkedInAt()).isEqualTo(time("17:00:40"));
        });
    }

    @Test
    void vitalsEffectsDoseOrderAndDoseStartPublishNothing() {
        Chairside chair = Chairside.ivSession().walkTo(CHECKED_IN);

        chair.at("17:05").vitals(128, 82, 74, 98).effects();
        chair.at("17:10").orderDose().orderDoseAs("dr-adeyemi", "{'orderedMgPerKg': 0.6}");
        chair.at("17:15").startDose();
        chair.at("17:30").vitals(134, 84, 80, 97).effects("{'dissociation': {'severity': 'MODERATE',"
                + " 'scale': 'CADSS', 'score': 14}, 'sideEffects': [{'code': 'NAUSEA', 'severity': 'MILD'}],"
                + " 'note': 'Settled after 10 min with eyes closed.'}");

        assertThat(chair.status()).isEqualTo(DOSING);
        assertThat(chair.events()).isEmpty();
    }

    @Test
    void doseEndPublishesDoseAdministered_withTheOrderedAndTheGivenDose() {
        Chairside chair = Chairside.ivSession().walkTo(CHECKED_IN).at("17:05").vitals(150, 92, 74, 98);
        chair.at("17:10").orderDose("{'orderedMgPerKg': 0.5,"
                + " 'elevatedBpOverride': {'reason': 'Stable 140s/90s; cleared by her cardiologist.'}}");
        chair.at("17:15").startDose();

        // the infusion stopped early: less given than ordered (SD-11)
        chair.at("17:52").endDose("{'at': @17:50, 'givenMg': 30.0}");

        assertThat(chair.events()).singleElement().isInstanceOfSatisfying(DoseAdministered.class, event -> {
            assertAbout(chair, event, time("17:52"));
            assertThat(event.protocol()).isEqualTo(Protocol.IV_KETAMINE_DEPRESSION);
            assertThat(event.orderedMgPerKg()).isEqualTo(new BigDecimal("0.5"));
            assertThat(event.doseMg()).isEqualTo(new BigDecimal("35.8"));
            assertThat(event.givenMg()).isEqualTo(new BigDecimal("30.0"));
            assertThat(event.startedAt()).isEqualTo(time("17:15"));
            assertThat(event.endedAt()).isEqualTo(time("17:50"));
            assertThat(event.earliestDischargeAt()).isEqualTo(time("18:50"));
            assertThat(event.prescriberId()).isEqualTo("dr-okafor");
            assertThat(event.overrides()).containsExactly(DoseOverrideRule.D3_ELEVATED_BP);
        });
        assertThat(chair.record().dose().givenMg()).isEqualTo(new BigDecimal("30.0"));
        assertThat(chair.record().currentOrder().doseMg()).isEqualTo(new BigDecimal("35.8"));
    }

    @Test
    void anEsketamineDoseAdministeredHasNoMgPerKg() {
        Chairside chair = Chairside.esketamineSession(2).walkTo(READY_TO_DOSE).at("17:15").startDose();

        chair.at("17:20").endDose();

        assertThat(chair.events()).singleElement().isInstanceOfSatisfying(DoseAdministered.class, event -> {
            assertThat(event.protocol()).isEqualTo(Protocol.ESKETAMINE_NASAL);
            assertThat(event.orderedMgPerKg()).isNull();
            assertThat(event.doseMg()).isEqualByComparingTo("56");
            assertThat(event.givenMg()).isEqualByComparingTo("56");
            assertThat(event.earliestDischargeAt()).isEqualTo(time("19:20"));
        });
    }

    @Test
    void safetyAlertRaised_onePerAlert_withTheCurrentOrdersPrescriber() {
        Chairside chair = Chairside.ivSession().walkTo(CHECKED_IN);

        // before any order: no prescriber yet
        chair.at("17:05").vitals(128, 82, 48, 98);
        assertThat(chair.events()).singleElement().isInstanceOfSatisfying(SafetyAlertRaised.class, event -> {
            assertAbout(chair, event, time("17:05"));
            assertThat(event.code()).isEqualTo(SafetyAlertCode.HEART_RATE_LOW);
            assertThat(event.prescriberId()).isNull();
        });

        // dr-okafor's order, replaced by dr-adeyemi's: the current one's prescriber is paged
        chair.at("17:10").orderDose().orderDoseAs("dr-adeyemi", "{'orderedMgPerKg': 0.5}");
        chair.at("17:15").startDose();
        chair.at("17:30").vitals(186, 114, 135, 91);

        List<ClinicEvent> events = chair.events();
        assertThat(events).hasSize(4).allSatisfy(event -> assertAbout(chair, event, time("17:30")));
        assertThat(events).map(SafetyAlertRaised.class::cast)
                .extracting(SafetyAlertRaised::code, SafetyAlertRaised::value, SafetyAlertRaised::threshold,
                        SafetyAlertRaised::takenAt, SafetyAlertRaised::prescriberId)
                .containsExactly(
                        tuple(SafetyAlertCode.SYSTOLIC_HIGH, 186, 180, time("17:30"), "dr-adeyemi"),
                        tuple(SafetyAlertCode.DIASTOLIC_HIGH, 114, 110, time("17:30"), "dr-adeyemi"),
                        tuple(SafetyAlertCode.SPO2_LOW, 91, 92, time("17:30"), "dr-adeyemi"),
                        tuple(SafetyAlertCode.HEART_RATE_HIGH, 135, 130, time("17:30"), "dr-adeyemi"));
        assertThat(events).map(e -> ((SafetyAlertRaised) e).alertId())
                .containsExactlyElementsOf(chair.record().alerts().stream().skip(1).map(SafetyAlert::alertId).toList());
    }

    @Test
    void aSeriousAdverseEventRaisesAnAlertWithoutValueOrThreshold_atTheTimeObserved() {
        Chairside chair = Chairside.ivSession().walkTo(DOSING);

        chair.at("17:40").effects("{'observedAt': @17:35, 'dissociation': {'severity': 'SEVERE'},"
                + " 'sideEffects': [{'code': 'EMERGENCE_REACTION', 'severity': 'SEVERE'}],"
                + " 'seriousAdverseEvent': true}");

        assertThat(chair.events()).singleElement().isInstanceOfSatisfying(SafetyAlertRaised.class, event -> {
            assertAbout(chair, event, time("17:40"));
            assertThat(event.code()).isEqualTo(SafetyAlertCode.SERIOUS_ADVERSE_EVENT);
            assertThat(event.value()).isNull();
            assertThat(event.threshold()).isNull();
            assertThat(event.takenAt()).isEqualTo(time("17:35"));
            assertThat(event.prescriberId()).isEqualTo("dr-okafor");
        });
        assertThat(chair.status()).isEqualTo(DOSING);
    }

    @Test
    void aPreDoseReadingAbove180IsBothAGateReadingAndAnAlert_theRecheckThatDefersPublishesBoth() {
        Chairside chair = Chairside.ivSession().walkTo(CHECKED_IN).at("17:05").vitals(184, 104, 80, 98);
        assertThat(chair.events()).extracting(e -> e.getClass().getSimpleName()).containsExactly("SafetyAlertRaised");
        assertThat(chair.record().bpGate()).isEqualTo(BpGate.RECHECK_DUE);

        chair.at("17:20").vitals(182, 100, 80, 98);

        assertThat(chair.events()).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("SafetyAlertRaised", "SessionDeferred");
    }

    @Test
    void sessionDeferred_byTheGate() {
        Chairside chair = Chairside.ivSession().walkTo(CHECKED_IN).at("17:05").vitals(166, 96, 78, 98);
        assertThat(chair.events()).isEmpty();

        chair.at("17:21").vitals("{'systolic': 162, 'diastolic': 94, 'heartRate': 76, 'spo2': 98,"
                + " 'takenAt': @17:20}");

        assertThat(chair.events()).singleElement().isInstanceOfSatisfying(SessionDeferred.class, event -> {
            assertAbout(chair, event, time("17:21"));
            assertThat(event.reason()).isEqualTo(DeferralReason.D2_BP_TOO_HIGH);
            assertThat(event.deferredAt()).isEqualTo(time("17:21"));
        });
    }

    @Test
    void sessionDeferred_byDefer() {
        Chairside chair = Chairside.ivSession().walkTo(CHECKED_IN).at("17:05").vitals(150, 92, 74, 98);

        chair.at("17:12").defer("{'reason': 'D3_NOT_OVERRIDDEN', 'note': 'Prescriber prefers to wait a week.'}");

        assertThat(chair.events()).singleElement().isInstanceOfSatisfying(SessionDeferred.class, event -> {
            assertAbout(chair, event, time("17:12"));
            assertThat(event.reason()).isEqualTo(DeferralReason.D3_NOT_OVERRIDDEN);
            assertThat(event.deferredAt()).isEqualTo(time("17:12"));
        });
        assertThat(chair.record().deferral())
                .isEqualTo(new Deferral(DeferralReason.D3_NOT_OVERRIDDEN, time("17:12"),
                        "Prescriber prefers to wait a week."));
    }

    @Test
    void dischargePublishesSessionDischarged() {
        Chairside chair = Chairside.ivSession().walkTo(IN_OBSERVATION).at("18:57");

        chair.discharge();

        assertThat(chair.events()).singleElement().isInstanceOfSatisfying(SessionDischarged.class, event -> {
            assertAbout(chair, event, time("18:57"));
            assertThat(event.dischargedAt()).isEqualTo(time("18:57"));
        });
    }

    @Test
    void cancelPublishesSessionCancelled() {
        Chairside chair = Chairside.ivSession().walkTo(READY_TO_DOSE).at("17:11");

        chair.cancel("{'reason': 'PATIENT_REQUEST', 'note': 'Felt unwell this morning.'}");

        assertThat(chair.events()).singleElement().isInstanceOfSatisfying(SessionCancelled.class, event -> {
            assertAbout(chair, event, time("17:11"));
            assertThat(event.reason()).isEqualTo(CancellationReason.PATIENT_REQUEST);
            assertThat(event.cancelledAt()).isEqualTo(time("17:11"));
        });
    }

    @Test
    void noShowPublishesSessionNoShow() {
        Chairside chair = Chairside.ivSession().at("17:30");

        chair.noShow();

        assertThat(chair.events()).singleElement().isInstanceOfSatisfying(SessionNoShow.class, event -> {
            assertAbout(chair, event, time("17:30"));
            assertThat(event.recordedAt()).isEqualTo(time("17:30"));
        });
    }

    @Test
    void eachEventIsHandedOutOnce() {
        Chairside chair = Chairside.ivSession();
        chair.day().checkIn(SessionDayRequests.CheckInRequest.read(Chairside.json(Chairside.ALL_CONFIRMED)),
                time("17:00"));

        assertThat(chair.day().takeEvents()).hasSize(1);
        assertThat(chair.day().takeEvents()).isEmpty();
    }

    /** The members every session-day event has: its own id, now, and the session it is about. */
    private static void assertAbout(Chairside chair, ClinicEvent event, Instant occurredAt) {
        ScheduledSession session = chair.day().session();
        assertThat(event.eventId()).isNotNull();
        assertThat(event.occurredAt()).isEqualTo(occurredAt);
        assertThat(event).extracting("patientId", "planId", "sessionId", "number")
                .containsExactly(session.patientId(), session.planId(), session.sessionId(), session.number());
    }
}
