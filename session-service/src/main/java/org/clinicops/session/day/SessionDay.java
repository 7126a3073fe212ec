package org.clinicops.session.day;

import org.clinicops.events.CancellationReason;
import org.clinicops.events.ClinicEvent;
import org.clinicops.events.DeferralReason;
import org.clinicops.events.DoseAdministered;
import org.clinicops.events.DoseOverrideRule;
import org.clinicops.events.Protocol;
import org.clinicops.events.SafetyAlertCode;
import org.clinicops.events.SafetyAlertRaised;
import org.clinicops.events.SessionCancelled;
import org.clinicops.events.SessionCheckedIn;
import org.clinicops.events.SessionDeferred;
import org.clinicops.events.SessionDischarged;
import org.clinicops.events.SessionNoShow;
import org.clinicops.session.day.SessionDayRequests.CancelRequest;
import org.clinicops.session.day.SessionDayRequests.CheckInRequest;
import org.clinicops.session.day.SessionDayRequests.DeferRequest;
import org.clinicops.session.day.SessionDayRequests.DischargeRequest;
import org.clinicops.session.day.SessionDayRequests.DoseEndRequest;
import org.clinicops.session.day.SessionDayRequests.DoseOrderRequest;
import org.clinicops.session.day.SessionDayRequests.DoseStartRequest;
import org.clinicops.session.day.SessionDayRequests.EffectsRequest;
import org.clinicops.session.day.SessionDayRequests.VitalsRequest;
import org.clinicops.session.protocol.DoseRule;
import org.clinicops.session.protocol.ProtocolDefinition;
import org.clinicops.session.schedule.ScheduledSession;
import org.clinicops.session.schedule.SessionStatus;
import org.clinicops.support.request.JsonField;
import org.clinicops.support.web.ConflictException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static org.clinicops.session.schedule.SessionStatus.CHECKED_IN;
import static org.clinicops.session.schedule.SessionStatus.DEFERRED;
import static org.clinicops.session.schedule.SessionStatus.DOSING;
import static org.clinicops.session.schedule.SessionStatus.IN_OBSERVATION;
import static org.clinicops.session.schedule.SessionStatus.READY_TO_DOSE;
import static org.clinicops.session.schedule.SessionStatus.SCHEDULED;

/**
 * One session on its day, from check-in to discharge (CLINICAL section 7): the aggregate that guards every step. Each
 * action checks, in this order, that the status allows it (409), that its fields and times are valid (one 422 naming
 * every invalid field), and the step's rules (409 naming the first unmet rule and listing all); only then does it
 * change anything, and it collects the events to publish. A refused action changes nothing. What differs between
 * protocols (the dose rule, the observation, the restricted programme) is read from the session's protocol's
 * definition.
 */
public final class SessionDay {

    private final ScheduledSession session;
    private final SessionDayRules rules;
    private final ProtocolDefinition protocol;
    private final boolean esketamineEnrolled;
    private final ZoneId zone;
    private SessionStatus status;
    private SessionDayRecord record;
    private final List<ClinicEvent> events = new ArrayList<>();

    /**
     * @param esketamineEnrolled the patient's plan records their enrollment in esketamine's restricted programme
     */
    public SessionDay(ScheduledSession session, SessionDayRecord record, SessionDayRules rules,
                      boolean esketamineEnrolled, ZoneId zone) {
        this.session = session;
        this.status = session.status();
        this.record = record;
        this.rules = rules;
        this.protocol = rules.protocols().of(session.protocol());
        this.esketamineEnrolled = esketamineEnrolled;
        this.zone = zone;
    }

    public ScheduledSession session() {
        return session;
    }

    public SessionStatus status() {
        return status;
    }

    public SessionDayRecord record() {
        return record;
    }

    /** The events of the changes made since this day was loaded, for the outbox; each is handed out once. */
    public List<ClinicEvent> takeEvents() {
        List<ClinicEvent> taken = List.copyOf(events);
        events.clear();
        return taken;
    }

    // --- the actions ---

