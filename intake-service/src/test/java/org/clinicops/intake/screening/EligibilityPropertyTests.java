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
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the eligibility rules over many screenings (CLINICAL section 4). */
class EligibilityPropertyTests {

    static final LocalDate BORN = LocalDate.parse("1984-03-09");
    static final LocalDate TODAY = LocalDate.parse("2026-11-20");

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
