package org.clinicops.session.day;

import org.clinicops.support.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicops.session.day.Chairside.time;
import static org.clinicops.session.schedule.SessionStatus.CHECKED_IN;
import static org.clinicops.session.schedule.SessionStatus.DISCHARGED;
import static org.clinicops.session.schedule.SessionStatus.DOSING;
import static org.clinicops.session.schedule.SessionStatus.IN_OBSERVATION;
import static org.clinicops.session.schedule.SessionStatus.READY_TO_DOSE;

/**
 * The contract details of the session day (section 7) beyond the worked examples: the time bounds of SD-3, the D-5
 * series of SD-13, discharge exactly as SD-16 says, no driving until the clinic's next midnight (D-8), the D-3
 * override of SD-8, one current order (SD-10), the esketamine doses of SD-9 and the dose given (SD-11).
 */
class SessionDayContractDetailsTests {

    private static final String READING = "'systolic': 128, 'diastolic': 82, 'heartRate': 74, 'spo2': 98";

    // --- SD-3 times: not in the future, not before check-in, readings in time order ---

    @ParameterizedTest(name = "a reading taken at {0}: 422 takenAt")
    @CsvSource({"17:10:01", "16:59:59", "17:04:59"})
    void sd3_aReadingInTheFutureBeforeCheckInOrBeforeTheLastReadingIs422NamingTakenAt(String takenAt) {
        Chairside chair = Chairside.ivSession().walkTo(CHECKED_IN).at("17:05").vitals(128, 82, 74, 98).at("17:10");

        assertThat(chair.rejects(c -> c.vitals("{" + READING + ", 'takenAt': @" + takenAt + "}")))
                .containsExactly("takenAt");
    }

    @Test
    void sd3_fromDoseStartOn_aReadingIsNotBeforeTheDoseStarted() {
        Chairside chair = Chairside.ivSession().walkTo(READY_TO_DOSE).at("17:15").startDose("{'at': @17:12}");

        // after the last reading (17:05) but before the dose started
        assertThat(chair.rejects(c -> c.vitals("{" + READING + ", 'takenAt': @17:11}"))).containsExactly("takenAt");

        chair.vitals("{" + READING + ", 'takenAt': @17:12}");
        assertThat(chair.lastReading().phase()).isEqualTo(Vitals.Phase.MONITORING);
    }

    @Test
    void sd3_aTimeNeedsZOrAnOffset() {
        Chairside chair = Chairside.ivSession().walkTo(CHECKED_IN).at("17:10");
        String local = Chairside.iso("17:05").replace("Z", "");
        String losAngeles = time("17:05").atOffset(ZoneOffset.ofHours(-8)).toString();

        assertThat(chair.rejects(c -> c.vitals("{" + READING + ", 'takenAt': '" + local + "'}")))
                .containsExactly("takenAt");

        chair.vitals("{" + READING + ", 'takenAt': '" + losAngeles + "'}");
        assertThat(chair.lastReading().takenAt()).isEqualTo(time("17:05"));
    }

    @Test
    void sd3_a422ListsEveryInvalidField_theTimeBoundsIncluded() {
        Chairside chair = Chairside.ivSession().walkTo(CHECKED_IN).at("17:10");

        assertThat(chair.rejects(c -> c.vitals("{'systolic': 120, 'diastolic': 125, 'heartRate': 72.5,"
                + " 'spo2': 101, 'takenAt': @17:30}")))
                .containsExactlyInAnyOrder("diastolic", "heartRate", "spo2", "takenAt");
    }

