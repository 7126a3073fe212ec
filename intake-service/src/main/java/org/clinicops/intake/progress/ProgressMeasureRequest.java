package org.clinicops.intake.progress;

import org.clinicops.intake.screening.Phq9;
import org.clinicops.intake.screening.ScreeningRequest;
import org.clinicops.support.request.JsonFields;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

/**
 * {@code {"phq9": [nine answers 0-3], "sessionId": "…" (optional)}}; who recorded it is the token's staff id (a body
 * member {@code recordedBy} is ignored).
 */
public record ProgressMeasureRequest(List<Integer> phq9, UUID sessionId) {

    /** @throws org.clinicops.support.web.InvalidRequestException naming every bad field */
    public static ProgressMeasureRequest read(JsonNode body) {
        JsonFields fields = new JsonFields(body);
        List<Integer> items = ScreeningRequest.requiredItems(fields.field("phq9"), Phq9.ITEMS, Phq9.ITEM_MAX);
        UUID sessionId = fields.field("sessionId").optionalUuid();
        fields.throwIfInvalid();
        return new ProgressMeasureRequest(items, sessionId);
    }
}
