package org.clinicops.intake.screening;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CssrsTests {

    /** Columns: Q1 wish to be dead, Q2 thoughts, Q3 with method, Q4 intent, Q5 plan, Q6 lifetime, Q6 past 3 months. */
    @ParameterizedTest(name = "{0} {1} {2} {3} {4} {5} {6}: {7}")
    @CsvSource({
            "false, false, false, false, false, false, false, NONE",
            "true,  false, false, false, false, false, false, LOW",
            "false, true,  false, false, false, false, false, LOW",
            "true,  true,  false, false, false, false, false, LOW",
            "false, false, true,  false, false, false, false, MODERATE",
            "false, false, false, false, false, true,  false, MODERATE",
            "true,  true,  true,  false, false, true,  false, MODERATE",
            "false, false, false, true,  false, false, false, HIGH",
            "false, false, false, false, true,  false, false, HIGH",
            "false, false, false, false, false, false, true,  HIGH",
            "true,  true,  true,  true,  true,  true,  true,  HIGH"})
    void riskOfClinicalSection2TakesAnswersAtFaceValue(boolean q1, boolean q2, boolean q3, boolean q4, boolean q5,
                                                       boolean q6Lifetime, boolean q6Recent, Cssrs.Risk risk) {
        Cssrs cssrs = new Cssrs(q1, q2, q3, q4, q5, q6Lifetime, q6Recent);

        assertThat(cssrs.risk()).isEqualTo(risk);
        assertThat(cssrs.score()).isEqualTo(new InstrumentScore(null, risk.name()));
    }
}
