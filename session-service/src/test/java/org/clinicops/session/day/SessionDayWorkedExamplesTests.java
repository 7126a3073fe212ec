package org.clinicops.session.day;

import org.clinicops.events.DeferralReason;
import org.clinicops.events.DoseAdministered;
import org.clinicops.events.DoseOverrideRule;
import org.clinicops.events.SafetyAlertCode;
import org.clinicops.events.SafetyAlertRaised;
import org.clinicops.events.SessionCheckedIn;
import org.clinicops.events.SessionDeferred;
import org.clinicops.events.SessionDischarged;
import org.clinicops.support.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.clinicops.session.day.Chairside.time;
import static org.clinicops.session.schedule.SessionStatus.CHECKED_IN;
import static org.clinicops.session.schedule.SessionStatus.DEFERRED;
import static org.clinicops.session.schedule.SessionStatus.DISCHARGED;
import static org.clinicops.session.schedule.SessionStatus.DOSING;
import static org.clinicops.session.schedule.SessionStatus.IN_OBSERVATION;
import static org.clinicops.session.schedule.SessionStatus.READY_TO_DOSE;

/**
 * The worked examples of the session-day contract (section 6), each one a test named after its rule: Dana's first IV
 * session from check-in to discharge, the D-8 rise, the BP gate (CLINICAL D-2, D-3) and its classes (SD-6), the D-4
 * dose table (SD-9), the D-6 alerts (SD-14) and the other routes' observation (SD-12). Times are UTC on Thursday
 * 26 November 2026 (09:00 in Los Angeles is 17:00Z); each step is sent with the clock at that time.
 */
class SessionDayWorkedExamplesTests {

    // --- Dana's first IV session ---

    @Test
    void danasFirstIvSession_checkInToDischarge() {
        Chairside dana = Chairside.ivSession();

        dana.at("17:00").checkIn("{'consentOnFile': true, 'escortConfirmed': true, 'fastingConfirmed': true,"
                + " 'weightKg': 71.5}");
        assertThat(dana.status()).isEqualTo(CHECKED_IN);
        assertThat(dana.record().bpGate()).isEqualTo(BpGate.NO_READING);
        assertThat(dana.record().checkIn().checkedInAt()).isEqualTo(time("17:00"));
        assertThat(dana.events()).singleElement().isInstanceOf(SessionCheckedIn.class);

        dana.at("17:05").vitals(128, 82, 74, 98);
        assertThat(dana.status()).isEqualTo(READY_TO_DOSE);
        assertThat(dana.record().bpGate()).isEqualTo(BpGate.PASSED);

        dana.at("17:10").orderDose("{'orderedMgPerKg': 0.5}");
        // 0.5 x 71.5 = 35.75, half-up
        assertThat(dana.record().currentOrder().doseMg()).isEqualTo(new BigDecimal("35.8"));
        assertThat(dana.record().currentOrder().capMg()).isEqualByComparingTo("100");
        assertThat(dana.status()).isEqualTo(READY_TO_DOSE);

        dana.at("17:15").startDose("{'at': @17:15}");
        assertThat(dana.status()).isEqualTo(DOSING);
        assertThat(dana.day().vitalsDueBy()).isEqualTo(time("17:30"));

        dana.at("17:30").vitals(134, 84, 80, 97);
        assertThat(dana.day().vitalsDueBy()).isEqualTo(time("17:45"));
        dana.at("17:45").vitals(136, 86, 78, 97);
        assertThat(dana.day().vitalsDueBy()).isEqualTo(time("18:00"));

        dana.at("17:55").endDose("{'at': @17:55}");
        assertThat(dana.status()).isEqualTo(IN_OBSERVATION);
        assertThat(dana.record().dose().givenMg()).isEqualTo(new BigDecimal("35.8"));
        assertThat(dana.day().earliestDischargeAt()).isEqualTo(time("18:55"));
        assertThat(dana.events()).singleElement().isInstanceOf(DoseAdministered.class);

        dana.at("18:00").vitals(130, 82, 76, 98).at("18:15").vitals(126, 80, 75, 98)
                .at("18:30").vitals(124, 80, 74, 98).at("18:45").vitals(122, 78, 72, 98);
        assertThat(dana.status()).isEqualTo(IN_OBSERVATION);

        dana.at("18:54").refuses(Chairside::discharge)
                .is("D8_OBSERVATION_NOT_OVER")
                .carries("earliestDischargeAt", time("18:55"));

        dana.at("18:55").discharge();
        assertThat(dana.status()).isEqualTo(DISCHARGED);
        assertThat(dana.record().discharge().dischargedAt()).isEqualTo(time("18:55"));
        assertThat(dana.record().discharge().noDrivingUntil()).isEqualTo(TestClock.at("2026-11-27T08:00:00Z"));
        assertThat(dana.events()).singleElement().isInstanceOf(SessionDischarged.class);
        assertThat(dana.record().alerts()).isEmpty();
    }

