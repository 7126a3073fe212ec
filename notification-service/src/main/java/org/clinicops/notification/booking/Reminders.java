package org.clinicops.notification.booking;

import org.clinicops.notification.config.NotificationProperties;
import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.NotificationKind;
import org.clinicops.notification.notification.Notifications;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A session's reminders, by default 48 hours and 24 hours before its start (CLINICAL section 8;
 * {@code notification.reminders.hours-before}): stored for a session as it is
 * confirmed or moved, closed as SUPPRESSED when it is moved or called off.
 */
@Component
public class Reminders {

    private final Notifications notifications;
    private final JsonMapper json;
    private final List<Integer> hoursBeforeAll;

    Reminders(Notifications notifications, JsonMapper json, NotificationProperties properties) {
        this.notifications = notifications;
        this.json = json;
        this.hoursBeforeAll = properties.reminders().hoursBefore();
    }

    /**
     * Stores the session's reminders caused by {@code sourceEventId}. CLINICAL section 6: a reminder whose time has
     * passed at {@code from} (the later of the event's time and now) is skipped, not sent late.
     */
    public void schedule(PatientSession session, UUID sourceEventId, Instant from, Instant now) {
        for (int hoursBefore : hoursBeforeAll) {
            SessionReminder reminder = new SessionReminder(session.number(), session.start(), session.end(),
                    session.protocol(), hoursBefore);
            if (reminder.due().isBefore(from)) {
                continue;
            }
            notifications.insert(Notification.pendingUntil(session.patientId(), NotificationKind.SESSION_REMINDER,
                            sourceEventId, json.writeValueAsString(reminder), now, reminder.due()),
                    SessionReminder.dedupeKey(session.sessionId(), hoursBefore), reminder.expires(hoursBeforeAll));
        }
    }

    /** Closes the session's reminders still waiting, with the reason staff see; answers how many. */
    public int suppress(PatientSession session, String reason) {
        return notifications.suppressPending(session.patientId(), NotificationKind.SESSION_REMINDER,
                session.sessionId() + "/", reason);
    }
}