    @Test
    void sd3_effectsAreNotBeforeCheckInNorInTheFuture_butNeedNotBeInOrder() {
        Chairside chair = Chairside.ivSession().walkTo(DOSING).at("17:40");
        String effects = "'dissociation': {'severity': 'MILD'}, 'sideEffects': []";

        assertThat(chair.rejects(c -> c.effects("{" + effects + ", 'observedAt': @16:59}")))
                .containsExactly("observedAt");
        assertThat(chair.rejects(c -> c.effects("{" + effects + ", 'observedAt': @17:41}")))
                .containsExactly("observedAt");

        chair.effects("{" + effects + ", 'observedAt': @17:35}").effects("{" + effects + ", 'observedAt': @17:20}");
        assertThat(chair.record().effects()).extracting(Effects::observedAt)
                .containsExactly(time("17:35"), time("17:20"));
    }

    @ParameterizedTest(name = "dose-start at {0}: 422 at ({1})")
    @CsvSource(textBlock = """
            17:20:01 | in the future
            17:09    | before the order (17:10)
            17:11    | before the last reading (17:12)
            """, delimiter = '|')
    void sd3_aDoseStartIsNotInTheFuture_norBeforeTheOrder_norBeforeTheLastReading(String at, String why) {
        Chairside chair = Chairside.ivSession().walkTo(READY_TO_DOSE).at("17:12").vitals(130, 80, 74, 98).at("17:20");

        assertThat(chair.rejects(c -> c.startDose("{'at': @" + at + "}"))).containsExactly("at");
    }

    @Test
    void sd3_aDoseEndIsNotBeforeTheDoseStarted_equalIsAllowed() {
        Chairside chair = Chairside.ivSession().walkTo(DOSING).at("17:20");

        assertThat(chair.rejects(c -> c.endDose("{'at': @17:14:59}"))).containsExactly("at");
        assertThat(chair.rejects(c -> c.endDose("{'at': @17:20:01}"))).containsExactly("at");

        chair.endDose("{'at': @17:15}");
        assertThat(chair.record().dose().endedAt()).isEqualTo(time("17:15"));
        assertThat(chair.day().earliestDischargeAt()).isEqualTo(time("18:15"));
    }

    @Test
    void sd2_a422NamesEachFieldByItsPath() {
        Chairside chair = Chairside.ivSession().walkTo(DOSING).at("17:35");

        assertThat(chair.rejects(c -> c.effects("{'dissociation': {'severity': 'MILD', 'score': 14},"
                + " 'sideEffects': [{'code': 'NAUSEA', 'severity': 'MILD'}, {'code': 'NAUSEA', 'severity': 'NONE'},"
                + " {'code': 'TREMOR', 'severity': 'MILD'}, {'code': 'HEADACHE'}]}")))
                .containsExactly("dissociation.scale", "sideEffects[1].code", "sideEffects[2].code",
                        "sideEffects[3].severity");

        Chairside ready = Chairside.ivSession().walkTo(READY_TO_DOSE);
        assertThat(ready.rejects(c -> c.orderDose("{'orderedMgPerKg': 0.5,"
                + " 'elevatedBpOverride': 'cleared', 'capOverride': {}}")))
                .containsExactly("elevatedBpOverride", "capOverride.reason");
    }

    @Test
    void sd3_omittedInstantsAreNow_serverStampedInstantsAreNow() {
        Chairside chair = Chairside.ivSession().walkTo(CHECKED_IN)
                .at("17:05").vitals("{" + READING + "}")
                .at("17:10:12").orderDose()
                .at("17:15").startDose()
                .at("17:55").endDose();

        assertThat(chair.lastReading().takenAt()).isEqualTo(time("17:05"));
        assertThat(chair.record().currentOrder().orderedAt()).isEqualTo(time("17:10:12"));
        assertThat(chair.record().dose().startedAt()).isEqualTo(time("17:15"));
        assertThat(chair.record().dose().endedAt()).isEqualTo(time("17:55"));
    }

    // --- SD-13 D-5: vitalsDueBy and vitalsOverdue ---

