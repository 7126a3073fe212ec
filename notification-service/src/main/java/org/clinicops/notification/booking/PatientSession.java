package org.clinicops.notification.booking;

import org.clinicops.events.Protocol;

import java.time.Instant;
import java.util.UUID;

/**
 * A session as the events on {@code clinic.sessions} told it. Events of one patient arrive in order, but a
 * dead-lettered one replayed later does not: so an end (cancelled, deferred, missed, discharged) is final, and times
 * are only taken from an event newer than the one they came from.
 *
 * @param protocol  null while only events without it were seen
 * @param start     null likewise
 * @param timesAt   when the event the times are from occurred; null without times
 * @param confirmed the patient was sent a confirmation with this session
 */
public record PatientSession(UUID sessionId, UUID patientId, UUID planId, int number, Protocol protocol,
                             Instant start, Instant end, Instant timesAt, Status status, boolean confirmed) {

    public enum Status { SCHEDULED, CANCELLED, DEFERRED, NO_SHOW, DISCHARGED }

    /** A session first heard of by an event that carries no times. */
    public static PatientSession unknown(UUID sessionId, UUID patientId, UUID planId, int number) {
        return new PatientSession(sessionId, patientId, planId, number, null, null, null, null, Status.SCHEDULED,
                false);
    }

    public boolean isScheduled() {
        return status == Status.SCHEDULED;
    }

    /** Its times as an event of {@code occurredAt} gives them, unless an event at least as new gave them already. */
    public PatientSession withTimes(Instant start, Instant end, Instant occurredAt) {
        if (timesAt != null && !timesAt.isBefore(occurredAt)) {
            return this;
        }
        return new PatientSession(sessionId, patientId, planId, number, protocol, start, end, occurredAt, status,
                confirmed);
    }

    public PatientSession withProtocol(Protocol protocol) {
        return new PatientSession(sessionId, patientId, planId, number, this.protocol == null ? protocol
                : this.protocol, start, end, timesAt, status, confirmed);
    }

    /** Ended as {@code ended}, unless it had ended already: the first end is final. */
    public PatientSession endedAs(Status ended) {
        return isScheduled() ? new PatientSession(sessionId, patientId, planId, number, protocol, start, end, timesAt,
                ended, confirmed) : this;
    }

    public PatientSession asConfirmed() {
        return new PatientSession(sessionId, patientId, planId, number, protocol, start, end, timesAt, status, true);
    }
}
