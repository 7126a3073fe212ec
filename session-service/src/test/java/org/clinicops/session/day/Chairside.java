package org.clinicops.session.day;

import org.clinicops.events.ClinicEvent;
import org.clinicops.events.Protocol;
import org.clinicops.session.config.SessionProperties;
import org.clinicops.session.day.SessionDayRequests.CancelRequest;
import org.clinicops.session.day.SessionDayRequests.CheckInRequest;
import org.clinicops.session.day.SessionDayRequests.DeferRequest;
import org.clinicops.session.day.SessionDayRequests.DischargeRequest;
import org.clinicops.session.day.SessionDayRequests.DoseEndRequest;
import org.clinicops.session.day.SessionDayRequests.DoseOrderRequest;
import org.clinicops.session.day.SessionDayRequests.DoseStartRequest;
import org.clinicops.session.day.SessionDayRequests.EffectsRequest;
import org.clinicops.session.day.SessionDayRequests.VitalsRequest;
import org.clinicops.session.schedule.ScheduledSession;
import org.clinicops.session.schedule.SessionStatus;
import org.clinicops.support.request.JsonBodies;
import org.clinicops.support.testing.TestClock;
import org.clinicops.support.web.ConflictException;
import org.clinicops.support.web.FieldError;
import org.clinicops.support.web.InvalidRequestException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * One session at the chair on its day, for the session-day specification tests: by default Dana's first IV session,
 * Thursday 26 November 2026 09:00-10:55 in Los Angeles (17:00-18:55 UTC), chair 1, status {@code SCHEDULED}, under the
 * clinic's default rules ({@code SessionProperties.Day}); the patient is enrolled in esketamine's programme unless the
 * session says otherwise. The test sets the clock by hand ({@code at("17:05")}) and
 * sends each action at that time, as a nurse would at the chair.
 *
 * <ul>
 *   <li>Every instant goes through {@link TestClock}: {@link #time(String)} is a UTC time of day on the session's
 *       date, so the tests pass on any day they run, also with {@code -Dclinic.test.clock.base}.</li>
 *   <li>Request bodies are JSON text read by clinic-support's {@link JsonBodies}, as the controller reads them
 *       (fractions as the exact decimals written). Write them with single quotes, and a time of the session's date
 *       as {@code @17:15}: {@code "{'at': @17:15}"} is {@code {"at": "2026-11-26T17:15:00Z"}}.</li>
 *   <li>A refused action is caught with {@link #refuses(Consumer)} (409) or {@link #rejects(Consumer)} (422), which
 *       also check that it changed nothing: status, record and events as before (SD-1).</li>
 *   <li>{@link #events()} hands out what the actions since the last call published (the outbox's view).</li>
 * </ul>
 */
final class Chairside {

    /** Who orders the doses here: the service takes the prescriber from the token, never from the body. */
    static final String PRESCRIBER = "dr-okafor";

    /** The clinic's default settings, bound as Spring Boot binds an empty configuration. */
    static final SessionProperties DEFAULTS = new Binder(new MapConfigurationPropertySource())
            .bindOrCreate("session", SessionProperties.class);
    static final SessionDayRules RULES = DEFAULTS.day().rules();
    static final ZoneId CLINIC_ZONE = ZoneId.of("America/Los_Angeles");

    static final String ALL_CONFIRMED =
            "{'consentOnFile': true, 'escortConfirmed': true, 'fastingConfirmed': true, 'weightKg': 71.5}";
    static final String ALL_CLEAR = "{'checklist': {'alertAndOriented': true, 'steadyOnStanding': true,"
            + " 'noNauseaNeedingTreatment': true}, 'escortPresent': true}";

    private static final String SESSION_DATE = "2026-11-26";
    private static final JsonBodies BODIES = new JsonBodies(JsonMapper.builder().build());
    private static final Pattern TIME_OF_DAY = Pattern.compile("@(\\d{2}:\\d{2}(?::\\d{2})?)");

    private final SessionDay day;
    private final List<ClinicEvent> published = new ArrayList<>();
    private Instant now;

    private Chairside(SessionDay day) {
        this.day = day;
        this.now = day.session().start();
    }

    // --- the sessions ---

    /** Dana's first IV ketamine session. */
    static Chairside ivSession() {
        return session(Protocol.IV_KETAMINE_DEPRESSION, 1);
    }

    static Chairside imSession() {
        return session(Protocol.IM_KETAMINE, 1);
    }

    static Chairside esketamineSession(int number) {
        return session(Protocol.ESKETAMINE_NASAL, number);
    }

    static Chairside session(Protocol protocol, int number) {
        return session(protocol, number, true);
    }

    /** Session 1 of a patient whose enrollment in esketamine's restricted programme is not recorded on the plan. */
    static Chairside sessionNotEnrolled(Protocol protocol) {
        return session(protocol, 1, false);
    }

    private static Chairside session(Protocol protocol, int number, boolean esketamineEnrolled) {
        ScheduledSession session = new ScheduledSession(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                protocol, number, 1, time("17:00"), time("18:55"), time("19:10"), SessionStatus.SCHEDULED);
        return new Chairside(new SessionDay(session, SessionDayRecord.empty(), RULES, esketamineEnrolled,
                CLINIC_ZONE));
    }

    // --- time ---

    /** A UTC time of day ({@code "17:05"}, {@code "17:10:12"}) on the session's date, through {@link TestClock}. */
    static Instant time(String timeOfDay) {
        return TestClock.at(SESSION_DATE + "T" + (timeOfDay.length() == 5 ? timeOfDay + ":00" : timeOfDay) + "Z");
    }

    /** {@link #time(String)} as the ISO text a body carries. */
    static String iso(String timeOfDay) {
        return time(timeOfDay).toString();
    }

    /** Sets the clock: the next actions are sent at this time of the session's date. */
    Chairside at(String timeOfDay) {
        return at(time(timeOfDay));
    }

    Chairside at(Instant instant) {
        now = instant;
        return this;
    }

    Instant now() {
        return now;
    }

    // --- the actions, each sent at the chair's clock ---

    Chairside checkIn() {
        return checkIn(ALL_CONFIRMED);
    }

    Chairside checkIn(String body) {
        return act(d -> d.checkIn(CheckInRequest.read(json(body)), now));
    }

    /** A reading taken now (its {@code takenAt} is the chair's clock). */
    Chairside vitals(int systolic, int diastolic, int heartRate, int spo2) {
        return vitals("{'systolic': " + systolic + ", 'diastolic': " + diastolic + ", 'heartRate': " + heartRate
                + ", 'spo2': " + spo2 + ", 'takenAt': '" + now + "'}");
    }

    Chairside vitals(String body) {
        return act(d -> d.recordVitals(VitalsRequest.read(json(body)), now));
    }

    Chairside effects() {
        return effects("{'dissociation': {'severity': 'MILD', 'scale': 'CADSS', 'score': 6}, 'sideEffects': []}");
    }

    Chairside effects(String body) {
        return act(d -> d.recordEffects(EffectsRequest.read(json(body)), now));
    }

    /** Dr Okafor's order: 0.5 mg/kg (IV, IM) or 56 mg (esketamine). */
    Chairside orderDose() {
        return orderDose(byMg() ? "{'orderedMg': 56}" : "{'orderedMgPerKg': 0.5}");
    }

    Chairside orderDose(String body) {
        return orderDoseAs(PRESCRIBER, body);
    }

    /** A dose order signed in as {@code prescriber}, whose id the order carries. */
    Chairside orderDoseAs(String prescriber, String body) {
        return act(d -> d.orderDose(DoseOrderRequest.read(json(body), !byMg(), prescriber), now));
    }

    Chairside startDose() {
        return startDose("{}");
    }

    Chairside startDose(String body) {
        return act(d -> d.startDose(DoseStartRequest.read(json(body)), now));
    }

    Chairside endDose() {
        return endDose("{}");
    }

    Chairside endDose(String body) {
        return act(d -> d.endDose(DoseEndRequest.read(json(body)), now));
    }

    Chairside discharge() {
        return discharge(ALL_CLEAR);
    }

    Chairside discharge(String body) {
        return act(d -> d.discharge(DischargeRequest.read(json(body)), now));
    }

    Chairside defer(String body) {
        return act(d -> d.defer(DeferRequest.read(json(body)), now));
    }

    Chairside cancel(String body) {
        return act(d -> d.cancel(CancelRequest.read(json(body)), now));
    }

    Chairside noShow() {
        return act(d -> d.recordNoShow(now));
    }

    /** An action of the API with a body that its step accepts (the defaults above). */
    Chairside perform(SessionAction action) {
        return switch (action) {
            case CHECK_IN -> checkIn();
            case VITALS -> vitals(128, 82, 74, 98);
            case EFFECTS -> effects();
            case DOSE_ORDER -> orderDose();
            case DOSE_START -> startDose();
            case DOSE_END -> endDose();
            case DISCHARGE -> discharge();
            case DEFER -> defer("{'reason': 'CLINICIAN_DECISION'}");
            case CANCEL -> cancel("{'reason': 'PATIENT_REQUEST'}");
            case NO_SHOW -> noShow();
        };
    }

    // --- walking a session along Dana's day ---

    /**
     * Walks a SCHEDULED session to {@code status} along Dana's day, and forgets the walk's events:
     * <ul>
     *   <li>{@code CHECKED_IN}: checked in at 17:00, all confirmed, 71.5 kg (no reading yet);</li>
     *   <li>{@code READY_TO_DOSE}: then 128/82 at 17:05 and Dr Okafor's order at 17:10 (the clock at 17:10);</li>
     *   <li>{@code DOSING}: then the dose started at 17:15;</li>
     *   <li>{@code IN_OBSERVATION}: then {@link #observedUntil1830()}, 122/78 at 18:45, and the clock at 18:55, when
     *       observation is over;</li>
     *   <li>{@code DISCHARGED}: then discharged at 18:55;</li>
     *   <li>{@code DEFERRED}: checked in, and deferred at 17:05 by a clinician's decision;</li>
     *   <li>{@code CANCELLED}: cancelled at 17:00 at the patient's request; {@code NO_SHOW}: recorded at 17:00.</li>
     * </ul>
     */
    Chairside walkTo(SessionStatus status) {
        switch (status) {
            case SCHEDULED -> at("17:00");
            case CHECKED_IN -> at("17:00").checkIn();
            case READY_TO_DOSE -> walkTo(SessionStatus.CHECKED_IN).at("17:05").vitals(128, 82, 74, 98)
                    .at("17:10").orderDose();
            case DOSING -> walkTo(SessionStatus.READY_TO_DOSE).at("17:15").startDose();
            case IN_OBSERVATION -> walkTo(SessionStatus.DOSING).observedUntil1830()
                    .at("18:45").vitals(122, 78, 72, 98).at("18:55");
            case DISCHARGED -> walkTo(SessionStatus.IN_OBSERVATION).discharge();
            case DEFERRED -> walkTo(SessionStatus.CHECKED_IN).at("17:05").defer("{'reason': 'CLINICIAN_DECISION'}");
            case CANCELLED -> at("17:00").cancel("{'reason': 'PATIENT_REQUEST'}");
            case NO_SHOW -> at("17:00").noShow();
        }
        assertThat(day.status()).as("walked to").isEqualTo(status);
        published.clear();
        return this;
    }

    /**
     * From a dose started at 17:15: readings 134/84 at 17:30 and 136/86 at 17:45, the dose ended at 17:55, readings
     * 130/82 at 18:00, 126/80 at 18:15 and 124/80 at 18:30 (the clock at 18:30).
     */
    Chairside observedUntil1830() {
        return at("17:30").vitals(134, 84, 80, 97).at("17:45").vitals(136, 86, 78, 97)
                .at("17:55").endDose()
                .at("18:00").vitals(130, 82, 76, 98).at("18:15").vitals(126, 80, 75, 98)
                .at("18:30").vitals(124, 80, 74, 98);
    }

    // --- what the session shows ---

    SessionDay day() {
        return day;
    }

    SessionStatus status() {
        return day.status();
    }

    SessionDayRecord record() {
        return day.record();
    }

    Vitals lastReading() {
        return day.record().vitals().getLast();
    }

    /** The events published since the last call. */
    List<ClinicEvent> events() {
        List<ClinicEvent> taken = List.copyOf(published);
        published.clear();
        return taken;
    }

    // --- refusals ---

    /** The action is refused with a 409; it changed nothing and published nothing (SD-1). */
    Refusal refuses(Consumer<Chairside> action) {
        ConflictException problem = unchangedAfter(ConflictException.class, action);
        assertThat(problem.properties()).as("sessionStatus").containsEntry("sessionStatus", day.status());
        return new Refusal(problem);
    }

    /** The action is a 422; it changed nothing and published nothing (SD-1). Answers the invalid fields' paths. */
    List<String> rejects(Consumer<Chairside> action) {
        return unchangedAfter(InvalidRequestException.class, action).errors().stream().map(FieldError::field).toList();
    }

    private <T extends RuntimeException> T unchangedAfter(Class<T> type, Consumer<Chairside> action) {
        SessionStatus statusBefore = day.status();
        SessionDayRecord recordBefore = day.record();
        Throwable thrown = catchThrowable(() -> action.accept(this));
        assertThat(thrown).isInstanceOf(type);
        assertThat(day.status()).as("status after a refusal").isEqualTo(statusBefore);
        assertThat(day.record()).as("record after a refusal").isEqualTo(recordBefore);
        assertThat(day.takeEvents()).as("events after a refusal").isEmpty();
        return type.cast(thrown);
    }

    /** A 409 as the problem body shows it: {@code code}, {@code unmet} and the rule's numbers. */
    record Refusal(ConflictException problem) {

        /** A one-cause refusal: {@code code}, and {@code unmet} just that. */
        Refusal is(String code) {
            return is(code, code);
        }

        /** {@code code} the first unmet rule, {@code unmet} all of them in the step's order. */
        Refusal is(String code, String... unmet) {
            assertThat(problem.code()).as("code").isEqualTo(code);
            assertThat(problem.properties()).as("unmet").containsEntry("unmet", List.of(unmet));
            return this;
        }

        Refusal carries(String member, Object value) {
            assertThat(problem.properties()).containsEntry(member, value);
            return this;
        }

        /** Only {@code unmet}, {@code sessionStatus} and these members. */
        Refusal carriesNothingBut(String... members) {
            List<String> expected = new ArrayList<>(List.of("unmet", "sessionStatus"));
            expected.addAll(List.of(members));
            assertThat(problem.properties().keySet()).containsExactlyElementsOf(expected);
            return this;
        }
    }

    // --- plumbing ---

    private Chairside act(Consumer<SessionDay> action) {
        action.accept(day);
        published.addAll(day.takeEvents());
        return this;
    }

    private boolean byMg() {
        return day.session().protocol() == Protocol.ESKETAMINE_NASAL;
    }

    static JsonNode json(String body) {
        Matcher times = TIME_OF_DAY.matcher(body.replace('\'', '"'));
        StringBuilder text = new StringBuilder();
        while (times.find()) {
            times.appendReplacement(text, Matcher.quoteReplacement('"' + iso(times.group(1)) + '"'));
        }
        times.appendTail(text);
        return BODIES.readObject(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