    @Test
    void sd13_vitalsDueByIsTheLaterOfDoseStartAndLastReadingPlus15Min_onlyWhileDosingOrInObservation() {
        Chairside chair = Chairside.ivSession().walkTo(READY_TO_DOSE);
        assertThat(chair.day().vitalsDueBy()).isNull();
        assertThat(chair.day().vitalsOverdue(time("18:00"))).isFalse();

        // the pre-dose reading at 17:05 is older than the dose start recorded at 17:16 for 17:14
        chair.at("17:16").startDose("{'at': @17:14}");
        assertThat(chair.day().vitalsDueBy()).isEqualTo(time("17:29"));

        // a reading at 15 min 0 s keeps the series unbroken
        chair.at("17:29").vitals(130, 82, 74, 98);
        assertThat(chair.day().vitalsDueBy()).isEqualTo(time("17:44"));
    }

    @Test
    void sd13_atVitalsDueByExactlyNotOverdue_aSecondLaterOverdue() {
        Chairside chair = Chairside.ivSession().walkTo(DOSING);
        assertThat(chair.day().vitalsDueBy()).isEqualTo(time("17:30"));

        assertThat(chair.day().vitalsOverdue(time("17:30"))).isFalse();
        assertThat(chair.day().vitalsOverdue(time("17:30:01"))).isTrue();

        Chairside observed = Chairside.ivSession().walkTo(IN_OBSERVATION);
        assertThat(observed.day().vitalsDueBy()).isEqualTo(time("19:00"));
        assertThat(observed.day().vitalsOverdue(time("19:00"))).isFalse();
        assertThat(observed.day().vitalsOverdue(time("19:00:01"))).isTrue();
    }

    @Test
    void sd13_noVitalsDueAfterDischarge() {
        Chairside chair = Chairside.ivSession().walkTo(DISCHARGED);

        assertThat(chair.day().vitalsDueBy()).isNull();
        assertThat(chair.day().vitalsOverdue(time("20:00"))).isFalse();
    }

    @Test
    void d5_dischargeNeedsAReadingWithinTheLast15Minutes() {
        Chairside chair = Chairside.ivSession().walkTo(IN_OBSERVATION);

        chair.at("19:00:01").refuses(Chairside::discharge).is("D5_VITALS_OVERDUE")
                .carries("vitalsDueBy", time("19:00")).carriesNothingBut("vitalsDueBy");

        chair.at("19:00").discharge();
        assertThat(chair.status()).isEqualTo(DISCHARGED);
    }

    // --- SD-16 D-8 exactly ---