    /**
     * D-1: consent, escort and fasting confirmed, and today's weight, on the session's clinic day; for a protocol of a
     * restricted programme (esketamine) the patient's enrollment recorded as well.
     */
    public void checkIn(CheckInRequest request, Instant now) {
        requireStatus("check-in", SCHEDULED);
        requireSessionDay(now);
        request.fields().throwIfInvalid();
        List<String> unmet = new ArrayList<>();
        if (!request.consentOnFile()) {
            unmet.add("D1_CONSENT_NOT_ON_FILE");
        }
        if (!request.escortConfirmed()) {
            unmet.add("D1_ESCORT_NOT_CONFIRMED");
        }
        if (!request.fastingConfirmed()) {
            unmet.add("D1_FASTING_NOT_CONFIRMED");
        }
        boolean d1Met = unmet.isEmpty();
        if (protocol.restrictedProgramme() && !esketamineEnrolled) {
            unmet.add("ESKETAMINE_ENROLLMENT_MISSING");
        }
        if (!unmet.isEmpty()) {
            throw refused(unmet, "Not checked in: " + String.join(", ", unmet) + "."
                    + (d1Met ? "" : " Confirm each before the session (CLINICAL D-1), or defer it with reason"
                    + " D1_NOT_MET.")
                    + (esketamineEnrolled || !protocol.restrictedProgramme() ? "" : " Esketamine is given only to a"
                    + " patient enrolled in its restricted programme: record the enrollment on the plan first."),
                    Map.of());
        }
        record = record.withCheckIn(new CheckIn(now, true, true, true, request.weightKg()), BpGate.NO_READING);
        status = CHECKED_IN;
        events.add(new SessionCheckedIn(UUID.randomUUID(), now, session.patientId(), session.planId(),
                session.sessionId(), session.number(), now));
    }

    /**
     * A reading: before the dose it runs the BP gate (D-2, D-3), which may defer the session; from the dose on it keeps
     * the D-5 series. Every reading is checked against D-6.
     */
    public Vitals recordVitals(VitalsRequest request, Instant now) {
        requireStatus("vitals", CHECKED_IN, READY_TO_DOSE, DOSING, IN_OBSERVATION);
        Instant takenAt = request.takenAt() == null ? now : request.takenAt();
        boolean preDose = status == CHECKED_IN || status == READY_TO_DOSE;
        if (request.takenAt() != null) {
            checkNotFuture(request.takenAtField(), takenAt, now);
            checkNotBefore(request.takenAtField(), takenAt, record.checkIn().checkedInAt(), "check-in");
            Vitals last = lastReading();
            if (last != null) {
                checkNotBefore(request.takenAtField(), takenAt, last.takenAt(),
                        "the last reading (readings are recorded in time order)");
            }
            if (!preDose) {
                checkNotBefore(request.takenAtField(), takenAt, record.dose().startedAt(), "the dose's start");
            }
        }
        request.fields().throwIfInvalid();

        BpClass bp = rules.classify(request.systolic(), request.diastolic());
        Vitals reading = new Vitals(UUID.randomUUID(), preDose ? Vitals.Phase.PRE_DOSE : Vitals.Phase.MONITORING,
                takenAt, request.systolic(), request.diastolic(), request.heartRate(), request.spo2(), bp);
        record = record.withVitals(reading);
        raiseAlerts(reading, now);
        if (preDose) {
            runBpGate(reading, now);
        }
        return reading;
    }

    /** D-7 effects; a serious adverse event raises the D-6 alert. */
    public Effects recordEffects(EffectsRequest request, Instant now) {
        requireStatus("effects", CHECKED_IN, READY_TO_DOSE, DOSING, IN_OBSERVATION);
        Instant observedAt = request.observedAt() == null ? now : request.observedAt();
        if (request.observedAt() != null) {
            checkNotFuture(request.observedAtField(), observedAt, now);
            checkNotBefore(request.observedAtField(), observedAt, record.checkIn().checkedInAt(), "check-in");
        }
        request.fields().throwIfInvalid();
        Effects effects = new Effects(UUID.randomUUID(), observedAt, request.dissociation(), request.sideEffects(),
                request.seriousAdverseEvent(), request.note());
        record = record.withEffects(effects);
        if (effects.seriousAdverseEvent()) {
            alert(SafetyAlertCode.SERIOUS_ADVERSE_EVENT, null, null, observedAt, now);
        }
        return effects;
    }

