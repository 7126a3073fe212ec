package org.clinicops.session.day;

import org.clinicops.events.CancellationReason;
import org.clinicops.events.DeferralReason;
import org.clinicops.support.request.JsonField;
import org.clinicops.support.request.JsonFields;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The bodies of the session-day actions, read field by field. Reading records every malformed field but throws
 * nothing: the session checks its status first, adds the time bounds only it knows, and then throws one 422 naming
 * every invalid field ({@link JsonFields#throwIfInvalid()}), as the contract's order of checks says.
 */
public final class SessionDayRequests {

    static final int NOTE_MAX = 2000;
    static final int SCALE_MAX = 50;
    static final int REASON_MAX = 2000;

    private SessionDayRequests() {
    }

    public record CheckInRequest(JsonFields fields, Boolean consentOnFile, Boolean escortConfirmed,
                                 Boolean fastingConfirmed, BigDecimal weightKg) {

        public static CheckInRequest read(JsonNode body) {
            JsonFields fields = new JsonFields(body);
            return new CheckInRequest(fields, fields.field("consentOnFile").requiredBoolean(),
                    fields.field("escortConfirmed").requiredBoolean(),
                    fields.field("fastingConfirmed").requiredBoolean(),
                    fields.field("weightKg").requiredPositiveDecimal());
        }
    }

    public record VitalsRequest(JsonFields fields, JsonField takenAtField, Integer systolic, Integer diastolic,
                                Integer heartRate, Integer spo2, Instant takenAt) {

        public static VitalsRequest read(JsonNode body) {
            JsonFields fields = new JsonFields(body);
            Integer systolic = fields.field("systolic").requiredInteger(1, Integer.MAX_VALUE);
            JsonField diastolicField = fields.field("diastolic");
            Integer diastolic = diastolicField.requiredInteger(1, Integer.MAX_VALUE);
            if (systolic != null && diastolic != null && diastolic >= systolic) {
                diastolicField.reject("must be below systolic (" + systolic + ")");
                diastolic = null;
            }
            Integer heartRate = fields.field("heartRate").requiredInteger(1, Integer.MAX_VALUE);
            Integer spo2 = fields.field("spo2").requiredInteger(1, 100);
            JsonField takenAtField = fields.field("takenAt");
            return new VitalsRequest(fields, takenAtField, systolic, diastolic, heartRate, spo2,
                    takenAtField.optionalInstant());
        }
    }

    public record EffectsRequest(JsonFields fields, JsonField observedAtField, Instant observedAt,
                                 Effects.Dissociation dissociation, List<Effects.SideEffect> sideEffects,
                                 boolean seriousAdverseEvent, String note) {

        public static EffectsRequest read(JsonNode body) {
            JsonFields fields = new JsonFields(body);
            JsonField observedAtField = fields.field("observedAt");
            Instant observedAt = observedAtField.optionalInstant();

            Effects.Dissociation dissociation = null;
            JsonField dissociationField = fields.field("dissociation");
            if (dissociationField.requireObject()) {
                Severity severity = dissociationField.field("severity").requiredEnum(Severity.class);
                JsonField scaleField = dissociationField.field("scale");
                String scale = scaleField.optionalString(SCALE_MAX);
                if (!scaleField.isAbsent() && scale == null && !scaleField.hasError()) {
                    scaleField.reject("must not be blank");
                }
                BigDecimal score = dissociationField.field("score").optionalNonNegativeDecimal();
                if (score != null && scale == null && !scaleField.hasError()) {
                    scaleField.reject("is required with a score: the score of which scale?");
                }
                dissociation = new Effects.Dissociation(severity, scale, score);
            }

            List<Effects.SideEffect> sideEffects = new ArrayList<>();
            List<JsonField> items = fields.field("sideEffects").requiredArray();
            Set<SideEffectCode> seen = EnumSet.noneOf(SideEffectCode.class);
            for (JsonField item : items == null ? List.<JsonField>of() : items) {
                if (!item.requireObject()) {
                    continue;
                }
                JsonField codeField = item.field("code");
                SideEffectCode code = codeField.requiredEnum(SideEffectCode.class);
                Severity severity = item.field("severity").requiredEnum(Severity.class);
                if (code != null && !seen.add(code)) {
                    codeField.reject(code + " is listed twice; record each side effect once");
                }
                sideEffects.add(new Effects.SideEffect(code, severity));
            }

            Boolean serious = fields.field("seriousAdverseEvent").optionalBoolean();
            String note = fields.field("note").optionalString(NOTE_MAX);
            return new EffectsRequest(fields, observedAtField, observedAt, dissociation, sideEffects,
                    Boolean.TRUE.equals(serious), note);
        }
    }

    /**
     * @param prescriberId       the ordering prescriber, from the token: a body member of that name is ignored
     * @param elevatedBpOverride the D-3 override's reason, or null; {@code capOverride} likewise for D-4
     */
    public record DoseOrderRequest(JsonFields fields, String prescriberId, BigDecimal orderedMgPerKg,
                                   BigDecimal orderedMg, String elevatedBpOverride, String capOverride) {

        /** @param byWeight IV and IM are ordered in mg/kg; esketamine in mg */
        public static DoseOrderRequest read(JsonNode body, boolean byWeight, String prescriberId) {
            JsonFields fields = new JsonFields(body);
            BigDecimal mgPerKg = byWeight ? fields.field("orderedMgPerKg").requiredPositiveDecimal() : null;
            BigDecimal mg = byWeight ? null : fields.field("orderedMg").requiredPositiveDecimal();
            return new DoseOrderRequest(fields, prescriberId, mgPerKg, mg,
                    overrideReason(fields.field("elevatedBpOverride")), overrideReason(fields.field("capOverride")));
        }

        private static String overrideReason(JsonField override) {
            if (!override.optionalObject()) {
                return null;
            }
            return override.field("reason").requiredString(REASON_MAX);
        }
    }

    public record DoseStartRequest(JsonFields fields, JsonField atField, Instant at) {

        public static DoseStartRequest read(JsonNode body) {
            JsonFields fields = new JsonFields(body);
            JsonField at = fields.field("at");
            return new DoseStartRequest(fields, at, at.optionalInstant());
        }
    }

    public record DoseEndRequest(JsonFields fields, JsonField atField, Instant at, JsonField givenMgField,
                                 BigDecimal givenMg) {

        public static DoseEndRequest read(JsonNode body) {
            JsonFields fields = new JsonFields(body);
            JsonField at = fields.field("at");
            JsonField givenMg = fields.field("givenMg");
            return new DoseEndRequest(fields, at, at.optionalInstant(), givenMg, givenMg.optionalPositiveDecimal());
        }
    }

    public record DischargeRequest(JsonFields fields, Discharge.Checklist checklist, Boolean escortPresent) {

        public static DischargeRequest read(JsonNode body) {
            JsonFields fields = new JsonFields(body);
            JsonField checklistField = fields.field("checklist");
            Discharge.Checklist checklist = null;
            if (checklistField.requireObject()) {
                Boolean oriented = checklistField.field("alertAndOriented").requiredBoolean();
                Boolean steady = checklistField.field("steadyOnStanding").requiredBoolean();
                Boolean noNausea = checklistField.field("noNauseaNeedingTreatment").requiredBoolean();
                if (oriented != null && steady != null && noNausea != null) {
                    checklist = new Discharge.Checklist(oriented, steady, noNausea);
                }
            }
            return new DischargeRequest(fields, checklist, fields.field("escortPresent").requiredBoolean());
        }
    }

    public record DeferRequest(JsonFields fields, DeferralReason reason, String note) {

        public static DeferRequest read(JsonNode body) {
            JsonFields fields = new JsonFields(body);
            return new DeferRequest(fields, fields.field("reason").requiredEnum(DeferralReason.class),
                    fields.field("note").optionalString(NOTE_MAX));
        }
    }

    public record CancelRequest(JsonFields fields, CancellationReason reason, String note) {

        public static CancelRequest read(JsonNode body) {
            JsonFields fields = new JsonFields(body);
            return new CancelRequest(fields, fields.field("reason").requiredEnum(CancellationReason.class),
                    fields.field("note").optionalString(NOTE_MAX));
        }
    }

    /** @param start the new start of the session's chair time */
    public record RescheduleRequest(JsonFields fields, JsonField startField, Instant start) {

        public static RescheduleRequest read(JsonNode body) {
            JsonFields fields = new JsonFields(body);
            JsonField start = fields.field("start");
            return new RescheduleRequest(fields, start, start.requiredInstant());
        }
    }
}