    @ParameterizedTest(name = "last reading {0}: {1}")
    @CsvSource(textBlock = """
            134/100 | D8_BP_TOO_HIGH
            160/90  | D8_BP_TOO_HIGH
            139/99  | DISCHARGED
            """, delimiter = '|')
    void sd16_theLastBpBelow160over100MeansSystolicBelow160AndDiastolicBelow100(String last, String answer) {
        Chairside chair = Chairside.ivSession().walkTo(DOSING).observedUntil1830()
                .at("18:40").vitals(132, 96, 74, 98)
                .at("18:45").vitals(150, 88, 74, 98)
                .at("18:50");
        String[] bp = last.split("/");
        chair.vitals(Integer.parseInt(bp[0]), Integer.parseInt(bp[1]), 74, 98).at("18:55");

        if (answer.equals("DISCHARGED")) {
            chair.discharge();
            assertThat(chair.status()).isEqualTo(DISCHARGED);
        } else {
            chair.refuses(Chairside::discharge).is(answer);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            'alertAndOriented': false, 'steadyOnStanding': true, 'noNauseaNeedingTreatment': true   | true  | D8_CHECKLIST_INCOMPLETE
            'alertAndOriented': true, 'steadyOnStanding': false, 'noNauseaNeedingTreatment': true   | true  | D8_CHECKLIST_INCOMPLETE
            'alertAndOriented': true, 'steadyOnStanding': true, 'noNauseaNeedingTreatment': false   | true  | D8_CHECKLIST_INCOMPLETE
            'alertAndOriented': true, 'steadyOnStanding': true, 'noNauseaNeedingTreatment': true    | false | D8_ESCORT_NOT_PRESENT
            """, delimiter = '|', quoteCharacter = '"')
    void sd16_everyChecklistItemAndTheEscortMustBeTrue(String checklist, boolean escortPresent, String code) {
        Chairside chair = Chairside.ivSession().walkTo(IN_OBSERVATION);

        chair.refuses(c -> c.discharge("{'checklist': {" + checklist + "}, 'escortPresent': " + escortPresent + "}"))
                .is(code);
    }

    @Test
    void d8_everyCriterionIsChecked_theCodeIsTheFirstUnmet_unmetListsAllInOrder() {
        Chairside chair = Chairside.ivSession().walkTo(DOSING)
                .at("17:30").vitals(134, 84, 80, 97)
                .at("17:45").vitals(165, 88, 80, 97)
                .at("17:55").endDose();

        chair.at("18:30").refuses(c -> c.discharge("{'checklist': {'alertAndOriented': true,"
                        + " 'steadyOnStanding': false, 'noNauseaNeedingTreatment': true}, 'escortPresent': false}"))
                .is("D8_OBSERVATION_NOT_OVER", "D8_OBSERVATION_NOT_OVER", "D5_VITALS_OVERDUE", "D8_BP_TOO_HIGH",
                        "D8_BP_RISING", "D8_CHECKLIST_INCOMPLETE", "D8_ESCORT_NOT_PRESENT")
                .carries("earliestDischargeAt", time("18:55"))
                .carries("vitalsDueBy", time("18:00"))
                .carriesNothingBut("earliestDischargeAt", "vitalsDueBy");
    }

    @Test
    void d8_noDrivingUntilTheNextMidnightInTheClinicsZone() {
        Chairside chair = Chairside.ivSession().walkTo(DISCHARGED);

        assertThat(chair.record().discharge().dischargedAt()).isEqualTo(time("18:55"));
        // 00:00 on 27 Nov in Los Angeles (PST, UTC-8), not midnight UTC
        assertThat(chair.record().discharge().noDrivingUntil()).isEqualTo(TestClock.at("2026-11-27T08:00:00Z"));
    }

    @Test
    void d8_aDischargeLateInTheClinicsEvening_afterMidnightUtc_mayDriveFromTheClinicsNextMidnight() {
        Chairside chair = Chairside.ivSession().walkTo(DOSING)
                .at(TestClock.at("2026-11-27T06:00:00Z")).vitals(130, 82, 74, 98).endDose()
                .at(TestClock.at("2026-11-27T06:45:00Z")).vitals(128, 80, 74, 98)
                .at(TestClock.at("2026-11-27T07:00:00Z"));

        chair.discharge();

        // 23:00 on 26 Nov in Los Angeles
        assertThat(chair.record().discharge().noDrivingUntil()).isEqualTo(TestClock.at("2026-11-27T08:00:00Z"));
    }

    // --- SD-8 the D-3 override, SD-10 one current order ---

    @Test
    void sd8_theOverrideIsCheckedAgainAtDoseStart_aReadingAfterTheOrderMayNeedIt() {
        Chairside chair = Chairside.ivSession().walkTo(READY_TO_DOSE);

        chair.at("17:12").vitals(148, 88, 74, 98);
        assertThat(chair.record().bpGate()).isEqualTo(BpGate.OVERRIDE_REQUIRED);

        chair.at("17:15").refuses(Chairside::startDose).is("D3_OVERRIDE_REQUIRED");
    }

    @Test
    void sd8_anOverrideGivenWhenNotNeededIsRecordedAndSatisfiesALaterNeed() {
        Chairside chair = Chairside.ivSession().walkTo(CHECKED_IN).at("17:05").vitals(128, 82, 74, 98);
        chair.at("17:10").orderDose("{'orderedMgPerKg': 0.5,"
                + " 'elevatedBpOverride': {'reason': 'Standing instruction: 140s/90s are her baseline.'}}");
        assertThat(chair.record().currentOrder().overrides()).extracting(DoseOrder.Override::reason)
                .containsExactly("Standing instruction: 140s/90s are her baseline.");

        chair.at("17:12").vitals(148, 92, 74, 98).at("17:15").startDose();

        assertThat(chair.status()).isEqualTo(DOSING);
    }

    @Test
    void sd10_aNewOrderReplacesTheCurrentOne_theEarlierIsKept_fromDoseStartOnTheOrderIsFixed() {
        Chairside chair = Chairside.ivSession().walkTo(READY_TO_DOSE);

        chair.at("17:12").orderDoseAs("dr-adeyemi", "{'orderedMgPerKg': 0.6}");

        assertThat(chair.record().orders()).hasSize(2);
        assertThat(chair.record().currentOrder().prescriberId()).isEqualTo("dr-adeyemi");
        assertThat(chair.record().currentOrder().doseMg()).isEqualTo(new BigDecimal("42.9"));

        chair.at("17:15").startDose().at("17:20");
        chair.refuses(Chairside::orderDose).is("STEP_OUT_OF_ORDER");
    }

    // --- SD-9 esketamine, SD-11 the dose given ---

    @ParameterizedTest(name = "esketamine session {0}, {1} mg: {2}")
    @CsvSource(textBlock = """
            1 |  28 | 201
            1 |  56 | 201
            1 |  84 | D4_ESKETAMINE_DOSE_NOT_ALLOWED
            2 |  84 | 201
            2 |  42 | D4_ESKETAMINE_DOSE_NOT_ALLOWED
            2 | 112 | D4_ESKETAMINE_DOSE_NOT_ALLOWED
            """, delimiter = '|')
    void sd9_esketamineIs28_56Or84mg_session1Only28Or56(int number, String orderedMg, String answer) {
        Chairside chair = Chairside.esketamineSession(number).walkTo(CHECKED_IN).at("17:05").vitals(128, 82, 74, 98)
                .at("17:10");
        String order = "{'orderedMg': " + orderedMg + "}";

        if (answer.equals("201")) {
            chair.orderDose(order);
            assertThat(chair.record().currentOrder().doseMg()).isEqualByComparingTo(orderedMg);
            assertThat(chair.record().currentOrder().weightKg()).isEqualByComparingTo("71.5");
        } else {
            chair.refuses(c -> c.orderDose(order)).is(answer).carriesNothingBut();
        }
    }

    @ParameterizedTest(name = "IV, 35.8 mg ordered, givenMg {0}: {1}")
    @CsvSource(textBlock = """
            35.8  | 201
            30.0  | 201
            35.9  | 422
            0     | 422
            """, delimiter = '|')
    void sd11_givenMgIsAtMostTheOrderedDose(String givenMg, String answer) {
        Chairside chair = Chairside.ivSession().walkTo(DOSING).at("17:55");

        assertGiven(chair, givenMg, answer);
    }

    @ParameterizedTest(name = "esketamine, 56 mg ordered, givenMg {0}: {1}")
    @CsvSource(textBlock = """
            56 | 201
            28 | 201
            42 | 422
            84 | 422
            """, delimiter = '|')
    void sd11_esketamineGivenMgIsWholeDevicesOf28_atMostTheOrder(String givenMg, String answer) {
        Chairside chair = Chairside.esketamineSession(1).walkTo(DOSING).at("17:20");

        assertGiven(chair, givenMg, answer);
    }

    private static void assertGiven(Chairside chair, String givenMg, String answer) {
        String body = "{'givenMg': " + givenMg + "}";
        if (answer.equals("201")) {
            chair.endDose(body);
            assertThat(chair.record().dose().givenMg()).isEqualTo(new BigDecimal(givenMg));
        } else {
            assertThat(chair.rejects(c -> c.endDose(body))).containsExactly("givenMg");
        }
    }
}
