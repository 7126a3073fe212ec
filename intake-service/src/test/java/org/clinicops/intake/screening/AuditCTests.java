package org.clinicops.intake.screening;

import org.clinicops.intake.patient.SexAtBirth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditCTests {

    @ParameterizedTest(name = "total {0}, sex at birth {1}: {2}")
    @CsvSource(nullValues = "UNKNOWN", value = {
            "0, FEMALE, NEGATIVE", "2, FEMALE, NEGATIVE", "3, FEMALE, POSITIVE", "4, FEMALE, POSITIVE",
            "2, UNKNOWN, NEGATIVE", "3, UNKNOWN, POSITIVE", "4, UNKNOWN, POSITIVE",
            "3, MALE, NEGATIVE", "4, MALE, POSITIVE", "5, MALE, POSITIVE", "12, MALE, POSITIVE"})
    void cutOffIsFourForMaleAndThreeForFemaleOrUnknown(int total, SexAtBirth sex, AuditC.Result result) {
        AuditC auditC = new AuditC(Answers.itemsWithTotal(total, 3, 4));

        assertThat(auditC.total()).isEqualTo(total);
        assertThat(auditC.result(sex)).isEqualTo(result);
        assertThat(auditC.score(sex)).isEqualTo(new InstrumentScore(total, result.name()));
    }

    @Test
    void refusesAnswersOutsideTheInstrument() {
        assertThatThrownBy(() -> new AuditC(List.of(1, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuditC(List.of(0, 0, 5))).isInstanceOf(IllegalArgumentException.class);
    }
}