    /** D-3, D-4: a prescriber's order, replacing any earlier one; the status stays READY_TO_DOSE. */
    public DoseOrder orderDose(DoseOrderRequest request, Instant now) {
        requireGateOpen("dose-order");
        request.fields().throwIfInvalid();
        List<String> unmet = new ArrayList<>();
        Map<String, Object> numbers = new LinkedHashMap<>();
        if (record.bpGate() == BpGate.OVERRIDE_REQUIRED && request.elevatedBpOverride() == null) {
            unmet.add("D3_OVERRIDE_REQUIRED");
        }
        BigDecimal weight = record.checkIn().weightKg();
        BigDecimal doseMg;
        BigDecimal capMg;
        switch (protocol.dose()) {
            case DoseRule.FixedDoses fixed -> {
                doseMg = request.orderedMg();
                capMg = null;
                if (!fixed.allows(session.number(), doseMg)) {
                    unmet.add("D4_ESKETAMINE_DOSE_NOT_ALLOWED");
                }
            }
            case DoseRule.ByWeight byWeight -> {
                BigDecimal mgPerKg = request.orderedMgPerKg();
                doseMg = mgPerKg.multiply(weight).setScale(1, RoundingMode.HALF_UP);
                capMg = byWeight.capMg();
                if (!byWeight.inRange(mgPerKg)) {
                    unmet.add("D4_MG_PER_KG_OUT_OF_RANGE");
                }
                if (doseMg.compareTo(capMg) > 0 && request.capOverride() == null) {
                    unmet.add("D4_DOSE_ABOVE_CAP");
                    numbers.put("doseMg", doseMg);
                    numbers.put("capMg", capMg);
                }
            }
        }
        if (!unmet.isEmpty()) {
            throw refused(unmet, orderRefusal(unmet, request, doseMg), numbers);
        }
        List<DoseOrder.Override> overrides = new ArrayList<>();
        if (request.elevatedBpOverride() != null) {
            overrides.add(new DoseOrder.Override(DoseOverrideRule.D3_ELEVATED_BP, request.elevatedBpOverride()));
        }
        if (request.capOverride() != null) {
            overrides.add(new DoseOrder.Override(DoseOverrideRule.D4_ABOVE_CAP, request.capOverride()));
        }
        DoseOrder order = new DoseOrder(now, request.prescriberId(), request.orderedMgPerKg(), request.orderedMg(),
                weight, doseMg, capMg, overrides);
        record = record.withOrder(order);
        return order;
    }

    /** The dose starts: an order is needed, and D-3 is checked again against the last counted reading. */
    public void startDose(DoseStartRequest request, Instant now) {
        requireGateOpen("dose-start");
        DoseOrder order = record.currentOrder();
        if (order == null) {
            throw refused(List.of("D4_NO_DOSE_ORDER"),
                    "No dose without a prescriber's order (CLINICAL D-4): record a dose-order first.", Map.of());
        }
        Instant at = request.at() == null ? now : request.at();
        if (request.at() != null) {
            checkNotFuture(request.atField(), at, now);
            checkNotBefore(request.atField(), at, record.checkIn().checkedInAt(), "check-in");
            checkNotBefore(request.atField(), at, order.orderedAt(), "the dose order");
            Vitals last = lastReading();
            if (last != null) {
                checkNotBefore(request.atField(), at, last.takenAt(), "the last reading");
            }
        }
        request.fields().throwIfInvalid();
        if (record.bpGate() == BpGate.OVERRIDE_REQUIRED && !order.overrides(DoseOverrideRule.D3_ELEVATED_BP)) {
            throw refused(List.of("D3_OVERRIDE_REQUIRED"), "The last counted pre-dose BP is elevated (CLINICAL D-3):"
                    + " the order needs the prescriber's elevatedBpOverride before the dose starts.", Map.of());
        }
        record = record.withDose(new Dose(at, null, null));
        status = DOSING;
    }

