package org.clinicops.intake.screening;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Phq9Tests {

    @ParameterizedTest(name = "total {0} is {1}")
    @CsvSource({
            "0, NONE_MINIMAL", "4, NONE_MINIMAL",
            "5, MILD", "9, MILD",
            "10, MODERATE", "14, MODERATE",
            "15, MODERATELY_SEVERE", "19, MODERATELY_SEVERE",
            "20, SEVERE", "27, SEVERE"})
    void bandsOfClinicalSection2(int total, Phq9.Severity severity) {
        Phq9 phq9 = new Phq9(Answers.itemsWithTotal(total, 9, 3));

        assertThat(phq9.total()).isEqualTo(total);
        assertThat(phq9.severity()).isEqualTo(severity);
        assertThat(phq9.score()).isEqualTo(new InstrumentScore(total, severity.name()));
    }

    @Test
    void item9IsTheLastItem() {
        assertThat(new Phq9(List.of(0, 0, 0, 0, 0, 0, 0, 0, 2)).item9()).isEqualTo(2);
        assertThat(new Phq9(List.of(3, 3, 3, 3, 3, 3, 3, 3, 0)).item9()).isZero();
    }

    @Test
    void refusesAnswersOutsideTheInstrument() {
        assertThatThrownBy(() -> new Phq9(List.of(0, 0, 0, 0, 0, 0, 0, 0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Phq9(List.of(0, 0, 0, 0, 0, 0, 0, 0, 4)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Phq9(List.of(-1, 0, 0, 0, 0, 0, 0, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
