package org.clinicops.intake.screening;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.intake.Examples;
import org.clinicops.intake.IntakeHttp;
import org.clinicops.intake.JsonEdit;
import org.clinicops.intake.patient.SexAtBirth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicops.events.ScreeningOutcome.CRISIS_ESCALATION;
import static org.clinicops.events.ScreeningOutcome.ELIGIBLE;
import static org.clinicops.events.ScreeningOutcome.INELIGIBLE;
import static org.clinicops.events.ScreeningOutcome.NEEDS_CLINICIAN_REVIEW;

/** Properties of the eligibility rules over many screenings (CLINICAL section 4). */
class EligibilityPropertyTests {

    // Examples.SCREENING's patient and screening day, moved with the test clock as the example is
    static final LocalDate BORN = LocalDate.parse(Examples.DANA_BORN);
    static final LocalDate TODAY = LocalDate.parse(Examples.TODAY);

    @Property
    void theOutcomeDoesNotDependOnTheOrderOfConditionsOrMedications(
            @ForAll @Size(max = 8) List<Condition> conditions,
            @ForAll @Size(max = 5) List<Medication> medications,
            @ForAll long seed) {
        List<Condition> shuffledConditions = new ArrayList<>(conditions);
        List<Medication> shuffledMedications = new ArrayList<>(medications);
        Collections.shuffle(shuffledConditions, new Random(seed));
        Collections.shuffle(shuffledMedications, new Random(seed + 1));

        Assessment given = assessRequest(conditions, medications);
        Assessment shuffled = assessRequest(shuffledConditions, shuffledMedications);

        assertThat(shuffled.outcome()).isEqualTo(given.outcome());
        assertThat(new HashSet<>(shuffled.reasons())).isEqualTo(new HashSet<>(given.reasons()));
        // duplicates give one reason each
        assertThat(given.reasons()).doesNotHaveDuplicates()
                .containsAll(conditions.stream().map(Enum::name).toList())
                .containsAll(medications.stream().map(Enum::name).toList());
    }

    @Property
    void aPositivePhq9Item9OrHighCssrsRiskAlwaysEscalatesAndTheOutcomeIsTheMostSevereFinding(
            @ForAll Indication indication,
            @ForAll @Size(9) List<@IntRange(min = 0, max = 3) Integer> phq9,
            @ForAll @Size(7) List<Boolean> cssrs,
            @ForAll @IntRange(min = 60, max = 220) int systolic,
            @ForAll @IntRange(min = 40, max = 130) int diastolic,
            @ForAll @Size(max = 4) List<Condition> conditions,
            @ForAll @Size(max = 3) List<Medication> medications,
            @ForAll @IntRange(min = 0, max = 5) int failedTrials,
            @ForAll boolean onMoodStabilizer,
            @ForAll @IntRange(min = 1940, max = 2020) int birthYear,
            @ForAll SexAtBirth sexAtBirth) {
        Answers answers = Answers.example().indication(indication)
                .bloodPressure(systolic, diastolic)
                .conditions(conditions.toArray(Condition[]::new))
                .medications(medications.toArray(Medication[]::new));
        answers.phq9 = phq9;
        answers.cssrs = new Cssrs(cssrs.get(0), cssrs.get(1), cssrs.get(2), cssrs.get(3), cssrs.get(4),
                cssrs.get(5), cssrs.get(6));
        answers.failedTrials = failedTrials;
        answers.onMoodStabilizer = onMoodStabilizer;
        answers.dateOfBirth = LocalDate.of(birthYear, 6, 1);
        answers.sexAtBirth = sexAtBirth;

        Assessment assessment = answers.assess();

        boolean crisis = phq9.get(8) >= 1 || answers.cssrs.risk() == Cssrs.Risk.HIGH;
        assertThat(assessment.outcome() == ScreeningOutcome.CRISIS_ESCALATION).isEqualTo(crisis);
        assertThat(assessment.outcome() == ScreeningOutcome.ELIGIBLE).isEqualTo(assessment.findings().isEmpty());
        assertThat(assessment.reasons()).doesNotHaveDuplicates();
        assessment.findings().forEach(finding ->
                assertThat(finding.outcome().ordinal()).isGreaterThanOrEqualTo(assessment.outcome().ordinal()));
        assertThat(assessment.findings().stream().filter(f -> f.code().startsWith("BP_")).count()).isLessThanOrEqualTo(1);
    }