    /** The dose has ended: observation runs until {@code earliestDischargeAt} (CLINICAL section 6). */
    public void endDose(DoseEndRequest request, Instant now) {
        requireStatus("dose-end", DOSING);
        DoseOrder order = record.currentOrder();
        Instant at = request.at() == null ? now : request.at();
        if (request.at() != null) {
            checkNotFuture(request.atField(), at, now);
            checkNotBefore(request.atField(), at, record.dose().startedAt(), "the dose's start");
        }
        BigDecimal given = request.givenMg() == null ? order.doseMg() : request.givenMg();
        if (request.givenMg() != null) {
            if (given.compareTo(order.doseMg()) > 0) {
                request.givenMgField().reject("must not be more than the ordered " + order.doseMg().toPlainString()
                        + " mg");
            } else if (protocol.dose() instanceof DoseRule.FixedDoses fixed && !fixed.wholeDevices(given)) {
                request.givenMgField().reject("must be a whole number of " + fixed.deviceMg().toPlainString()
                        + " mg devices");
            }
        }
        request.fields().throwIfInvalid();
        Instant earliestDischargeAt = at.plus(protocol.observation());
        record = record.withDose(new Dose(record.dose().startedAt(), at, given));
        status = IN_OBSERVATION;
        events.add(new DoseAdministered(UUID.randomUUID(), now, session.patientId(), session.planId(),
                session.sessionId(), session.number(), session.protocol(), order.orderedMgPerKg(), order.doseMg(),
                given, record.dose().startedAt(), at, earliestDischargeAt, order.prescriberId(),
                order.overrides().stream().map(DoseOrder.Override::rule).toList()));
    }

    /** D-5, D-8: observation over, vitals current, BP below 160/100 and not rising, checklist and escort. */
    public void discharge(DischargeRequest request, Instant now) {
        requireStatus("discharge", IN_OBSERVATION);
        request.fields().throwIfInvalid();
        List<String> unmet = new ArrayList<>();
        Map<String, Object> numbers = new LinkedHashMap<>();
        Instant earliest = earliestDischargeAt();
        if (now.isBefore(earliest)) {
            unmet.add("D8_OBSERVATION_NOT_OVER");
            numbers.put("earliestDischargeAt", earliest);
        }
        Instant dueBy = vitalsDueBy();
        if (now.isAfter(dueBy)) {
            unmet.add("D5_VITALS_OVERDUE");
            numbers.put("vitalsDueBy", dueBy);
        }
        List<Vitals> vitals = record.vitals();
        Vitals last = vitals.getLast();
        if (last.systolic() >= rules.highSystolic() || last.diastolic() >= rules.highDiastolic()) {
            unmet.add("D8_BP_TOO_HIGH");
        }
        if (vitals.size() > 1
                && last.systolic() - vitals.get(vitals.size() - 2).systolic() > rules.dischargeMaxSystolicRise()) {
            unmet.add("D8_BP_RISING");
        }
        if (!request.checklist().complete()) {
            unmet.add("D8_CHECKLIST_INCOMPLETE");
        }
        if (!request.escortPresent()) {
            unmet.add("D8_ESCORT_NOT_PRESENT");
        }
        if (!unmet.isEmpty()) {
            throw refused(unmet, "Not discharged (CLINICAL D-5, D-8): " + String.join(", ", unmet) + ".", numbers);
        }
        Instant noDrivingUntil = LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant();
        record = record.withDischarge(new Discharge(now, request.checklist(), true, noDrivingUntil));
        status = SessionStatus.DISCHARGED;
        events.add(new SessionDischarged(UUID.randomUUID(), now, session.patientId(), session.planId(),
                session.sessionId(), session.number(), now));
    }

    /** Not dosed today for a clinical reason: from SCHEDULED on its day only, or once checked in. */
    public void defer(DeferRequest request, Instant now) {
        requireStatus("defer", SCHEDULED, CHECKED_IN, READY_TO_DOSE);
        if (status == SCHEDULED) {
            requireSessionDay(now);
        }
        request.fields().throwIfInvalid();
        deferFor(request.reason(), request.note(), now);
    }

