package org.clinicops.intake.screening;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Dast10Tests {

    @Test
    void item3IsReverseScored() {
        List<Boolean> allNo = Collections.nCopies(10, false);
        List<Boolean> onlyItem3Yes = new ArrayList<>(allNo);
        onlyItem3Yes.set(2, true);
        List<Boolean> allYes = Collections.nCopies(10, true);

        // CLINICAL section 3: all ten "no" score 1 (LOW)
        assertThat(new Dast10(allNo).score()).isEqualTo(new InstrumentScore(1, "LOW"));
        assertThat(new Dast10(onlyItem3Yes).score()).isEqualTo(new InstrumentScore(0, "NONE"));
        assertThat(new Dast10(allYes).score()).isEqualTo(new InstrumentScore(9, "SEVERE"));
    }

    @ParameterizedTest(name = "{0} other yes, item 3 {1}: total {2} {3}")
    @CsvSource({
            "0, true, 0, NONE",
            "1, true, 1, LOW", "0, false, 1, LOW", "2, true, 2, LOW",
            "3, true, 3, MODERATE", "2, false, 3, MODERATE", "5, true, 5, MODERATE",
            "6, true, 6, SUBSTANTIAL", "8, true, 8, SUBSTANTIAL",
            "9, true, 9, SEVERE", "8, false, 9, SEVERE", "9, false, 10, SEVERE"})
    void bandsOfClinicalSection2(int otherYes, boolean item3, int total, Dast10.Severity severity) {
        List<Boolean> answers = new ArrayList<>();
        for (int i = 0, yes = 0; i < 10; i++) {
            if (i == 2) {
                answers.add(item3);
            } else {
                answers.add(yes++ < otherYes);
            }
        }

        assertThat(new Dast10(answers).score()).isEqualTo(new InstrumentScore(total, severity.name()));
    }

    @Test
    void refusesAWrongNumberOfAnswers() {
        assertThatThrownBy(() -> new Dast10(Collections.nCopies(9, false)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
