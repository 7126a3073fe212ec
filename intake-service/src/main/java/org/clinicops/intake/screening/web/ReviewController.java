package org.clinicops.intake.screening.web;

import org.clinicops.intake.screening.ScreeningRecorder;
import org.clinicops.intake.screening.ScreeningReviewer;
import org.clinicops.intake.screening.ScreeningStatus;
import org.clinicops.support.apidocs.DocumentedBody;
import org.clinicops.support.idempotency.IdempotencyKeys;
import org.clinicops.support.request.JsonBodies;
import org.clinicops.support.security.Caller;
import org.clinicops.support.web.BadParameterException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The review queue and a clinician's decision on a screening (CLINICAL section 5). */
@RestController
class ReviewController {

    private final ScreeningReviewer reviewer;
    private final ScreeningRecorder recorder;
    private final JsonBodies bodies;

    ReviewController(ScreeningReviewer reviewer, ScreeningRecorder recorder, JsonBodies bodies) {
        this.reviewer = reviewer;
        this.recorder = recorder;
        this.bodies = bodies;
    }

    /** {@code status} is required: the queue is {@code NEEDS_CLINICIAN_REVIEW}; there is no "everything" list. */
    @GetMapping("/api/screenings")
    List<QueueEntryResponse> withStatus(@RequestParam(required = false) String status) {
        return reviewer.withStatus(status(status)).stream().map(QueueEntryResponse::of).toList();
    }

    @PostMapping("/api/screenings/{screeningId}/review")
    ScreeningResponse review(@PathVariable UUID screeningId,
                             @DocumentedBody("ScreeningReview") @RequestBody(required = false) byte[] body,
                             @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
                             Authentication clinician) {
        // an unknown screening is a 404 before the body is looked at, as for screenings of an unknown patient
        UUID screening = recorder.get(screeningId).screeningId();
        return ScreeningResponse.of(reviewer.decide(screening, bodies.readObject(body), idempotencyKey,
                Caller.of(clinician)));
    }

    private static ScreeningStatus status(String value) {
        String allowed = Arrays.toString(ScreeningStatus.values());
        if (value == null) {
            throw new BadParameterException("status", "is required: one of " + allowed);
        }
        return Arrays.stream(ScreeningStatus.values()).filter(status -> status.name().equals(value)).findFirst()
                .orElseThrow(() -> new BadParameterException("status", "must be one of " + allowed));
    }
}