    // --- D-8: the last BP no more than 10 mmHg above the one before (SD-16) ---

    @ParameterizedTest(name = "{0} after 124/80 at 18:30: {1}")
    @CsvSource(textBlock = """
            135/84 | D8_BP_RISING
            134/84 | DISCHARGED
            """, delimiter = '|')
    void d8_aRiseOfElevenRefusesDischarge_tenPasses(String reading1845, String answer) {
        Chairside dana = Chairside.ivSession().walkTo(DOSING).observedUntil1830();
        String[] bp = reading1845.split("/");
        dana.at("18:45").vitals(Integer.parseInt(bp[0]), Integer.parseInt(bp[1]), 76, 98).at("18:55");

        if (answer.equals("DISCHARGED")) {
            dana.discharge();
            assertThat(dana.status()).isEqualTo(DISCHARGED);
        } else {
            dana.refuses(Chairside::discharge).is(answer);
        }
    }

    @Test
    void d8_aFallAfterTheRiseLetsHerGo() {
        Chairside dana = Chairside.ivSession().walkTo(DOSING).observedUntil1830();

        dana.at("18:45").vitals(135, 84, 76, 98);
        dana.at("18:50").vitals(131, 82, 75, 98);  // 131 - 135 = -4
        dana.at("18:55").discharge();

        assertThat(dana.status()).isEqualTo(DISCHARGED);
    }

    // --- the BP gate (CLINICAL D-2, D-3; SD-7, SD-8) ---

    @Test
    void d2d3_bpGate_highThenAReadingAfter14MinutesDoesNotCount_theRecheckAt15MinutesIsElevated() {
        Chairside chair = Chairside.ivSession().walkTo(CHECKED_IN);

        chair.at("17:05").vitals(166, 96, 78, 98);
        assertThat(chair.status()).isEqualTo(CHECKED_IN);
        assertThat(chair.record().bpGate()).isEqualTo(BpGate.RECHECK_DUE);
        assertThat(chair.record().recheckNotBefore()).isEqualTo(time("17:20"));
        chair.refuses(Chairside::orderDose).is("D2_BP_TOO_HIGH").carries("recheckNotBefore", time("17:20"));

        // 14 minutes of rest: recorded, but not the recheck
        chair.at("17:19").vitals(150, 92, 76, 98);
        assertThat(chair.record().vitals()).hasSize(2);
        assertThat(chair.status()).isEqualTo(CHECKED_IN);
        assertThat(chair.record().bpGate()).isEqualTo(BpGate.RECHECK_DUE);

        chair.at("17:20").vitals(152, 94, 76, 98);
        assertThat(chair.status()).isEqualTo(READY_TO_DOSE);
        assertThat(chair.record().bpGate()).isEqualTo(BpGate.OVERRIDE_REQUIRED);

        chair.refuses(c -> c.orderDose("{'orderedMgPerKg': 0.5}"))
                .is("D3_OVERRIDE_REQUIRED");

        chair.orderDose("{'orderedMgPerKg': 0.5,"
                + " 'elevatedBpOverride': {'reason': 'Stable 140s/90s at three visits; cleared by her cardiologist.'}}");
        assertThat(chair.record().currentOrder().overrides()).extracting(DoseOrder.Override::rule)
                .containsExactly(DoseOverrideRule.D3_ELEVATED_BP);
        assertThat(chair.status()).isEqualTo(READY_TO_DOSE);
        assertThat(chair.events()).isEmpty();
    }

    @Test
    void d2_aRecheckStillHighDefers_thenDischargeIsOutOfOrder() {
        Chairside chair = Chairside.ivSession().walkTo(CHECKED_IN);
        chair.at("17:05").vitals(166, 96, 78, 98).at("17:19").vitals(150, 92, 76, 98);

        chair.at("17:20").vitals(162, 94, 76, 98);

        assertThat(chair.status()).isEqualTo(DEFERRED);
        assertThat(chair.record().bpGate()).isEqualTo(BpGate.FAILED);
        assertThat(chair.record().deferral().reason()).isEqualTo(DeferralReason.D2_BP_TOO_HIGH);
        assertThat(chair.record().deferral().deferredAt()).isEqualTo(time("17:20"));
        assertThat(chair.events()).singleElement().isInstanceOfSatisfying(SessionDeferred.class,
                deferred -> assertThat(deferred.reason()).isEqualTo(DeferralReason.D2_BP_TOO_HIGH));
        chair.refuses(Chairside::discharge).is("STEP_OUT_OF_ORDER");
    }

