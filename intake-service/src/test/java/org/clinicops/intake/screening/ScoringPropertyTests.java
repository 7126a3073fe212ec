package org.clinicops.intake.screening;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.clinicops.intake.patient.SexAtBirth;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Any valid answers score inside the instrument's range, in the band that range maps to (CLINICAL section 2). */
class ScoringPropertyTests {

    @Property
    void phq9TotalsStayIn0To27(@ForAll @Size(9) List<@IntRange(min = 0, max = 3) Integer> items) {
        Phq9 phq9 = new Phq9(items);

        assertThat(phq9.total()).isBetween(0, 27);
        assertThat(phq9.severity()).isEqualTo(new Phq9(Answers.itemsWithTotal(phq9.total(), 9, 3)).severity());
    }

    @Property
    void gad7TotalsStayIn0To21(@ForAll @Size(7) List<@IntRange(min = 0, max = 3) Integer> items) {
        assertThat(new Gad7(items).total()).isBetween(0, 21);
    }

    @Property
    void pcl5TotalsStayIn0To80AndProbablePtsdExactlyFrom33(
            @ForAll @Size(20) List<@IntRange(min = 0, max = 4) Integer> items) {
        Pcl5 pcl5 = new Pcl5(items);

        assertThat(pcl5.total()).isBetween(0, 80);
        assertThat(pcl5.result() == Pcl5.Result.PROBABLE_PTSD).isEqualTo(pcl5.total() >= 33);
    }

    @Property
    void auditCTotalsStayIn0To12AndAMaleIsNeverPositiveWhereAFemaleIsNot(
            @ForAll @Size(3) List<@IntRange(min = 0, max = 4) Integer> items) {
        AuditC auditC = new AuditC(items);

        assertThat(auditC.total()).isBetween(0, 12);
        if (auditC.result(SexAtBirth.MALE) == AuditC.Result.POSITIVE) {
            assertThat(auditC.result(SexAtBirth.FEMALE)).isEqualTo(AuditC.Result.POSITIVE);
        }
        assertThat(auditC.result(null)).isEqualTo(auditC.result(SexAtBirth.FEMALE));
    }

    @Property
    void dast10TotalsStayIn0To10AndFlippingItem3MovesTheTotalByOne(@ForAll @Size(10) List<Boolean> answers) {
        Dast10 dast10 = new Dast10(answers);
        List<Boolean> flipped = new ArrayList<>(answers);
        flipped.set(2, !answers.get(2));

        assertThat(dast10.total()).isBetween(0, 10);
        assertThat(Math.abs(new Dast10(flipped).total() - dast10.total())).isEqualTo(1);
    }
}
