package org.clinicops.session.day.web;

import org.clinicops.events.DoseOverrideRule;
import org.clinicops.events.Protocol;
import org.clinicops.session.day.BpGate;
import org.clinicops.session.day.Cancellation;
import org.clinicops.session.day.CheckIn;
import org.clinicops.session.day.Deferral;
import org.clinicops.session.day.Discharge;
import org.clinicops.session.day.Dose;
import org.clinicops.session.day.DoseOrder;
import org.clinicops.session.day.Effects;
import org.clinicops.session.day.SafetyAlert;
import org.clinicops.session.day.SessionDay;
import org.clinicops.session.day.SessionDayRecord;
import org.clinicops.session.day.Vitals;
import org.clinicops.session.schedule.ScheduledSession;
import org.clinicops.session.schedule.SessionStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A session as the API shows it, on its own, after every action and on the day board: every member always present,
 * null or [] where nothing applies. {@code start} and {@code end} bound its chair time; instants are UTC.
 */
record SessionResponse(
        UUID sessionId, UUID planId, UUID patientId, Protocol protocol, int number, Instant start, Instant end,
        int chairId, SessionStatus status,
        CheckIn checkIn, BpGate bpGate, Instant recheckNotBefore, List<Vitals> vitals, DoseOrderView doseOrder,
        Dose dose, Instant vitalsDueBy, boolean vitalsOverdue, Instant earliestDischargeAt, List<Effects> effects,
        List<SafetyAlert> alerts, Discharge discharge, Deferral deferral, Cancellation cancellation,
        Instant noShowRecordedAt) {

    static SessionResponse of(SessionDay day, Instant now) {
        ScheduledSession s = day.session();
        SessionDayRecord r = day.record();
        DoseOrder order = r.currentOrder();
        return new SessionResponse(s.sessionId(), s.planId(), s.patientId(), s.protocol(), s.number(), s.start(),
                s.end(), s.chairId(), day.status(),
                r.checkIn(), r.bpGate(), r.bpGate() == BpGate.RECHECK_DUE ? r.recheckNotBefore() : null, r.vitals(),
                order == null ? null : DoseOrderView.of(order), r.dose(), day.vitalsDueBy(), day.vitalsOverdue(now),
                day.earliestDischargeAt(), r.effects(), r.alerts(), r.discharge(), r.deferral(), r.cancellation(),
                r.noShowRecordedAt());
    }

    record DoseOrderView(Instant orderedAt, String prescriberId, BigDecimal orderedMgPerKg, BigDecimal orderedMg,
                         BigDecimal weightKg, BigDecimal doseMg, BigDecimal capMg, List<OverrideView> overrides) {

        static DoseOrderView of(DoseOrder order) {
            return new DoseOrderView(order.orderedAt(), order.prescriberId(), order.orderedMgPerKg(),
                    order.orderedMg(), order.weightKg(), order.doseMg(), order.capMg(),
                    order.overrides().stream().map(o -> new OverrideView(o.rule(), o.reason())).toList());
        }
    }

    record OverrideView(DoseOverrideRule rule, String reason) {
    }
}