    @ParameterizedTest(name = "{0}/{1} is {2}")
    @CsvSource(textBlock = """
            160 |  99 | HIGH
            159 | 100 | HIGH
            160 | 100 | HIGH
            159 |  99 | ELEVATED
            140 |  89 | ELEVATED
            139 |  90 | ELEVATED
            139 |  89 | NORMAL
            """, delimiter = '|')
    void sd6_bpClassBoundaries_eitherNumberAloneDecides(int systolic, int diastolic, BpClass expected) {
        Chairside chair = Chairside.ivSession().walkTo(CHECKED_IN);

        chair.at("17:05").vitals(systolic, diastolic, 74, 98);

        assertThat(chair.lastReading().bp()).isEqualTo(expected);
        assertThat(Chairside.RULES.classify(systolic, diastolic)).isEqualTo(expected);
        BpGate gate = switch (expected) {
            case HIGH -> BpGate.RECHECK_DUE;
            case ELEVATED -> BpGate.OVERRIDE_REQUIRED;
            case NORMAL -> BpGate.PASSED;
        };
        assertThat(chair.record().bpGate()).isEqualTo(gate);
    }

    // --- D-4 doses (SD-9): cap 100 mg, range 0.5-1.0 mg/kg ---

    @ParameterizedTest(name = "{0} mg/kg x {1} kg: doseMg {2}, {3}")
    @CsvSource(textBlock = """
            0.5  |  71.5 |  35.8 | 201
            0.5  |  70.1 |  35.1 | 201
            0.55 |  71.5 |  39.3 | 201
            0.65 |  70.7 |  46.0 | 201
            0.8  |   125 | 100.0 | 201
            0.7  | 142.9 | 100.0 | 201
            0.5  | 200.1 | 100.1 | D4_DOSE_ABOVE_CAP
            0.75 |   140 | 105.0 | D4_DOSE_ABOVE_CAP
            0.49 |    80 |       | D4_MG_PER_KG_OUT_OF_RANGE
            1.01 |    80 |       | D4_MG_PER_KG_OUT_OF_RANGE
            0.5  |    80 |  40.0 | 201
            1.0  |    80 |  80.0 | 201
            1.2  |   100 | 120.0 | D4_MG_PER_KG_OUT_OF_RANGE, D4_DOSE_ABOVE_CAP
            """, delimiter = '|')
    void d4_theDoseTable(String orderedMgPerKg, String weightKg, BigDecimal doseMg, String answer) {
        Chairside chair = checkedInAndPassed(weightKg);
        String order = "{'orderedMgPerKg': " + orderedMgPerKg + "}";

        if (answer.equals("201")) {
            chair.orderDose(order);
            assertThat(chair.record().currentOrder().doseMg()).isEqualTo(doseMg);
            assertThat(chair.record().currentOrder().orderedMgPerKg()).isEqualTo(new BigDecimal(orderedMgPerKg));
            assertThat(chair.record().currentOrder().overrides()).isEmpty();
        } else {
            String[] unmet = answer.split(",\\s*");
            Chairside.Refusal refusal = chair.refuses(c -> c.orderDose(order)).is(unmet[0], unmet);
            if (List.of(unmet).contains("D4_DOSE_ABOVE_CAP")) {
                refusal.carries("doseMg", doseMg).carries("capMg", new BigDecimal("100"));
            } else {
                refusal.carriesNothingBut();
            }
        }
    }

    @Test
    void sd9_35point05RoundsHalfUpTo35point1() {
        Chairside chair = checkedInAndPassed("70.1");

        chair.orderDose("{'orderedMgPerKg': 0.5}");

        // in binary floating point 0.5 x 70.1 is 35.04999..., which rounds to 35.0
        assertThat(new BigDecimal(0.5 * 70.1).setScale(1, RoundingMode.HALF_UP)).isEqualTo(new BigDecimal("35.0"));
        assertThat(chair.record().currentOrder().doseMg()).isEqualTo(new BigDecimal("35.1"));
    }

    @Test
    void d4_105mgWithACapOverrideIsOrdered() {
        Chairside chair = checkedInAndPassed("140");

        chair.orderDose("{'orderedMgPerKg': 0.75,"
                + " 'capOverride': {'reason': '140 kg; titrated to 0.75 mg/kg after two sessions without response.'}}");

        DoseOrder order = chair.record().currentOrder();
        assertThat(order.doseMg()).isEqualTo(new BigDecimal("105.0"));
        assertThat(order.overrides()).extracting(DoseOrder.Override::rule, DoseOrder.Override::reason)
                .containsExactly(tuple(DoseOverrideRule.D4_ABOVE_CAP,
                        "140 kg; titrated to 0.75 mg/kg after two sessions without response."));
    }

