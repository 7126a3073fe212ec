package org.clinicops.intake.screening;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Gad7Tests {

    @ParameterizedTest(name = "total {0} is {1}")
    @CsvSource({
            "0, MINIMAL", "4, MINIMAL",
            "5, MILD", "9, MILD",
            "10, MODERATE", "14, MODERATE",
            "15, SEVERE", "21, SEVERE"})
    void bandsOfClinicalSection2(int total, Gad7.Severity severity) {
        Gad7 gad7 = new Gad7(Answers.itemsWithTotal(total, 7, 3));

        assertThat(gad7.total()).isEqualTo(total);
        assertThat(gad7.score()).isEqualTo(new InstrumentScore(total, severity.name()));
    }

    @Test
    void refusesAnswersOutsideTheInstrument() {
        assertThatThrownBy(() -> new Gad7(List.of(0, 0, 0, 0, 0, 0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Gad7(List.of(0, 0, 0, 0, 0, 0, 4))).isInstanceOf(IllegalArgumentException.class);
    }
}