    /** Called off before dosing, on any day; the chair time is free again. */
    public void cancel(CancelRequest request, Instant now) {
        requireStatus("cancel", SCHEDULED, CHECKED_IN, READY_TO_DOSE);
        request.fields().throwIfInvalid();
        cancelFor(request.reason(), request.note(), now);
    }

    /**
     * The clinic calls off a session nobody has come to yet because the prescriber changed its plan's protocol: the
     * new protocol's series is booked instead (CLINICAL section 6).
     */
    public void cancelForProtocolChange(Protocol newProtocol, Instant now) {
        requireStatus("cancel", SCHEDULED);
        cancelFor(CancellationReason.CLINIC_REQUEST, "The prescriber changed the plan's protocol to " + newProtocol
                + ".", now);
    }

    /**
     * The plan was closed: a session nobody has come to yet is called off, at the patient's request when theirs was
     * the reason, else by the clinic. A session under way goes on to its discharge.
     */
    public void cancelForClosedPlan(boolean patientRequest, Instant now) {
        requireStatus("cancel", SCHEDULED);
        cancelFor(patientRequest ? CancellationReason.PATIENT_REQUEST : CancellationReason.CLINIC_REQUEST,
                "The treatment plan was closed.", now);
    }

    /** The patient did not come: from the session's start on. */
    public void recordNoShow(Instant now) {
        requireStatus("no-show", SCHEDULED);
        if (now.isBefore(session.start())) {
            throw refused(List.of("NO_SHOW_BEFORE_START"), "The session starts at " + session.start()
                    + "; a no-show can be recorded from then on.", Map.of());
        }
        record = record.withNoShow(now);
        status = SessionStatus.NO_SHOW;
        events.add(new SessionNoShow(UUID.randomUUID(), now, session.patientId(), session.planId(),
                session.sessionId(), session.number(), now));
    }

    /**
     * A session is moved only while nothing has happened on it yet, and only to a time to come; where it may go is
     * the series' business ({@code SeriesChanges}).
     */
    public void checkReschedule(SessionDayRequests.RescheduleRequest request, Instant now) {
        requireStatus("reschedule", SCHEDULED);
        if (request.start() != null && !request.start().isAfter(now)) {
            request.startField().reject("must be in the future (now is " + now + ")");
        }
        request.fields().throwIfInvalid();
    }

    /** After discharge from a session of a restricted programme (esketamine's) its monitoring form is due. */
    public boolean monitoringFormDue() {
        return status == SessionStatus.DISCHARGED && protocol.restrictedProgramme();
    }

    /** IV and IM are ordered in mg/kg, esketamine in mg (D-4). */
    public boolean ordersByWeight() {
        return protocol.ordersByWeight();
    }

    /** Whether the session ended without a dose, so the series needs it made up (CLINICAL D-2). */
    public boolean endedUndosed() {
        return status == DEFERRED || status == SessionStatus.CANCELLED || status == SessionStatus.NO_SHOW;
    }

    // --- what the day shows ---

    /** D-5: the next reading is due by then, while the dose runs and during observation; null otherwise. */
    public Instant vitalsDueBy() {
        if (status != DOSING && status != IN_OBSERVATION) {
            return null;
        }
        Instant from = record.dose().startedAt();
        Vitals last = lastReading();
        if (last != null && last.takenAt().isAfter(from)) {
            from = last.takenAt();
        }
        return from.plus(rules.vitalsEvery());
    }

    /** At {@code vitalsDueBy} exactly the series is unbroken; only after it are the vitals overdue. */
    public boolean vitalsOverdue(Instant now) {
        Instant dueBy = vitalsDueBy();
        return dueBy != null && now.isAfter(dueBy);
    }

    /** SD-12: the dose's end plus the protocol's observation; null until the dose has ended. */
    public Instant earliestDischargeAt() {
        Dose dose = record.dose();
        return dose == null || dose.endedAt() == null ? null
                : dose.endedAt().plus(protocol.observation());
    }

