package org.clinicops.session.day;

import org.clinicops.session.schedule.SessionStatus;
import org.clinicops.support.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicops.session.day.Chairside.time;
import static org.clinicops.session.schedule.SessionStatus.CANCELLED;
import static org.clinicops.session.schedule.SessionStatus.CHECKED_IN;
import static org.clinicops.session.schedule.SessionStatus.DEFERRED;
import static org.clinicops.session.schedule.SessionStatus.DISCHARGED;
import static org.clinicops.session.schedule.SessionStatus.DOSING;
import static org.clinicops.session.schedule.SessionStatus.IN_OBSERVATION;
import static org.clinicops.session.schedule.SessionStatus.NO_SHOW;
import static org.clinicops.session.schedule.SessionStatus.READY_TO_DOSE;
import static org.clinicops.session.schedule.SessionStatus.SCHEDULED;

/**
 * The session day's states (contract section 1): which action each status allows, every transition, the status
 * check's own codes, and the order of checks (status, then 422, then the step's rules). Every refusal here is also
 * checked to change nothing: status, record, no events (SD-1).
 */
class SessionDayStateMachineTests {

    /**
     * The contract's table "Which action each status allows", as printed there: {@code yes}, {@code -} (refused, 409
     * {@code STEP_OUT_OF_ORDER}) or the specific code. Each status is reached along Dana's day ({@link
     * Chairside#walkTo}); READY_TO_DOSE has an order ("dose-start: yes, with an order"), CHECKED_IN no reading yet.
     */
    private static final String WHICH_ACTION_EACH_STATUS_ALLOWS = """
            action     | SCHEDULED | CHECKED_IN                 | READY_TO_DOSE | DOSING | IN_OBSERVATION | terminal
            check-in   | yes       | -                          | -             | -      | -              | -
            vitals     | -         | yes                        | yes           | yes    | yes            | -
            effects    | -         | yes                        | yes           | yes    | yes            | -
            dose-order | -         | D1_PRE_DOSE_VITALS_MISSING | yes           | -      | -              | -
            dose-start | -         | D1_PRE_DOSE_VITALS_MISSING | yes           | -      | -              | -
            dose-end   | -         | -                          | -             | yes    | -              | -
            discharge  | -         | -                          | -             | -      | yes            | -
            defer      | yes       | yes                        | yes           | -      | -              | -
            cancel     | yes       | yes                        | yes           | -      | -              | -
            no-show    | yes       | -                          | -             | -      | -              | -
            """;
    private static final List<SessionStatus> TERMINAL = List.of(DISCHARGED, DEFERRED, CANCELLED, NO_SHOW);