    @Test
    void sd9_aCapOverrideNeverLiftsTheRange() {
        Chairside chair = checkedInAndPassed("100");

        chair.refuses(c -> c.orderDose("{'orderedMgPerKg': 1.2,"
                + " 'capOverride': {'reason': 'Titrated.'}}")).is("D4_MG_PER_KG_OUT_OF_RANGE");
    }

    // --- D-6 safety alerts (SD-14) ---

    @Test
    void d6_systolic182DuringTheInfusionRaisesOneAlert_theSessionGoesOn() {
        Chairside chair = Chairside.ivSession().walkTo(DOSING);

        chair.at("17:30").vitals(182, 104, 88, 97);

        assertThat(chair.status()).isEqualTo(DOSING);
        assertThat(chair.record().alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.code()).isEqualTo(SafetyAlertCode.SYSTOLIC_HIGH);
            assertThat(alert.value()).isEqualTo(182);
            assertThat(alert.threshold()).isEqualTo(180);
            assertThat(alert.takenAt()).isEqualTo(time("17:30"));
            assertThat(alert.raisedAt()).isEqualTo(time("17:30"));
        });
        assertThat(chair.events()).singleElement().isInstanceOf(SafetyAlertRaised.class);
    }

    @Test
    void d6_186over114WithHeartRate135RaisesThree() {
        Chairside chair = Chairside.ivSession().walkTo(DOSING);

        chair.at("17:30").vitals(186, 114, 135, 97);

        assertThat(chair.record().alerts())
                .extracting(SafetyAlert::code, SafetyAlert::value, SafetyAlert::threshold)
                .containsExactly(
                        tuple(SafetyAlertCode.SYSTOLIC_HIGH, 186, 180),
                        tuple(SafetyAlertCode.DIASTOLIC_HIGH, 114, 110),
                        tuple(SafetyAlertCode.HEART_RATE_HIGH, 135, 130));
        assertThat(chair.events()).hasSize(3).allMatch(SafetyAlertRaised.class::isInstance);
        assertThat(chair.status()).isEqualTo(DOSING);
    }

    @Test
    void d6_theThresholdsThemselvesRaiseNothing_180over110Spo292Hr130_andHr50() {
        Chairside chair = Chairside.ivSession().walkTo(DOSING);

        chair.at("17:30").vitals(180, 110, 130, 92);
        chair.at("17:45").vitals(150, 90, 50, 92);

        assertThat(chair.record().vitals()).hasSize(3);
        assertThat(chair.record().alerts()).isEmpty();
        assertThat(chair.events()).isEmpty();
    }

    // --- the other routes (SD-12) ---

    @Test
    void esketamine56mg_earliestDischargeTwoHoursAfterTheLastDevice() {
        Chairside chair = Chairside.esketamineSession(1).walkTo(CHECKED_IN).at("17:05").vitals(128, 82, 74, 98);

        chair.at("17:10").orderDose("{'orderedMg': 56}");
        chair.at("17:15").startDose("{'at': @17:15}");
        chair.at("17:20").endDose("{'at': @17:20}");

        DoseOrder order = chair.record().currentOrder();
        assertThat(order.doseMg()).isEqualByComparingTo("56");
        assertThat(order.orderedMgPerKg()).isNull();
        assertThat(order.capMg()).isNull();
        assertThat(chair.record().dose().givenMg()).isEqualByComparingTo("56");
        assertThat(chair.day().earliestDischargeAt()).isEqualTo(time("19:20"));
    }

    @Test
    void im_0point75mgPerKgTimes80kgIs60mg_startAndEndAtOnce_observedAnHour() {
        Chairside chair = Chairside.imSession()
                .at("17:00").checkIn("{'consentOnFile': true, 'escortConfirmed': true, 'fastingConfirmed': true,"
                        + " 'weightKg': 80}")
                .at("17:05").vitals(128, 82, 74, 98);

        chair.at("17:10").orderDose("{'orderedMgPerKg': 0.75}");
        chair.at("17:15").startDose("{'at': @17:15}").endDose("{'at': @17:15}");

        assertThat(chair.record().currentOrder().doseMg()).isEqualTo(new BigDecimal("60.0"));
        assertThat(chair.record().dose().startedAt()).isEqualTo(chair.record().dose().endedAt());
        assertThat(chair.status()).isEqualTo(IN_OBSERVATION);
        assertThat(chair.day().earliestDischargeAt()).isEqualTo(time("18:15"));
    }

    private static Chairside checkedInAndPassed(String weightKg) {
        return Chairside.ivSession()
                .at("17:00").checkIn("{'consentOnFile': true, 'escortConfirmed': true, 'fastingConfirmed': true,"
                        + " 'weightKg': " + weightKg + "}")
                .at("17:05").vitals(128, 82, 74, 98)
                .at("17:10");
    }
}
