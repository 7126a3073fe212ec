package org.clinicops.notification.booking;

import org.clinicops.support.messaging.IncomingEvent;

/**
 * Reacts to the event types on {@code clinic.sessions} it handles (with {@link IncomingEvent#ifType}) and skips the
 * rest. Every handler records what it processed under {@link SessionConsumers#CONSUMER}.
 */
public interface SessionEventHandler {

    void handle(IncomingEvent event);
}
