package org.clinicops.notification.aftercare;

import org.clinicops.events.EventType;
import org.clinicops.events.SessionDischarged;
import org.clinicops.events.SessionNoShow;
import org.clinicops.notification.booking.PatientSession;
import org.clinicops.notification.booking.PatientSessions;
import org.clinicops.notification.booking.Reminders;
import org.clinicops.notification.booking.SessionConsumers;
import org.clinicops.notification.booking.SessionEventHandler;
import org.clinicops.notification.config.NotificationProperties;
import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.NotificationKind;
import org.clinicops.notification.notification.Notifications;
import org.clinicops.support.messaging.IncomingEvent;
import org.clinicops.support.messaging.ProcessedEvents;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * CLINICAL section 8 after a session: a discharged patient gets the day-after check-in on the next day at
 * {@code notification.day-after-check-in.at} (clinic time); a patient who did not come gets the missed-session
 * follow-up at once. Either way the session's waiting reminders are closed.
 */
@Service
class Aftercare implements SessionEventHandler {

    private final ProcessedEvents processedEvents;
    private final PatientSessions sessions;
    private final Reminders reminders;
    private final Notifications notifications;
    private final NotificationProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    Aftercare(ProcessedEvents processedEvents, PatientSessions sessions, Reminders reminders,
              Notifications notifications, NotificationProperties properties, JsonMapper json, Clock clock) {
        this.processedEvents = processedEvents;
        this.sessions = sessions;
        this.reminders = reminders;
        this.notifications = notifications;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void handle(IncomingEvent event) {
        event.ifType(EventType.SESSION_DISCHARGED, this::on);
        event.ifType(EventType.SESSION_NO_SHOW, this::on);
    }

    /**
     * Due the next day at the set time. Not worth sending once that day is over: stored only while it can still come
     * on its day (a late event is sent at once), and closed FAILED if it waited past midnight.
     */
    void on(SessionDischarged event) {
        processedEvents.once(SessionConsumers.CONSUMER, event.eventId(), () -> {
            PatientSession session = end(event.sessionId(), event.patientId(), event.planId(), event.number(),
                    PatientSession.Status.DISCHARGED);
            ZoneId zone = properties.clinicZone();
            LocalDate dayAfter = LocalDate.ofInstant(event.dischargedAt(), zone).plusDays(1);
            Instant due = dayAfter.atTime(properties.dayAfterCheckIn().at()).atZone(zone).toInstant();
            Instant over = dayAfter.plusDays(1).atStartOfDay(zone).toInstant();
            Instant now = clock.instant();
            if (!now.isBefore(over)) {
                return;
            }
            notifications.insert(Notification.pendingUntil(event.patientId(), NotificationKind.DAY_AFTER_CHECK_IN,
                    event.eventId(), content(session), now, due.isAfter(now) ? due : now), "", over);
        });
    }

    void on(SessionNoShow event) {
        processedEvents.once(SessionConsumers.CONSUMER, event.eventId(), () -> {
            PatientSession session = end(event.sessionId(), event.patientId(), event.planId(), event.number(),
                    PatientSession.Status.NO_SHOW);
            notifications.insert(Notification.pending(event.patientId(), NotificationKind.MISSED_SESSION_FOLLOW_UP,
                    event.eventId(), content(session), clock.instant()));
        });
    }

    private PatientSession end(UUID sessionId, UUID patientId, UUID planId, int number,
                               PatientSession.Status ended) {
        PatientSession session = sessions.lock(sessionId)
                .orElseGet(() -> PatientSession.unknown(sessionId, patientId, planId, number))
                .endedAs(ended);
        sessions.save(session);
        reminders.suppress(session, ended == PatientSession.Status.NO_SHOW ? "the patient did not come"
                : "the session took place");
        return session;
    }

    private String content(PatientSession session) {
        return json.writeValueAsString(new SessionVisit(session.number(), session.start(), session.end()));
    }
}