    // --- the rules behind the actions ---

    /**
     * SD-7: before any HIGH reading the last reading decides; the first HIGH opens the one recheck, which only a
     * reading at or after {@code recheckNotBefore} (by the readings' own times) can be; HIGH then, or HIGH again after
     * the recheck was used, defers the session.
     */
    private void runBpGate(Vitals reading, Instant now) {
        BpGate gate = record.bpGate();
        if (gate == BpGate.RECHECK_DUE && reading.takenAt().isBefore(record.recheckNotBefore())) {
            return;
        }
        boolean isRecheck = gate == BpGate.RECHECK_DUE;
        boolean recheckUsed = record.recheckUsed() || isRecheck;
        if (reading.bp() == BpClass.HIGH && recheckUsed) {
            record = record.withGate(BpGate.FAILED, record.recheckNotBefore(), true);
            deferFor(DeferralReason.D2_BP_TOO_HIGH, null, now);
        } else if (reading.bp() == BpClass.HIGH) {
            record = record.withGate(BpGate.RECHECK_DUE, reading.takenAt().plus(rules.recheckRest()), false);
            status = CHECKED_IN;
        } else {
            record = record.withGate(reading.bp() == BpClass.NORMAL ? BpGate.PASSED : BpGate.OVERRIDE_REQUIRED,
                    record.recheckNotBefore(), recheckUsed);
            status = READY_TO_DOSE;
        }
    }

    private void cancelFor(CancellationReason reason, String note, Instant now) {
        record = record.withCancellation(new Cancellation(reason, now, note));
        status = SessionStatus.CANCELLED;
        events.add(new SessionCancelled(UUID.randomUUID(), now, session.patientId(), session.planId(),
                session.sessionId(), session.number(), reason, now));
    }

    private void deferFor(DeferralReason reason, String note, Instant now) {
        record = record.withDeferral(new Deferral(reason, now, note));
        status = DEFERRED;
        events.add(new SessionDeferred(UUID.randomUUID(), now, session.patientId(), session.planId(),
                session.sessionId(), session.number(), reason, now));
    }

    /** SD-14: strict thresholds; one alert per threshold crossed. */
    private void raiseAlerts(Vitals reading, Instant now) {
        if (reading.systolic() > rules.alertSystolicAbove()) {
            alert(SafetyAlertCode.SYSTOLIC_HIGH, reading.systolic(), rules.alertSystolicAbove(), reading.takenAt(), now);
        }
        if (reading.diastolic() > rules.alertDiastolicAbove()) {
            alert(SafetyAlertCode.DIASTOLIC_HIGH, reading.diastolic(), rules.alertDiastolicAbove(), reading.takenAt(),
                    now);
        }
        if (reading.spo2() < rules.alertSpo2Below()) {
            alert(SafetyAlertCode.SPO2_LOW, reading.spo2(), rules.alertSpo2Below(), reading.takenAt(), now);
        }
        if (reading.heartRate() > rules.alertHeartRateAbove()) {
            alert(SafetyAlertCode.HEART_RATE_HIGH, reading.heartRate(), rules.alertHeartRateAbove(), reading.takenAt(),
                    now);
        }
        if (reading.heartRate() < rules.alertHeartRateBelow()) {
            alert(SafetyAlertCode.HEART_RATE_LOW, reading.heartRate(), rules.alertHeartRateBelow(), reading.takenAt(),
                    now);
        }
    }

    private void alert(SafetyAlertCode code, Integer value, Integer threshold, Instant takenAt, Instant now) {
        SafetyAlert alert = new SafetyAlert(UUID.randomUUID(), code, value, threshold, takenAt, now);
        record = record.withAlert(alert);
        DoseOrder order = record.currentOrder();
        events.add(new SafetyAlertRaised(UUID.randomUUID(), now, session.patientId(), session.planId(),
                session.sessionId(), session.number(), alert.alertId(), code, value, threshold, takenAt,
                order == null ? null : order.prescriberId()));
    }

