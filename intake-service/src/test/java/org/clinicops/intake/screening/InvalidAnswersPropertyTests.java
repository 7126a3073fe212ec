package org.clinicops.intake.screening;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.clinicops.intake.Examples;
import org.clinicops.intake.IntakeHttp;
import org.clinicops.intake.JsonEdit;
import org.clinicops.support.web.FieldError;
import org.clinicops.support.web.InvalidRequestException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * CLINICAL section 2: an answer outside its range or a wrong number of items is a validation error naming the item
 * (or, for a wrong count, the instrument), never a score; and answers within range are always scored.
 */
class InvalidAnswersPropertyTests {

    // Examples.SCREENING's patient and screening day, moved with the test clock as the example is
    static final LocalDate BORN = LocalDate.parse(Examples.DANA_BORN);
    static final LocalDate TODAY = LocalDate.parse(Examples.TODAY);

    /** The instruments scored by integer items, with their API names, item counts and ranges (CLINICAL section 2). */
    enum Scale {
        PHQ9("phq9", Phq9.ITEMS, Phq9.ITEM_MAX),
        GAD7("gad7", Gad7.ITEMS, Gad7.ITEM_MAX),
        PCL5("pcl5", Pcl5.ITEMS, Pcl5.ITEM_MAX),
        AUDIT_C("auditC", AuditC.ITEMS, AuditC.ITEM_MAX);

        final String name;
        final int items;
        final int max;

        Scale(String name, int items, int max) {
            this.name = name;
            this.items = items;
            this.max = max;
        }
    }

    @Property(tries = 300)
    void integerItemsAreScoredExactlyWhenAllAreInRangeAndOtherwiseEachBadItemIsNamed(
            @ForAll Scale scale,
            @ForAll @Size(max = 24) List<@IntRange(min = -3, max = 7) Integer> items) {
        List<String> expected = new ArrayList<>();
        if (items.size() != scale.items) {
            expected.add("instruments." + scale.name);
        } else {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) < 0 || items.get(i) > scale.max) {
                    expected.add("instruments." + scale.name + "[" + i + "]");
                }
            }
        }

        List<String> rejected = rejectedFields(scale.name, items.toString());

        assertThat(rejected).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Property(tries = 200)
    void anyOneItemOutOfRangeIsNamedWhateverItsDistance(
            @ForAll Scale scale,
            @ForAll @IntRange(min = 0, max = 19) int position,
            @ForAll @IntRange(min = 1, max = 1_000_000) int distance,
            @ForAll boolean below) {
        int index = position % scale.items;
        int value = below ? -distance : scale.max + distance;
        List<Integer> items = new ArrayList<>(Collections.nCopies(scale.items, 0));
        items.set(index, value);

        assertThat(rejectedFields(scale.name, items.toString()))
                .containsExactly("instruments." + scale.name + "[" + index + "]");
    }

    @Property(tries = 200)
    void dast10AnswersAreTenBooleansAndEachOtherAnswerIsNamed(@ForAll("dast10Answers") List<String> answers) {
        List<String> expected = new ArrayList<>();
        if (answers.size() != Dast10.ITEMS) {
            expected.add("instruments.dast10");
        } else {
            for (int i = 0; i < answers.size(); i++) {
                if (!answers.get(i).equals("true") && !answers.get(i).equals("false")) {
                    expected.add("instruments.dast10[" + i + "]");
                }
            }
        }

        List<String> rejected = rejectedFields("dast10", answers.stream().collect(Collectors.joining(",", "[", "]")));

        assertThat(rejected).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Provide
    Arbitrary<List<String>> dast10Answers() {
        return Arbitraries.of("true", "false", "true", "false", "0", "1", "\"no\"", "null", "2.5")
                .list().ofMaxSize(14);
    }

    /** The fields a 422 names for the example screening with one instrument replaced; empty when it is accepted. */
    private static List<String> rejectedFields(String instrument, String itemsJson) {
        String body = JsonEdit.of(Examples.SCREENING).set("/instruments/" + instrument, itemsJson).json();
        InvalidRequestException rejected = catchThrowableOfType(InvalidRequestException.class,
                () -> ScreeningRequest.read(IntakeHttp.parse(body), BORN, TODAY));
        return rejected == null ? List.of() : rejected.errors().stream().map(FieldError::field).toList();
    }
}