    /**
     * One way to make a rule of CLINICAL section 4 hold, changing nothing another rule reads against it, with the
     * outcome it guarantees whatever the rest of the screening (S-11 to S-14 hold for their indication only).
     */
    enum Trigger {
        S1(CRISIS_ESCALATION, answers -> answers.phq9Item9(Math.max(1, answers.phq9.get(8)))),
        S2(CRISIS_ESCALATION, answers -> answers.cssrs = cssrs(answers.cssrs, 3)),
        S3(NEEDS_CLINICIAN_REVIEW, answers -> answers.cssrs = cssrs(answers.cssrs, 2)),
        S4(NEEDS_CLINICIAN_REVIEW, answers -> answers.cssrs = cssrs(answers.cssrs, 0)),
        S5(INELIGIBLE, answers -> answers.dateOfBirth = answers.screenedOn.minusYears(17)),
        S6(INELIGIBLE, answers -> answers.systolic = Math.max(answers.systolic, 160)),
        S7(NEEDS_CLINICIAN_REVIEW, answers -> answers.systolic = Math.max(answers.systolic, 140)),
        S8(INELIGIBLE, answers -> answers.conditions = with(answers.conditions, Condition.PREGNANT)),
        S9(NEEDS_CLINICIAN_REVIEW, answers -> answers.conditions = with(answers.conditions, Condition.BREASTFEEDING)),
        S10(NEEDS_CLINICIAN_REVIEW, answers -> answers.medications = with(answers.medications, Medication.MAOI)),
        S11(ELIGIBLE, answers -> answers.failedTrials = 0),
        S12(ELIGIBLE, answers -> answers.onMoodStabilizer = false),
        // items 1-8 to 0: a total below 10, item 9 (S-1) kept
        S13(ELIGIBLE, answers -> {
            List<Integer> items = new ArrayList<>(Collections.nCopies(8, 0));
            items.add(answers.phq9.get(8));
            answers.phq9 = items;
        }),
        S14(ELIGIBLE, answers -> answers.pcl5 = Collections.nCopies(20, 0)),
        S15(NEEDS_CLINICIAN_REVIEW, answers -> answers.indication = Indication.OCD),
        S16(NEEDS_CLINICIAN_REVIEW, answers -> answers.auditC = List.of(4, 4, 4));

        private final ScreeningOutcome atLeast;
        private final Consumer<Answers> apply;

        Trigger(ScreeningOutcome atLeast, Consumer<Answers> apply) {
            this.atLeast = atLeast;
            this.apply = apply;
        }

        private static Cssrs cssrs(Cssrs given, int yes) {
            boolean[] answers = {given.wishToBeDead(), given.suicidalThoughts(), given.thoughtsWithMethod(),
                    given.intent(), given.intentWithPlan(), given.behaviorLifetime(), given.behaviorPast3Months()};
            answers[yes] = true;
            return new Cssrs(answers[0], answers[1], answers[2], answers[3], answers[4], answers[5], answers[6]);
        }

        private static <E extends Enum<E>> Set<E> with(Set<E> given, E added) {
            Set<E> set = new HashSet<>(given);
            set.add(added);
            return set;
        }
    }

    @Property(tries = 300)
    void addingAnyRulesTriggerNeverMakesTheOutcomeLessSevere(
            @ForAll Trigger trigger,
            @ForAll Indication indication,
            @ForAll @Size(9) List<@IntRange(min = 0, max = 3) Integer> phq9,
            @ForAll @Size(7) List<Boolean> cssrs,
            @ForAll @IntRange(min = 60, max = 220) int systolic,
            @ForAll @IntRange(min = 40, max = 130) int diastolic,
            @ForAll @Size(max = 3) List<Condition> conditions,
            @ForAll @Size(max = 2) List<Medication> medications,
            @ForAll @IntRange(min = 0, max = 4) int failedTrials,
            @ForAll boolean onMoodStabilizer,
            @ForAll @IntRange(min = 1940, max = 2012) int birthYear) {
        Answers answers = Answers.example().indication(indication)
                .bloodPressure(systolic, diastolic)
                .conditions(conditions.toArray(Condition[]::new))
                .medications(medications.toArray(Medication[]::new));
        answers.phq9 = phq9;
        answers.cssrs = new Cssrs(cssrs.get(0), cssrs.get(1), cssrs.get(2), cssrs.get(3), cssrs.get(4),
                cssrs.get(5), cssrs.get(6));
        answers.failedTrials = failedTrials;
        answers.onMoodStabilizer = onMoodStabilizer;
        answers.dateOfBirth = LocalDate.of(birthYear, 6, 1);
        Assessment before = answers.assess();

        trigger.apply.accept(answers);
        Assessment after = answers.assess();

        // ScreeningOutcome is declared most severe first (CLINICAL section 4 precedence)
        assertThat(after.outcome().ordinal()).as("%s: %s -> %s", trigger, before.reasons(), after.reasons())
                .isLessThanOrEqualTo(before.outcome().ordinal());
        assertThat(after.outcome().ordinal()).isLessThanOrEqualTo(trigger.atLeast.ordinal());
    }

    private static Assessment assessRequest(List<Condition> conditions, List<Medication> medications) {
        String body = JsonEdit.of(Examples.SCREENING)
                .set("/history/conditions", codes(conditions))
                .set("/history/medications", codes(medications)).json();
        ScreeningAnswers answers = ScreeningRequest.read(IntakeHttp.parse(body), BORN, TODAY);
        return EligibilityRules.assess(answers, BORN, SexAtBirth.FEMALE);
    }

    private static String codes(List<? extends Enum<?>> codes) {
        return codes.stream().map(code -> "\"" + code.name() + "\"")
                .collect(Collectors.joining(",", "[", "]"));
    }
}