    private Vitals lastReading() {
        return record.vitals().isEmpty() ? null : record.vitals().getLast();
    }

    private void requireStatus(String action, SessionStatus... allowed) {
        if (!Set.of(allowed).contains(status)) {
            throw refused(List.of("STEP_OUT_OF_ORDER"), "A " + status + " session does not allow " + action + ".",
                    Map.of());
        }
    }

    /** dose-order and dose-start need READY_TO_DOSE; from CHECKED_IN the gate says why not yet. */
    private void requireGateOpen(String action) {
        if (status == CHECKED_IN && record.bpGate() == BpGate.NO_READING) {
            throw refused(List.of("D1_PRE_DOSE_VITALS_MISSING"),
                    "No pre-dose vitals yet (CLINICAL D-1): record a reading before " + action + ".", Map.of());
        }
        if (status == CHECKED_IN) {
            Vitals high = record.vitals().stream().filter(v -> v.bp() == BpClass.HIGH).findFirst().orElseThrow();
            throw refused(List.of("D2_BP_TOO_HIGH"), "Pre-dose BP " + high.systolic() + "/" + high.diastolic()
                            + " at " + high.takenAt() + " is at or above " + rules.highSystolic() + "/"
                            + rules.highDiastolic() + " (CLINICAL D-2): no dose until a recheck at or after "
                            + record.recheckNotBefore() + " is below it.",
                    Map.of("recheckNotBefore", record.recheckNotBefore()));
        }
        requireStatus(action, READY_TO_DOSE);
    }

    /** SD-4: the session's day is the date of its start in the clinic's zone. */
    private void requireSessionDay(Instant now) {
        LocalDate day = LocalDate.ofInstant(session.start(), zone);
        if (!LocalDate.ofInstant(now, zone).equals(day)) {
            throw refused(List.of("NOT_SESSION_DAY"), "This session is on " + day + " (clinic time); today is "
                    + LocalDate.ofInstant(now, zone) + ".", Map.of());
        }
    }

    private static void checkNotFuture(JsonField field, Instant value, Instant now) {
        if (value.isAfter(now)) {
            field.reject("must not be in the future (now is " + now + ")");
        }
    }

    private static void checkNotBefore(JsonField field, Instant value, Instant bound, String what) {
        if (!field.hasError() && value.isBefore(bound)) {
            field.reject("must not be before " + what + " (" + bound + ")");
        }
    }

    private String orderRefusal(List<String> unmet, DoseOrderRequest request, BigDecimal doseMg) {
        DoseRule.ByWeight byWeight = protocol.dose() instanceof DoseRule.ByWeight rule ? rule : null;
        Function<String, String> why = code -> switch (code) {
            case "D3_OVERRIDE_REQUIRED" -> "the last counted pre-dose BP is elevated: an elevatedBpOverride is needed"
                    + " (CLINICAL D-3)";
            case "D4_MG_PER_KG_OUT_OF_RANGE" -> request.orderedMgPerKg().toPlainString() + " mg/kg is outside "
                    + byWeight.minMgPerKg().toPlainString() + "-" + byWeight.maxMgPerKg().toPlainString()
                    + " mg/kg (CLINICAL D-4)";
            case "D4_DOSE_ABOVE_CAP" -> doseMg.toPlainString() + " mg is above the clinic's maximum single dose of "
                    + byWeight.capMg().toPlainString() + " mg: a capOverride is needed (CLINICAL D-4)";
            case "D4_ESKETAMINE_DOSE_NOT_ALLOWED" -> doseMg.toPlainString() + " mg is not an allowed esketamine dose"
                    + " at session " + session.number() + " (CLINICAL D-4)";
            default -> code;
        };
        return "Dose not ordered: " + String.join("; ", unmet.stream().map(why).toList()) + ".";
    }

    private ConflictException refused(List<String> unmet, String detail, Map<String, Object> numbers) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("unmet", List.copyOf(unmet));
        members.put("sessionStatus", status);
        members.putAll(numbers);
        return new ConflictException(unmet.getFirst(), detail, members);
    }
}