    static Stream<Arguments> whichActionEachStatusAllows() {
        List<String[]> rows = WHICH_ACTION_EACH_STATUS_ALLOWS.lines()
                .map(line -> Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new))
                .toList();
        String[] columns = rows.getFirst();
        return rows.stream().skip(1).flatMap(row -> {
            SessionAction action = Arrays.stream(SessionAction.values())
                    .filter(a -> a.path().equals(row[0])).findFirst().orElseThrow();
            return Stream.iterate(1, i -> i < columns.length, i -> i + 1).flatMap(i -> {
                List<SessionStatus> statuses = columns[i].equals("terminal") ? TERMINAL
                        : List.of(SessionStatus.valueOf(columns[i]));
                return statuses.stream().map(status -> Arguments.of(status, action.path(), row[i]));
            });
        });
    }

    @ParameterizedTest(name = "{1} from {0}: {2}")
    @MethodSource
    void whichActionEachStatusAllows(SessionStatus status, String action, String answer) {
        Chairside chair = Chairside.ivSession().walkTo(status);
        SessionAction performed = Arrays.stream(SessionAction.values())
                .filter(a -> a.path().equals(action)).findFirst().orElseThrow();

        if (answer.equals("yes")) {
            chair.perform(performed);
        } else {
            chair.refuses(c -> c.perform(performed))
                    .is(answer.equals("-") ? "STEP_OUT_OF_ORDER" : answer)
                    .carriesNothingBut();
        }
    }

    @Test
    void theTableCoversEveryStatusAndEveryAction() {
        assertThat(whichActionEachStatusAllows().map(arguments -> arguments.get()[0]).distinct())
                .containsExactlyInAnyOrder((Object[]) SessionStatus.values());
        assertThat(whichActionEachStatusAllows()).hasSize(SessionStatus.values().length * SessionAction.values().length);
    }

    // --- every transition ---

    @ParameterizedTest(name = "{0} -{1}-> {2}")
    @CsvSource(textBlock = """
            SCHEDULED      | CHECK_IN   | CHECKED_IN
            SCHEDULED      | DEFER      | DEFERRED
            SCHEDULED      | CANCEL     | CANCELLED
            SCHEDULED      | NO_SHOW    | NO_SHOW
            CHECKED_IN     | VITALS     | READY_TO_DOSE
            CHECKED_IN     | DEFER      | DEFERRED
            CHECKED_IN     | CANCEL     | CANCELLED
            READY_TO_DOSE  | VITALS     | READY_TO_DOSE
            READY_TO_DOSE  | DOSE_ORDER | READY_TO_DOSE
            READY_TO_DOSE  | DOSE_START | DOSING
            READY_TO_DOSE  | DEFER      | DEFERRED
            READY_TO_DOSE  | CANCEL     | CANCELLED
            DOSING         | VITALS     | DOSING
            DOSING         | EFFECTS    | DOSING
            DOSING         | DOSE_END   | IN_OBSERVATION
            IN_OBSERVATION | VITALS     | IN_OBSERVATION
            IN_OBSERVATION | DISCHARGE  | DISCHARGED
            """, delimiter = '|')
    void everyTransition(SessionStatus from, SessionAction action, SessionStatus to) {
        Chairside chair = Chairside.ivSession().walkTo(from);

        chair.perform(action);

        assertThat(chair.status()).isEqualTo(to);
    }

    @Test
    void sd7_theGateMovesASessionBetweenCheckedInAndReadyToDose() {
        Chairside chair = Chairside.ivSession().walkTo(CHECKED_IN);

        chair.at("17:05").vitals(145, 85, 74, 98);
        assertThat(chair.status()).isEqualTo(READY_TO_DOSE);
        assertThat(chair.record().bpGate()).isEqualTo(BpGate.OVERRIDE_REQUIRED);

        chair.at("17:08").vitals(128, 82, 74, 98);
        assertThat(chair.status()).isEqualTo(READY_TO_DOSE);
        assertThat(chair.record().bpGate()).isEqualTo(BpGate.PASSED);

        chair.at("17:10").orderDose();
        chair.at("17:12").vitals(160, 90, 74, 98);
        assertThat(chair.status()).isEqualTo(CHECKED_IN);
        assertThat(chair.record().bpGate()).isEqualTo(BpGate.RECHECK_DUE);
        assertThat(chair.record().recheckNotBefore()).isEqualTo(time("17:27"));
        chair.refuses(Chairside::startDose).is("D2_BP_TOO_HIGH").carries("recheckNotBefore", time("17:27"));

        chair.at("17:27").vitals(130, 84, 74, 98);
        assertThat(chair.status()).isEqualTo(READY_TO_DOSE);
        assertThat(chair.record().bpGate()).isEqualTo(BpGate.PASSED);
        // the order given before the high reading still stands
        chair.at("17:28").startDose();
        assertThat(chair.status()).isEqualTo(DOSING);
    }

    @Test
    void sd7_afterTheRecheckWasUsed_aFurtherHighReadingDefersAtOnce() {
        Chairside chair = Chairside.ivSession().walkTo(CHECKED_IN);
        chair.at("17:05").vitals(166, 96, 78, 98).at("17:20").vitals(130, 84, 74, 98).at("17:22").orderDose();

        chair.at("17:25").vitals(150, 100, 74, 98);

        assertThat(chair.status()).isEqualTo(DEFERRED);
        assertThat(chair.record().bpGate()).isEqualTo(BpGate.FAILED);
        assertThat(chair.record().deferral().reason()).hasToString("D2_BP_TOO_HIGH");
    }

    @Test
    void sd7_aHighReadingDuringTheRestDoesNotCount_norMoveTheRecheck() {
        Chairside chair = Chairside.ivSession().walkTo(CHECKED_IN).at("17:05").vitals(166, 96, 78, 98);

        chair.at("17:10").vitals(170, 98, 80, 98);

        assertThat(chair.status()).isEqualTo(CHECKED_IN);
        assertThat(chair.record().bpGate()).isEqualTo(BpGate.RECHECK_DUE);
        assertThat(chair.record().recheckNotBefore()).isEqualTo(time("17:20"));

        chair.at("17:20").vitals(138, 88, 76, 98);
        assertThat(chair.record().bpGate()).isEqualTo(BpGate.PASSED);
    }

    @Test
    void sd7_rechecksCountByTheReadingsOwnTimes_15min0sCounts() {
        Chairside chair = Chairside.ivSession().walkTo(CHECKED_IN);
        chair.at("17:05:30").vitals(170, 95, 78, 98);

        // recorded at 17:25 but taken at 17:20:29: 14 min 59 s of rest, not the recheck
        chair.at("17:25").vitals("{'systolic': 130, 'diastolic': 84, 'heartRate': 74, 'spo2': 98,"
                + " 'takenAt': @17:20:29}");
        assertThat(chair.record().bpGate()).isEqualTo(BpGate.RECHECK_DUE);

        chair.vitals("{'systolic': 130, 'diastolic': 84, 'heartRate': 74, 'spo2': 98, 'takenAt': @17:20:30}");
        assertThat(chair.record().bpGate()).isEqualTo(BpGate.PASSED);
        assertThat(chair.status()).isEqualTo(READY_TO_DOSE);
    }

    // --- the status check's own codes ---

    @Test
    void checkedInWithARecheckDue_doseOrderAndDoseStartAreD2BpTooHigh_withRecheckNotBefore() {
        Chairside chair = Chairside.ivSession().walkTo(CHECKED_IN).at("17:05").vitals(166, 96, 78, 98).at("17:10");

        chair.refuses(Chairside::orderDose).is("D2_BP_TOO_HIGH").carries("recheckNotBefore", time("17:20"))
                .carriesNothingBut("recheckNotBefore");
        chair.refuses(Chairside::startDose).is("D2_BP_TOO_HIGH").carries("recheckNotBefore", time("17:20"));
    }

    @Test
    void readyToDoseWithoutAnOrder_doseStartIsD4NoDoseOrder() {
        Chairside chair = Chairside.ivSession().walkTo(CHECKED_IN).at("17:05").vitals(128, 82, 74, 98).at("17:10");

        chair.refuses(Chairside::startDose).is("D4_NO_DOSE_ORDER").carriesNothingBut();
    }

    @ParameterizedTest(name = "check-in at {0}: {1}")
    @CsvSource(textBlock = """
            2026-11-26T07:59:59Z | NOT_SESSION_DAY
            2026-11-26T08:00:00Z | CHECKED_IN
            2026-11-27T07:59:59Z | CHECKED_IN
            2026-11-27T08:00:00Z | NOT_SESSION_DAY
            2026-11-19T17:00:00Z | NOT_SESSION_DAY
            """, delimiter = '|')
    void sd4_checkInOnlyOnTheSessionsClinicDate_atAnyHourOfIt(String now, String answer) {
        // the session's day is 26 Nov in Los Angeles: 08:00Z on the 26th to 08:00Z on the 27th
        Chairside chair = Chairside.ivSession().at(TestClock.at(now));

        if (answer.equals("CHECKED_IN")) {
            chair.checkIn();
            assertThat(chair.status()).isEqualTo(CHECKED_IN);
        } else {
            chair.refuses(Chairside::checkIn).is(answer).carriesNothingBut();
        }
    }

    @Test
    void sd4_deferFromScheduledOnlyOnTheSessionsDay_cancelOnAnyDay() {
        Chairside dayBefore = Chairside.ivSession().at(TestClock.at("2026-11-25T17:00:00Z"));
        dayBefore.refuses(c -> c.defer("{'reason': 'CLINICIAN_DECISION'}")).is("NOT_SESSION_DAY");

        dayBefore.cancel("{'reason': 'CLINIC_REQUEST'}");
        assertThat(dayBefore.status()).isEqualTo(CANCELLED);

        Chairside onTheDay = Chairside.ivSession().at("16:00");
        onTheDay.defer("{'reason': 'D1_NOT_MET'}");
        assertThat(onTheDay.status()).isEqualTo(DEFERRED);
    }

    @Test
    void sd4_noShowFromStartOn_alsoOnALaterDay() {
        Chairside chair = Chairside.ivSession().at("16:59:59");
        chair.refuses(Chairside::noShow).is("NO_SHOW_BEFORE_START").carriesNothingBut();

        chair.at("17:00").noShow();
        assertThat(chair.status()).isEqualTo(NO_SHOW);
        assertThat(chair.record().noShowRecordedAt()).isEqualTo(time("17:00"));

        Chairside nextWeek = Chairside.ivSession().at(TestClock.at("2026-12-03T17:00:00Z"));
        nextWeek.noShow();
        assertThat(nextWeek.status()).isEqualTo(NO_SHOW);
    }

    // --- the order of checks: status, then every invalid field (422), then the step's rules ---

    @Test
    void statusBefore422_aDoseOrderWithInvalidFieldsFromCheckedInIsTheStatus409() {
        Chairside chair = Chairside.ivSession().walkTo(CHECKED_IN);

        chair.refuses(c -> c.orderDose("{'orderedMgPerKg': 'half', 'capOverride': {'reason': ' '}}"))
                .is("D1_PRE_DOSE_VITALS_MISSING");
    }

    @Test
    void statusBefore422_aDoseOrderWithInvalidFieldsWhileDosingIsStepOutOfOrder() {
        Chairside chair = Chairside.ivSession().walkTo(DOSING);

        chair.refuses(c -> c.orderDose("{}")).is("STEP_OUT_OF_ORDER");
    }

    @Test
    void statusBefore422_aCheckInWithMissingFieldsOnAnotherDayIsNotSessionDay_orOutOfOrderOnceCheckedIn() {
        Chairside otherDay = Chairside.ivSession().at(TestClock.at("2026-11-25T17:00:00Z"));
        otherDay.refuses(c -> c.checkIn("{}")).is("NOT_SESSION_DAY");

        Chairside checkedIn = Chairside.ivSession().walkTo(CHECKED_IN);
        checkedIn.refuses(c -> c.checkIn("{}")).is("STEP_OUT_OF_ORDER");
    }

    @Test
    void statusBefore422_aDoseStartWithoutAnOrderAndAFutureAtIsD4NoDoseOrder() {
        Chairside chair = Chairside.ivSession().walkTo(CHECKED_IN).at("17:05").vitals(128, 82, 74, 98);

        chair.refuses(c -> c.startDose("{'at': @17:30}")).is("D4_NO_DOSE_ORDER");
    }

    @Test
    void statusBefore422_noShowBeforeStartOfACheckedInSessionIsStepOutOfOrder() {
        Chairside chair = Chairside.ivSession().at("16:30").checkIn();

        chair.refuses(Chairside::noShow).is("STEP_OUT_OF_ORDER");
    }

    @Test
    void fieldsBeforeRules_aCheckInWithConsentFalseAndNoWeightIsA422() {
        Chairside chair = Chairside.ivSession();

        assertThat(chair.rejects(c -> c.checkIn(
                "{'consentOnFile': false, 'escortConfirmed': true, 'fastingConfirmed': true}")))
                .containsExactly("weightKg");
        assertThat(chair.status()).isEqualTo(SCHEDULED);
    }

    @Test
    void fieldsBeforeRules_aDoseOrderListsEveryInvalidFieldBeforeD3AndD4() {
        Chairside chair = Chairside.ivSession().walkTo(CHECKED_IN).at("17:05").vitals(150, 92, 74, 98);

        assertThat(chair.rejects(c -> c.orderDose("{'orderedMgPerKg': 1.2, 'capOverride': {'reason': ' '}}")))
                .containsExactly("capOverride.reason");
    }

    @Test
    void fieldsBeforeRules_aDischargeTooEarlyWithAMissingChecklistItemIsA422() {
        Chairside chair = Chairside.ivSession().walkTo(DOSING).observedUntil1830();

        assertThat(chair.rejects(c -> c.discharge("{'checklist': {'alertAndOriented': true,"
                + " 'noNauseaNeedingTreatment': true}, 'escortPresent': true}")))
                .containsExactly("checklist.steadyOnStanding");
        assertThat(chair.rejects(c -> c.discharge("{'escortPresent': 'yes'}")))
                .containsExactly("checklist", "escortPresent");
    }

    @Test
    void fieldsBeforeRules_aDoseStartWithAFutureAtIsA422_beforeTheD3Check() {
        Chairside chair = Chairside.ivSession().walkTo(READY_TO_DOSE).at("17:12").vitals(148, 88, 74, 98);

        assertThat(chair.rejects(c -> c.startDose("{'at': @17:30}"))).containsExactly("at");
        chair.refuses(Chairside::startDose).is("D3_OVERRIDE_REQUIRED");
    }

    @Test
    void d1_everyFalseConfirmationIsUnmet_theFirstIsTheCode_theSessionStaysScheduled() {
        Chairside chair = Chairside.ivSession();

        chair.refuses(c -> c.checkIn("{'consentOnFile': true, 'escortConfirmed': false, 'fastingConfirmed': false,"
                        + " 'weightKg': 71.5}"))
                .is("D1_ESCORT_NOT_CONFIRMED", "D1_ESCORT_NOT_CONFIRMED", "D1_FASTING_NOT_CONFIRMED");
        chair.refuses(c -> c.checkIn("{'consentOnFile': false, 'escortConfirmed': false, 'fastingConfirmed': false,"
                        + " 'weightKg': 71.5}"))
                .is("D1_CONSENT_NOT_ON_FILE",
                        "D1_CONSENT_NOT_ON_FILE", "D1_ESCORT_NOT_CONFIRMED", "D1_FASTING_NOT_CONFIRMED");
        assertThat(chair.status()).isEqualTo(SCHEDULED);
        assertThat(chair.record()).isEqualTo(SessionDayRecord.empty());
    }

    @Test
    void sd17_aDosedSessionCanOnlyGoForward_neverCancelledNorDeferred() {
        for (SessionStatus dosed : List.of(DOSING, IN_OBSERVATION)) {
            Chairside chair = Chairside.ivSession().walkTo(dosed);
            chair.refuses(c -> c.cancel("{'reason': 'PATIENT_REQUEST'}")).is("STEP_OUT_OF_ORDER");
            chair.refuses(c -> c.defer("{'reason': 'CLINICIAN_DECISION'}")).is("STEP_OUT_OF_ORDER");
        }
    }

    @Test
    void sd17_neverDosedEndsAreFinal_noDischargeNoFurtherStep_andNothingWasGiven() {
        for (SessionStatus end : List.of(DEFERRED, CANCELLED, NO_SHOW)) {
            Chairside chair = Chairside.ivSession().walkTo(end);
            for (SessionAction action : SessionAction.values()) {
                chair.refuses(c -> c.perform(action)).is("STEP_OUT_OF_ORDER");
            }
            assertThat(chair.record().dose()).isNull();
            assertThat(chair.record().discharge()).isNull();
        }
    }
}
