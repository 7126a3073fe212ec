package org.clinicops.intake.screening;

import org.clinicops.events.ScreeningOutcome;
import org.clinicops.events.ScreeningReviewed;
import org.clinicops.support.idempotency.IdempotencyKeys;
import org.clinicops.support.outbox.Outbox;
import org.clinicops.support.security.Caller;
import org.clinicops.support.security.Role;
import org.clinicops.support.web.ConflictException;
import org.clinicops.support.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A clinician's decision on a screening (CLINICAL section 5), and the queue of screenings awaiting one. A decision is
 * stored with its {@link ScreeningReviewed} event in one transaction; a screening is decided once.
 */
@Service
public class ScreeningReviewer {

    private static final String OPERATION = "review-screening";

    private final Screenings screenings;
    private final IdempotencyKeys idempotencyKeys;
    private final Outbox outbox;
    private final Clock clock;

    ScreeningReviewer(Screenings screenings, IdempotencyKeys idempotencyKeys, Outbox outbox, Clock clock) {
        this.screenings = screenings;
        this.idempotencyKeys = idempotencyKeys;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Decides the screening as the body says. Checked in this order: the key's form, the screening (404), a retry
     * with the same key and body (answered with the screening as it is), nothing to decide (409), the body (422 or
     * 403, see {@link ReviewRequest}).
     *
     * @param idempotencyKey null when none was given
     * @param reviewer       who decides, from the token: its staff id, and PRESCRIBER if it has that role
     * @throws NotFoundException                                 for an unknown screening
     * @throws ConflictException                                 for an ELIGIBLE or an already decided screening
     * @throws org.clinicops.support.web.InvalidRequestException naming every invalid field, or a reused key
     */
    @Transactional
    public Screening decide(UUID screeningId, JsonNode body, String idempotencyKey, Caller reviewer) {
        IdempotencyKeys.checkForm(idempotencyKey);
        Screening screening = screenings.findForUpdate(screeningId)
                .orElseThrow(() -> ScreeningRecorder.notFound(screeningId));
        // PostgreSQL keeps microseconds: the instant answered and published is the instant stored
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (idempotencyKey != null && idempotencyKeys.claim(OPERATION, idempotencyKey,
                Map.of("screeningId", StringNode.valueOf(screeningId.toString()), "body", body), screeningId, now)
                .isPresent()) {
            // the same request was decided before: answer it again, deciding nothing twice
            return screening;
        }
        if (screening.outcome() == ScreeningOutcome.ELIGIBLE) {
            throw new ConflictException("Screening " + screeningId + " is ELIGIBLE: there is nothing to decide.");
        }
        if (screening.review() != null) {
            throw new ConflictException("Screening " + screeningId + " was already " + screening.status() + " by "
                    + screening.review().clinicianId() + " at " + screening.review().decidedAt() + ".");
        }
        ClinicianRole role = reviewer.has(Role.PRESCRIBER) ? ClinicianRole.PRESCRIBER : ClinicianRole.CLINICIAN;
        ReviewRequest request = ReviewRequest.read(body, screening, role);
        Review review = new Review(request.decision(), reviewer.id(), role, request.note(), request.overrideReason(),
                now);
        screenings.decide(screeningId, review);
        // ids and codes only: the note and the override reason stay here
        outbox.publish(new ScreeningReviewed(UUID.randomUUID(), now, screening.patientId(), screeningId,
                screening.indication().name(), screening.outcome(), review.decision().recorded(), request.override(),
                screening.baseline()), screeningId.toString());
        return screening.decided(review);
    }

    /**
     * The screenings with a status, an unassessed crisis first, then oldest first. NEEDS_CLINICIAN_REVIEW is the
     * review queue: every screening awaiting a clinician, so crises awaiting assessment lead it (CLINICAL section 5).
     */
    @Transactional(readOnly = true)
    public List<Screening> withStatus(ScreeningStatus status) {
        List<ScreeningStatus> statuses = status == ScreeningStatus.NEEDS_CLINICIAN_REVIEW
                ? List.of(ScreeningStatus.CRISIS_ESCALATION, ScreeningStatus.NEEDS_CLINICIAN_REVIEW)
                : List.of(status);
        return screenings.withStatus(statuses);
    }
}
