package org.clinicops.session.day;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything recorded on a session's day, stored with the session as one document: nothing of it is read apart
 * from its session, and the session's row lock guards all of it at once.
 *
 * @param bpGate           null before check-in
 * @param recheckNotBefore the one D-2 recheck counts from then on; null before a HIGH reading
 * @param recheckUsed      the recheck has been taken: a further HIGH pre-dose reading defers at once
 * @param orders           every dose order, the current one last (the replaced ones are kept, not shown)
 */
public record SessionDayRecord(
        CheckIn checkIn,
        BpGate bpGate,
        Instant recheckNotBefore,
        boolean recheckUsed,
        List<Vitals> vitals,
        List<Effects> effects,
        List<DoseOrder> orders,
        Dose dose,
        List<SafetyAlert> alerts,
        Discharge discharge,
        Deferral deferral,
        Cancellation cancellation,
        Instant noShowRecordedAt) {

    public SessionDayRecord {
        vitals = List.copyOf(vitals);
        effects = List.copyOf(effects);
        orders = List.copyOf(orders);
        alerts = List.copyOf(alerts);
    }

    /** A session with nothing recorded yet. */
    public static SessionDayRecord empty() {
        return new SessionDayRecord(null, null, null, false, List.of(), List.of(), List.of(), null, List.of(), null,
                null, null, null);
    }

    public DoseOrder currentOrder() {
        return orders.isEmpty() ? null : orders.getLast();
    }

    SessionDayRecord withCheckIn(CheckIn newCheckIn, BpGate gate) {
        return new SessionDayRecord(newCheckIn, gate, recheckNotBefore, recheckUsed, vitals, effects, orders, dose,
                alerts, discharge, deferral, cancellation, noShowRecordedAt);
    }

    SessionDayRecord withGate(BpGate gate, Instant newRecheckNotBefore, boolean newRecheckUsed) {
        return new SessionDayRecord(checkIn, gate, newRecheckNotBefore, newRecheckUsed, vitals, effects, orders, dose,
                alerts, discharge, deferral, cancellation, noShowRecordedAt);
    }

    SessionDayRecord withVitals(Vitals reading) {
        return new SessionDayRecord(checkIn, bpGate, recheckNotBefore, recheckUsed, append(vitals, reading), effects,
                orders, dose, alerts, discharge, deferral, cancellation, noShowRecordedAt);
    }

    SessionDayRecord withEffects(Effects observed) {
        return new SessionDayRecord(checkIn, bpGate, recheckNotBefore, recheckUsed, vitals, append(effects, observed),
                orders, dose, alerts, discharge, deferral, cancellation, noShowRecordedAt);
    }

    SessionDayRecord withOrder(DoseOrder order) {
        return new SessionDayRecord(checkIn, bpGate, recheckNotBefore, recheckUsed, vitals, effects,
                append(orders, order), dose, alerts, discharge, deferral, cancellation, noShowRecordedAt);
    }

    SessionDayRecord withDose(Dose newDose) {
        return new SessionDayRecord(checkIn, bpGate, recheckNotBefore, recheckUsed, vitals, effects, orders, newDose,
                alerts, discharge, deferral, cancellation, noShowRecordedAt);
    }

    SessionDayRecord withAlert(SafetyAlert alert) {
        return new SessionDayRecord(checkIn, bpGate, recheckNotBefore, recheckUsed, vitals, effects, orders, dose,
                append(alerts, alert), discharge, deferral, cancellation, noShowRecordedAt);
    }

    SessionDayRecord withDischarge(Discharge newDischarge) {
        return new SessionDayRecord(checkIn, bpGate, recheckNotBefore, recheckUsed, vitals, effects, orders, dose,
                alerts, newDischarge, deferral, cancellation, noShowRecordedAt);
    }

    SessionDayRecord withDeferral(Deferral newDeferral) {
        return new SessionDayRecord(checkIn, bpGate, recheckNotBefore, recheckUsed, vitals, effects, orders, dose,
                alerts, discharge, newDeferral, cancellation, noShowRecordedAt);
    }

    SessionDayRecord withCancellation(Cancellation newCancellation) {
        return new SessionDayRecord(checkIn, bpGate, recheckNotBefore, recheckUsed, vitals, effects, orders, dose,
                alerts, discharge, deferral, newCancellation, noShowRecordedAt);
    }

    SessionDayRecord withNoShow(Instant recordedAt) {
        return new SessionDayRecord(checkIn, bpGate, recheckNotBefore, recheckUsed, vitals, effects, orders, dose,
                alerts, discharge, deferral, cancellation, recordedAt);
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> longer = new ArrayList<>(list);
        longer.add(item);
        return longer;
    }
}
