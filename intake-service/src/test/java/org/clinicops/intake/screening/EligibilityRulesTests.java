package org.clinicops.intake.screening;

import org.clinicops.events.ScreeningOutcome;
import org.clinicops.intake.patient.SexAtBirth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicops.events.ScreeningOutcome.CRISIS_ESCALATION;
import static org.clinicops.events.ScreeningOutcome.ELIGIBLE;
import static org.clinicops.events.ScreeningOutcome.INELIGIBLE;
import static org.clinicops.events.ScreeningOutcome.NEEDS_CLINICIAN_REVIEW;

/** The rules of CLINICAL section 4, each at its threshold, and the precedence of outcomes. */
class EligibilityRulesTests {

    @Test
    void theContractExampleFiresNoRule() {
        Assessment assessment = Answers.example().assess();

        assertThat(assessment.outcome()).isEqualTo(ELIGIBLE);
        assertThat(assessment.reasons()).isEmpty();
        assertThat(assessment.findings()).isEmpty();
    }

    @Test
    void theContractExampleWithOneFailedTrialNeedsReviewForTrd() {
        Answers answers = Answers.example();
        answers.failedTrials = 1;

        Assessment assessment = answers.assess();

        assertThat(assessment.outcome()).isEqualTo(NEEDS_CLINICIAN_REVIEW);
        assertThat(assessment.reasons()).containsExactly("TRD_NOT_ESTABLISHED");
        assertThat(assessment.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("S-11");
            assertThat(finding.outcome()).isEqualTo(NEEDS_CLINICIAN_REVIEW);
            assertThat(finding.explanation()).isNotBlank();
        });
    }

    @ParameterizedTest(name = "item 9 = {0}")
    @CsvSource({"0, ELIGIBLE", "1, CRISIS_ESCALATION", "2, CRISIS_ESCALATION", "3, CRISIS_ESCALATION"})
    void s1AnyAnswerAboveZeroOnPhq9Item9Escalates(int item9, ScreeningOutcome outcome) {
        Assessment assessment = Answers.example().phq9Item9(item9).assess();

        assertThat(assessment.outcome()).isEqualTo(outcome);
        assertThat(assessment.reasons().contains("PHQ9_ITEM9_POSITIVE")).isEqualTo(item9 >= 1);
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            "wishToBeDead, CSSRS_LOW_RISK, NEEDS_CLINICIAN_REVIEW",
            "suicidalThoughts, CSSRS_LOW_RISK, NEEDS_CLINICIAN_REVIEW",
            "thoughtsWithMethod, CSSRS_MODERATE_RISK, NEEDS_CLINICIAN_REVIEW",
            "behaviorLifetime, CSSRS_MODERATE_RISK, NEEDS_CLINICIAN_REVIEW",
            "intent, CSSRS_HIGH_RISK, CRISIS_ESCALATION",
            "intentWithPlan, CSSRS_HIGH_RISK, CRISIS_ESCALATION",
            "behaviorPast3Months, CSSRS_HIGH_RISK, CRISIS_ESCALATION"})
    void s2ToS4CssrsRiskDecides(String yes, String reason, ScreeningOutcome outcome) {
        Answers answers = Answers.example();
        answers.cssrs = new Cssrs(yes.equals("wishToBeDead"), yes.equals("suicidalThoughts"),
                yes.equals("thoughtsWithMethod"), yes.equals("intent"), yes.equals("intentWithPlan"),
                yes.equals("behaviorLifetime"), yes.equals("behaviorPast3Months"));

        Assessment assessment = answers.assess();

        assertThat(assessment.outcome()).isEqualTo(outcome);
        assertThat(assessment.reasons()).containsExactly(reason);
    }

    @ParameterizedTest(name = "born {0}, screened {1}: under 18 {2}")
    @CsvSource({
            "2008-11-21, 2026-11-20, true",
            "2008-11-20, 2026-11-20, false",
            "2008-11-19, 2026-11-20, false",
            "2008-02-29, 2026-02-28, true",
            "2008-02-29, 2026-03-01, false",
            "2010-02-28, 2026-11-20, true"})
    void s5UnderEighteenOnTheScreeningDateIsIneligible(LocalDate born, LocalDate screenedOn, boolean under18) {
        Answers answers = Answers.example();
        answers.dateOfBirth = born;
        answers.screenedOn = screenedOn;

        Assessment assessment = answers.assess();

        assertThat(assessment.reasons().contains("AGE_UNDER_18")).isEqualTo(under18);
        assertThat(assessment.outcome()).isEqualTo(under18 ? INELIGIBLE : ELIGIBLE);
    }

    @ParameterizedTest(name = "born {0}, on {1}: {2}")
    @CsvSource({
            "2008-02-29, 2026-02-28, 17",
            "2008-02-29, 2026-03-01, 18",
            "2008-02-29, 2028-02-28, 19",
            "2008-02-29, 2028-02-29, 20",
            "1990-06-15, 2026-06-14, 35",
            "1990-06-15, 2026-06-15, 36",
            "1990-06-15, 2026-06-16, 36",
            "2026-11-20, 2026-11-20, 0"})
    void ageCountsCompletedYearsAndLeapDayBirthdaysTurnOnTheFirstOfMarch(LocalDate born, LocalDate on, int age) {
        assertThat(EligibilityRules.ageOn(born, on)).isEqualTo(age);
    }

    @ParameterizedTest(name = "{0}/{1} mmHg: {2}")
    @CsvSource(nullValues = "NONE", value = {
            "139, 82, NONE", "140, 82, BP_ELEVATED", "141, 82, BP_ELEVATED",
            "159, 82, BP_ELEVATED", "160, 82, BP_UNCONTROLLED", "161, 82, BP_UNCONTROLLED",
            "128, 89, NONE", "128, 90, BP_ELEVATED", "128, 91, BP_ELEVATED",
            "128, 99, BP_ELEVATED", "128, 100, BP_UNCONTROLLED", "128, 101, BP_UNCONTROLLED",
            "159.9, 99.9, BP_ELEVATED", "139.9, 89.9, NONE",
            "165, 95, BP_UNCONTROLLED", "150, 105, BP_UNCONTROLLED", "150, 95, BP_ELEVATED"})
    void s6UncontrolledBloodPressureIsIneligibleAndS7ElevatedOnlyWithoutS6(double systolic, double diastolic,
                                                                          String reason) {
        Assessment assessment = Answers.example().bloodPressure(systolic, diastolic).assess();

        if (reason == null) {
            assertThat(assessment.reasons()).isEmpty();
        } else {
            // never both: S-7 holds only when S-6 does not
            assertThat(assessment.reasons()).containsExactly(reason);
            assertThat(assessment.outcome()).isEqualTo(reason.equals("BP_UNCONTROLLED") ? INELIGIBLE
                    : NEEDS_CLINICIAN_REVIEW);
        }
    }

    @ParameterizedTest
    @EnumSource(Condition.class)
    void s8AndS9EachConditionGivesItsTableOutcomeUnderItsOwnCode(Condition condition) {
        Assessment assessment = Answers.example().conditions(condition).assess();

        assertThat(assessment.reasons()).containsExactly(condition.name());
        assertThat(assessment.outcome()).isEqualTo(condition.outcome());
        assertThat(assessment.findings().getFirst().rule())
                .isEqualTo(condition.outcome() == INELIGIBLE ? "S-8" : "S-9");
    }

    @Test
    void theConditionTableHasEightIneligibleAndSevenReviewConditions() {
        assertThat(Arrays.stream(Condition.values()).filter(c -> c.outcome() == INELIGIBLE)).hasSize(8);
        assertThat(Arrays.stream(Condition.values()).filter(c -> c.outcome() == NEEDS_CLINICIAN_REVIEW)).hasSize(7);
    }

    @Test
    void s8WithS9IsIneligibleWithBothReasons() {
        Assessment assessment = Answers.example()
                .conditions(Condition.KETAMINE_HYPERSENSITIVITY, Condition.CARDIOVASCULAR_DISEASE).assess();

        assertThat(assessment.outcome()).isEqualTo(INELIGIBLE);
        assertThat(assessment.reasons())
                .containsExactlyInAnyOrder("KETAMINE_HYPERSENSITIVITY", "CARDIOVASCULAR_DISEASE");
    }

    @Test
    void aListedUncontrolledHypertensionAndAMeasuredElevatedPressureBothFire() {
        Assessment assessment = Answers.example().conditions(Condition.UNCONTROLLED_HYPERTENSION)
                .bloodPressure(145, 85).assess();

        assertThat(assessment.outcome()).isEqualTo(INELIGIBLE);
        assertThat(assessment.reasons()).containsExactlyInAnyOrder("UNCONTROLLED_HYPERTENSION", "BP_ELEVATED");
    }

    @ParameterizedTest
    @EnumSource(Medication.class)
    void s10EachListedMedicationNeedsReview(Medication medication) {
        Assessment assessment = Answers.example().medications(medication).assess();

        assertThat(assessment.outcome()).isEqualTo(NEEDS_CLINICIAN_REVIEW);
        assertThat(assessment.reasons()).containsExactly(medication.name());
        assertThat(assessment.findings().getFirst().rule()).isEqualTo("S-10");
    }

    @ParameterizedTest(name = "{0} with {1} failed trials: {2}")
    @CsvSource({
            "DEPRESSION, 0, true", "DEPRESSION, 1, true", "DEPRESSION, 2, false", "DEPRESSION, 3, false",
            "BIPOLAR_DEPRESSION, 0, false", "PTSD, 0, false", "OCD, 1, false"})
    void s11TrdNeedsTwoFailedTrialsForDepressionOnly(Indication indication, int trials, boolean fires) {
        Answers answers = Answers.example().indication(indication);
        answers.failedTrials = trials;
        answers.onMoodStabilizer = true;
        answers.pcl5 = Answers.itemsWithTotal(40, 20, 4);

        assertThat(answers.assess().reasons().contains("TRD_NOT_ESTABLISHED")).isEqualTo(fires);
    }

    @ParameterizedTest(name = "{0}, on a mood stabilizer {1}: {2}")
    @CsvSource({
            "BIPOLAR_DEPRESSION, false, true", "BIPOLAR_DEPRESSION, true, false",
            "DEPRESSION, false, false", "PTSD, false, false"})
    void s12BipolarDepressionNeedsAMoodStabilizer(Indication indication, boolean onMoodStabilizer, boolean fires) {
        Answers answers = Answers.example().indication(indication);
        answers.onMoodStabilizer = onMoodStabilizer;
        answers.pcl5 = Answers.itemsWithTotal(40, 20, 4);

        Assessment assessment = answers.assess();

        assertThat(assessment.reasons().contains("BIPOLAR_WITHOUT_MOOD_STABILIZER")).isEqualTo(fires);
        if (fires) {
            assertThat(assessment.reasons()).containsExactly("BIPOLAR_WITHOUT_MOOD_STABILIZER");
            assertThat(assessment.outcome()).isEqualTo(NEEDS_CLINICIAN_REVIEW);
        }
    }

    @ParameterizedTest(name = "{0} with PHQ-9 total {1}: {2}")
    @CsvSource({
            "DEPRESSION, 9, true", "DEPRESSION, 10, false", "DEPRESSION, 11, false",
            "BIPOLAR_DEPRESSION, 9, true", "BIPOLAR_DEPRESSION, 10, false", "BIPOLAR_DEPRESSION, 11, false",
            "PTSD, 9, false", "OCD, 0, false", "CHRONIC_PAIN, 4, false"})
    void s13DepressionBelowModerateNeedsReview(Indication indication, int phq9Total, boolean fires) {
        Answers answers = Answers.example().indication(indication);
        answers.phq9 = Answers.phq9WithTotal(phq9Total);
        answers.onMoodStabilizer = true;
        answers.pcl5 = Answers.itemsWithTotal(40, 20, 4);

        Assessment assessment = answers.assess();

        assertThat(assessment.reasons().contains("DEPRESSION_BELOW_MODERATE")).isEqualTo(fires);
        if (fires) {
            assertThat(assessment.reasons()).containsExactly("DEPRESSION_BELOW_MODERATE");
        }
    }

    @ParameterizedTest(name = "{0} with PCL-5 total {1}: {2}")
    @CsvSource({"PTSD, 32, true", "PTSD, 33, false", "PTSD, 34, false", "DEPRESSION, 10, false"})
    void s14PtsdBelowThePcl5CutOffNeedsReview(Indication indication, int pcl5Total, boolean fires) {
        Answers answers = Answers.example().indication(indication);
        answers.pcl5 = Answers.itemsWithTotal(pcl5Total, 20, 4);

        Assessment assessment = answers.assess();

        assertThat(assessment.reasons().contains("PCL5_BELOW_CUTOFF")).isEqualTo(fires);
        assertThat(assessment.outcome()).isEqualTo(fires ? NEEDS_CLINICIAN_REVIEW : ELIGIBLE);
    }

    @ParameterizedTest
    @EnumSource(Indication.class)
    void s15OcdChronicPainAndSubstanceUseNeedAPrescribersPlan(Indication indication) {
        Answers answers = Answers.example().indication(indication);
        answers.onMoodStabilizer = true;
        answers.pcl5 = Answers.itemsWithTotal(40, 20, 4);
        boolean fires = indication == Indication.OCD || indication == Indication.CHRONIC_PAIN
                || indication == Indication.SUBSTANCE_USE_WITH_MOOD;

        Assessment assessment = answers.assess();

        assertThat(assessment.reasons()).isEqualTo(fires ? List.of("INDICATION_NEEDS_PRESCRIBER_PLAN") : List.of());
    }

    @ParameterizedTest(name = "AUDIT-C {0} ({1}), DAST-10 {2}: {3}")
    @CsvSource(nullValues = "UNKNOWN", value = {
            "2, FEMALE, 2, false", "3, FEMALE, 2, true", "4, FEMALE, 2, true",
            "3, UNKNOWN, 0, true", "2, UNKNOWN, 0, false",
            "3, MALE, 2, false", "4, MALE, 2, true", "5, MALE, 2, true",
            "0, MALE, 3, true", "0, MALE, 4, true",
            "4, FEMALE, 6, true"})
    void s16SubstanceScreenPositiveOnAuditCOrDast10(int auditCTotal, SexAtBirth sex, int dast10Total,
                                                   boolean fires) {
        Answers answers = Answers.example();
        answers.sexAtBirth = sex;
        answers.auditC = Answers.itemsWithTotal(auditCTotal, 3, 4);
        answers.dast10 = dast10WithTotal(dast10Total);

        Assessment assessment = answers.assess();

        assertThat(assessment.reasons()).isEqualTo(fires ? List.of("SUBSTANCE_SCREEN_POSITIVE") : List.of());
    }

    @ParameterizedTest
    @EnumSource(Indication.class)
    void s16AppliesToEveryIndicationOnWhicheverScreensWereGiven(Indication indication) {
        Answers onlyDast = Answers.example().indication(indication);
        onlyDast.auditC = null;
        onlyDast.dast10 = dast10WithTotal(3);
        onlyDast.pcl5 = Answers.itemsWithTotal(40, 20, 4);
        Answers neither = Answers.example().indication(indication);
        neither.auditC = null;
        neither.dast10 = null;
        neither.pcl5 = Answers.itemsWithTotal(40, 20, 4);

        assertThat(onlyDast.assess().reasons()).contains("SUBSTANCE_SCREEN_POSITIVE");
        assertThat(neither.assess().reasons()).doesNotContain("SUBSTANCE_SCREEN_POSITIVE");
    }

    @Test
    void precedenceCrisisOverIneligibleOverReview() {
        Answers crisis = Answers.example().phq9Item9(1)
                .conditions(Condition.PREGNANT, Condition.ACTIVE_PSYCHOSIS).bloodPressure(170, 105);
        crisis.failedTrials = 0;
        crisis.dateOfBirth = LocalDate.parse("2010-01-01");
        Answers ineligible = Answers.example().conditions(Condition.PREGNANT).bloodPressure(145, 85)
                .medications(Medication.BENZODIAZEPINE);
        ineligible.failedTrials = 0;

        Assessment crisisAssessment = crisis.assess();
        Assessment ineligibleAssessment = ineligible.assess();

        assertThat(crisisAssessment.outcome()).isEqualTo(CRISIS_ESCALATION);
        assertThat(crisisAssessment.reasons()).containsExactlyInAnyOrder("PHQ9_ITEM9_POSITIVE", "AGE_UNDER_18",
                "BP_UNCONTROLLED", "PREGNANT", "ACTIVE_PSYCHOSIS", "TRD_NOT_ESTABLISHED");
        assertThat(ineligibleAssessment.outcome()).isEqualTo(INELIGIBLE);
        assertThat(ineligibleAssessment.reasons()).containsExactlyInAnyOrder("PREGNANT", "BP_ELEVATED",
                "BENZODIAZEPINE", "TRD_NOT_ESTABLISHED");
    }

    @Test
    void cssrsHighRiskEscalatesAboveAnIneligibleAge() {
        Answers answers = Answers.example();
        answers.cssrs = new Cssrs(false, false, false, true, false, false, false);
        answers.dateOfBirth = LocalDate.parse("2012-05-05");

        assertThat(answers.assess().outcome()).isEqualTo(CRISIS_ESCALATION);
        assertThat(answers.assess().reasons()).containsExactlyInAnyOrder("CSSRS_HIGH_RISK", "AGE_UNDER_18");
    }

    @Test
    void everyFindingNamesItsRuleAndExplainsItselfInOneLine() {
        Answers answers = Answers.example().phq9Item9(2).conditions(Condition.PREGNANT, Condition.BREASTFEEDING)
                .medications(Medication.MAOI).bloodPressure(150, 80);
        answers.failedTrials = 0;
        answers.auditC = List.of(4, 4, 4);

        assertThat(answers.assess().findings()).allSatisfy(finding -> {
            assertThat(finding.rule()).matches("S-([1-9]|1[0-6])");
            assertThat(finding.explanation()).isNotBlank().doesNotContain("\n");
        });
    }

    private static List<Boolean> dast10WithTotal(int total) {
        // item 3 (index 2) answered "yes" scores 0; each other "yes" scores 1
        Boolean[] answers = new Boolean[10];
        Arrays.fill(answers, false);
        answers[2] = true;
        for (int i = 0, given = 0; given < total; i++) {
            if (i != 2) {
                answers[i] = true;
                given++;
            }
        }
        return List.of(answers);
    }
}
