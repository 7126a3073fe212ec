package org.clinicops.notification.notification.web;

import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.NotificationStatus;
import org.clinicops.notification.notification.NotificationKind;
import org.clinicops.notification.notification.Notifications;
import org.clinicops.support.web.BadParameterException;
import org.clinicops.support.web.ConflictException;
import org.clinicops.support.web.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code GET /api/patients/{patientId}/notifications?limit=&next=}, newest first, {@code limit} at a time (100 unless
 * given, at most 500), the next page at the {@code Link} header's {@code rel="next"}; a staff page shows its alert's
 * id. This service does not own patients: one it has sent nothing about simply has an empty list. A malformed id, a
 * bad {@code limit} or a cursor this list did not give is a 400 naming it.
 * <p>
 * {@code POST /api/notifications/{notificationId}/retry}: staff send a FAILED notification again once its cause is put
 * right (an address corrected at intake, say); it is due at once. One that is not FAILED is a 409
 * {@code NOTIFICATION_NOT_FAILED} with its {@code status}, so a retry never sends twice what went or still waits.
 */
@RestController
class NotificationController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    private static final Set<NotificationKind> ALERT_PAGES =
            EnumSet.of(NotificationKind.CRISIS_PAGE, NotificationKind.SAFETY_ALERT_PAGE);

    private final Notifications notifications;
    private final JsonMapper json;
    private final Clock clock;

    NotificationController(Notifications notifications, JsonMapper json, Clock clock) {
        this.notifications = notifications;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The page is the body, a JSON array as before paging; the next page's address is the {@code Link} header's
     * {@code rel="next"} (RFC 8288), absent on the last page, so a client that reads one page reads on unchanged.
     */
    @GetMapping("/api/patients/{patientId}/notifications")
    ResponseEntity<List<NotificationResponse>> ofPatient(@PathVariable UUID patientId,
                                                         @RequestParam(required = false) Integer limit,
                                                         @RequestParam(required = false) String next) {
        int size = limit(limit);
        Notifications.Page page = notifications.ofPatient(patientId, NotificationCursor.read(next), size);
        List<NotificationResponse> body = page.notifications().stream()
                .map(n -> NotificationResponse.of(n, alertIdOf(n))).toList();
        String cursor = NotificationCursor.of(page.next());
        if (cursor == null) {
            return ResponseEntity.ok(body);
        }
        String nextPage = "/api/patients/" + patientId + "/notifications?limit=" + size + "&next=" + cursor;
        return ResponseEntity.ok().header(HttpHeaders.LINK, "<" + nextPage + ">; rel=\"next\"").body(body);
    }

    private static int limit(Integer value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        if (value < 1 || value > MAX_LIMIT) {
            throw new BadParameterException("limit", "must be from 1 to " + MAX_LIMIT);
        }
        return value;
    }

    /** A page's stored content names its alert (one stored before pages were alerts may not). */
    private UUID alertIdOf(Notification n) {
        if (!ALERT_PAGES.contains(n.kind())) {
            return null;
        }
        JsonNode alertId = json.readTree(n.content()).get("alertId");
        return alertId == null || alertId.isNull() ? null : UUID.fromString(alertId.asString());
    }

    @PostMapping("/api/notifications/{notificationId}/retry")
    NotificationResponse retry(@PathVariable UUID notificationId) {
        if (!notifications.retryFailed(notificationId, clock.instant())) {
            Notification notification = notifications.find(notificationId)
                    .orElseThrow(() -> new NotFoundException("No notification " + notificationId));
            throw new ConflictException("NOTIFICATION_NOT_FAILED",
                    "Only a FAILED notification can be retried; this one is " + notification.status(),
                    Map.of("status", notification.status()));
        }
        return notifications.find(notificationId).map(n -> NotificationResponse.of(n, alertIdOf(n))).orElseThrow();
    }
}
