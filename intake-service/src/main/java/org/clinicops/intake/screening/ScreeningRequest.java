package org.clinicops.intake.screening;

import org.clinicops.support.request.JsonField;
import org.clinicops.support.request.JsonFields;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads and checks a {@code POST /api/patients/{patientId}/screenings} body against CLINICAL section 3 and its
 * "Contract details", naming every invalid field by its path ({@code instruments.phq9[8]},
 * {@code instruments.pcl5}, {@code history.conditions[0]}, {@code vitals.weightKg} ...).
 */
public final class ScreeningRequest {

    private ScreeningRequest() {
    }

    /**
     * @param dateOfBirth the patient's: a screening cannot be dated before it
     * @param today       today in the clinic's time zone: the default screening date, and the latest allowed
     * @throws org.clinicops.support.web.InvalidRequestException naming every invalid field
     */
    public static ScreeningAnswers read(JsonNode body, LocalDate dateOfBirth, LocalDate today) {
        JsonFields fields = new JsonFields(body);
        Indication indication = fields.field("indication").requiredEnum(Indication.class);

        JsonField screenedOnField = fields.field("screenedOn");
        LocalDate screenedOn = screenedOnField.isAbsent() ? today : screenedOnField.optionalDate();
        if (screenedOn != null && screenedOn.isBefore(dateOfBirth)) {
            screenedOnField.reject("must not be before the patient's date of birth");
        } else if (screenedOn != null && screenedOn.isAfter(today)) {
            screenedOnField.reject("must not be in the future (today is " + today + " in the clinic)");
        }

        Instruments instruments = instruments(fields.field("instruments"), indication);
        History history = history(fields.field("history"));
        Vitals vitals = vitals(fields.field("vitals"));

        fields.throwIfInvalid();
        return new ScreeningAnswers(indication, screenedOn, instruments, history, vitals);
    }

    private static Instruments instruments(JsonField field, Indication indication) {
        if (!field.requireObject()) {
            return null;
        }
        // CLINICAL section 3: cssrs, phq9, gad7 always; pcl5 for PTSD; auditC and dast10 for SUBSTANCE_USE_WITH_MOOD.
        // An unknown indication requires nothing more; it is itself the error.
        boolean ptsd = indication == Indication.PTSD;
        boolean substanceUse = indication == Indication.SUBSTANCE_USE_WITH_MOOD;
        List<Integer> phq9 = integerItems(field.field("phq9"), true, Phq9.ITEMS, Phq9.ITEM_MAX);
        List<Integer> gad7 = integerItems(field.field("gad7"), true, Gad7.ITEMS, Gad7.ITEM_MAX);
        List<Integer> pcl5 = integerItems(field.field("pcl5"), ptsd, Pcl5.ITEMS, Pcl5.ITEM_MAX);
        List<Integer> auditC = integerItems(field.field("auditC"), substanceUse, AuditC.ITEMS, AuditC.ITEM_MAX);
        List<Boolean> dast10 = booleanItems(field.field("dast10"), substanceUse, Dast10.ITEMS);
        Cssrs cssrs = cssrs(field.field("cssrs"));
        if (phq9 == null || gad7 == null || cssrs == null) {
            return null;
        }
        return new Instruments(new Phq9(phq9), new Gad7(gad7), pcl5 == null ? null : new Pcl5(pcl5),
                auditC == null ? null : new AuditC(auditC), dast10 == null ? null : new Dast10(dast10), cssrs);
    }

    /** The items of an instrument, or null when not given or invalid (the problem recorded). */
    /** An instrument's answers at {@code field}: exactly {@code count} integers from 0 to {@code max}. */
    public static List<Integer> requiredItems(JsonField field, int count, int max) {
        return integerItems(field, true, count, max);
    }

    private static List<Integer> integerItems(JsonField field, boolean required, int count, int max) {
        List<JsonField> items = instrumentItems(field, required, count);
        if (items == null) {
            return null;
        }
        List<Integer> values = new ArrayList<>(count);
        for (JsonField item : items) {
            values.add(item.requiredInteger(0, max));
        }
        return values.contains(null) ? null : values;
    }

    private static List<Boolean> booleanItems(JsonField field, boolean required, int count) {
        List<JsonField> items = instrumentItems(field, required, count);
        if (items == null) {
            return null;
        }
        List<Boolean> values = new ArrayList<>(count);
        for (JsonField item : items) {
            values.add(item.requiredBoolean());
        }
        return values.contains(null) ? null : values;
    }

    private static List<JsonField> instrumentItems(JsonField field, boolean required, int count) {
        // null for an optional instrument means "not given"
        return required ? field.requiredArray(count) : field.optionalArray(count);
    }

    private static Cssrs cssrs(JsonField field) {
        if (!field.requireObject()) {
            return null;
        }
        Boolean wishToBeDead = field.field("wishToBeDead").requiredBoolean();
        Boolean suicidalThoughts = field.field("suicidalThoughts").requiredBoolean();
        Boolean thoughtsWithMethod = field.field("thoughtsWithMethod").requiredBoolean();
        Boolean intent = field.field("intent").requiredBoolean();
        Boolean intentWithPlan = field.field("intentWithPlan").requiredBoolean();
        Boolean behaviorLifetime = field.field("behaviorLifetime").requiredBoolean();
        Boolean behaviorPast3Months = field.field("behaviorPast3Months").requiredBoolean();
        if (wishToBeDead == null || suicidalThoughts == null || thoughtsWithMethod == null || intent == null
                || intentWithPlan == null || behaviorLifetime == null || behaviorPast3Months == null) {
            return null;
        }
        return new Cssrs(wishToBeDead, suicidalThoughts, thoughtsWithMethod, intent, intentWithPlan,
                behaviorLifetime, behaviorPast3Months);
    }

    private static History history(JsonField field) {
        if (!field.requireObject()) {
            return null;
        }
        Integer failedTrials = field.field("failedAntidepressantTrials").requiredInteger(0, Integer.MAX_VALUE);
        Boolean onMoodStabilizer = field.field("onMoodStabilizer").requiredBoolean();
        List<Condition> conditions = codes(field.field("conditions"), Condition.class);
        List<Medication> medications = codes(field.field("medications"), Medication.class);
        if (failedTrials == null || onMoodStabilizer == null || conditions == null || medications == null) {
            return null;
        }
        return new History(failedTrials, onMoodStabilizer, Set.copyOf(conditions),
                Set.copyOf(medications));
    }

    private static <E extends Enum<E>> List<E> codes(JsonField field, Class<E> type) {
        List<JsonField> items = field.requiredArray();
        if (items == null) {
            return null;
        }
        List<E> codes = new ArrayList<>(items.size());
        for (JsonField item : items) {
            codes.add(item.requiredEnum(type));
        }
        return codes.contains(null) ? null : codes;
    }

    private static Vitals vitals(JsonField field) {
        if (!field.requireObject()) {
            return null;
        }
        Double systolic = field.field("systolic").requiredPositiveNumber();
        Double diastolic = field.field("diastolic").requiredPositiveNumber();
        Double heartRate = field.field("heartRate").requiredPositiveNumber();
        Double weightKg = field.field("weightKg").requiredPositiveNumber();
        if (systolic == null || diastolic == null || heartRate == null || weightKg == null) {
            return null;
        }
        return new Vitals(systolic, diastolic, heartRate, weightKg);
    }
}
