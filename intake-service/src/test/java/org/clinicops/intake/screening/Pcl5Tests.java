package org.clinicops.intake.screening;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Pcl5Tests {

    @ParameterizedTest(name = "total {0} is {1}")
    @CsvSource({"0, BELOW_CUTOFF", "32, BELOW_CUTOFF", "33, PROBABLE_PTSD", "34, PROBABLE_PTSD", "80, PROBABLE_PTSD"})
    void cutOff33OfClinicalSection2(int total, Pcl5.Result result) {
        Pcl5 pcl5 = new Pcl5(Answers.itemsWithTotal(total, 20, 4));

        assertThat(pcl5.total()).isEqualTo(total);
        assertThat(pcl5.score()).isEqualTo(new InstrumentScore(total, result.name()));
    }

    @Test
    void refusesAnswersOutsideTheInstrument() {
        assertThatThrownBy(() -> new Pcl5(Collections.nCopies(19, 0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pcl5(Collections.nCopies(20, 5))).isInstanceOf(IllegalArgumentException.class);
    }
}
