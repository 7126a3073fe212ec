package org.clinicops.session.config;

import org.clinicops.session.booking.ClinicCalendar;
import org.clinicops.session.booking.OpeningHours;
import org.clinicops.session.day.SessionDayRules;
import org.clinicops.session.protocol.DoseRule;
import org.clinicops.session.protocol.Protocols;
import org.clinicops.session.protocol.Route;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.format.annotation.DateTimeFormat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * session-service settings: the clinic's capacity and the booking rules' numbers. The defaults are those of
 * CLINICAL section 6 "Booking a series"; each clinic may tune them.
 */
@ConfigurationProperties("session")
public record SessionProperties(@DefaultValue Clinic clinic, @DefaultValue Booking booking, @DefaultValue Day day) {

    /**
     * @param zone        the clinic's time zone; {@code clinic.zone} sets it
     * @param hours       opening hours per weekday, {@code "08:00-17:00"} or {@code "closed"}; a weekday not listed
     *                    is closed; no entries at all means the default Monday-Friday 08:00-17:00
     * @param closures    dates the clinic is closed (holidays)
     * @param chairs      infusion chairs, numbered 1 to n; only as many as can be staffed
     * @param slotMinutes sessions start on multiples of this many minutes after midnight (the quarter hour)
     * @param turnover    a chair's time between two sessions
     * @param chairRoutes the routes a chair is set up for ({@code chair-routes.3=INTRANASAL}, or a list
     *                    {@code INTRANASAL,IM}); a chair not listed serves every route
     */
    public record Clinic(
            @DefaultValue("America/Los_Angeles") ZoneId zone,
            @DefaultValue Map<DayOfWeek, String> hours,
            @DefaultValue @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) List<LocalDate> closures,
            @DefaultValue("4") int chairs,
            @DefaultValue("15") int slotMinutes,
            @DefaultValue("15m") Duration turnover,
            @DefaultValue Map<Integer, List<Route>> chairRoutes) {

        // CLINICAL section 6: Monday-Friday 08:00-17:00, closed Saturday and Sunday
        private static final String DEFAULT_WEEKDAY_HOURS = "08:00-17:00";

        public Clinic {
            if (hours.isEmpty()) {
                hours = new EnumMap<>(DayOfWeek.class);
                for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                        DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
                    hours.put(day, DEFAULT_WEEKDAY_HOURS);
                }
            }
            hours = Map.copyOf(hours);
            closures = List.copyOf(closures);
            chairRoutes = Map.copyOf(chairRoutes);
        }

        public ClinicCalendar calendar() {
            Map<DayOfWeek, OpeningHours> open = new EnumMap<>(DayOfWeek.class);
            hours.forEach((day, text) -> {
                if (!text.isBlank() && !text.trim().equalsIgnoreCase("closed")) {
                    open.put(day, parseHours(day, text.trim()));
                }
            });
            Map<Integer, Set<Route>> routes = new HashMap<>();
            chairRoutes.forEach((chair, served) -> routes.put(chair, Set.copyOf(served)));
            return new ClinicCalendar(zone, open, new HashSet<>(closures), chairs, slotMinutes, turnover, routes);
        }

        private static OpeningHours parseHours(DayOfWeek day, String text) {
            String[] times = text.split("-");
            try {
                if (times.length == 2) {
                    return new OpeningHours(LocalTime.parse(times[0].trim()), LocalTime.parse(times[1].trim()));
                }
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw invalidHours(day, text, e);
            }
            throw invalidHours(day, text, null);
        }

        private static IllegalArgumentException invalidHours(DayOfWeek day, String text, Exception cause) {
            return new IllegalArgumentException("session.clinic.hours." + day.name().toLowerCase(Locale.ROOT)
                    + " must be like 08:00-17:00 or 'closed', not '" + text + "'", cause);
        }
    }

    /**
     * @param leadTime           the first session starts at least this long after the outcome was recorded
     * @param horizonDays        a series whose first session cannot fall within this many days of the outcome's date
     *                           waits for capacity
     * @param retryWaitingEvery  how often plans waiting for capacity are tried again (also once at start-up, when
     *                           new hours or chairs take effect)
     */
    public record Booking(
            @DefaultValue("24h") Duration leadTime,
            @DefaultValue("28") int horizonDays,
            @DefaultValue("15m") Duration retryWaitingEvery) {
    }

    /**
     * The numbers of the session-day rules (CLINICAL D-2..D-8): the dose rules and observation times go into the
     * protocol table ({@link #protocols()}, see {@code DoseRule}), the others into {@link SessionDayRules}, which
     * gives each one's meaning.
     *
     * @param mgPerKgMin               D-4: the lowest IV or IM dose a prescriber may order, mg/kg, inclusive
     * @param mgPerKgMax               D-4: the highest, likewise; no override lifts the range
     * @param capMg                    D-4: the largest single IV or IM dose in mg (after rounding to 0.1 mg) without
     *                                 the prescriber's capOverride
     * @param esketamineDosesMg        D-4: the esketamine doses, in mg, that may be ordered
     * @param esketamineFirstDosesMg   D-4: those allowed at the first session of a series
     * @param esketamineDeviceMg       one nasal device's content: a dose given is a whole number of devices
     * @param recheckRest              D-2: the rest before the one recheck of a pre-dose BP at or above the high limit
     * @param vitalsEvery              D-5: the longest gap between readings from the dose's start to discharge
     * @param observationIv            D-8: minimum observation after an IV dose has ended
     * @param observationIm            D-8: the same after an IM injection
     * @param observationEsketamine    D-8: the same after the last esketamine device
     * @param highSystolic             D-2, D-8: a reading is HIGH from this systolic ...
     * @param highDiastolic            ... or from this diastolic: no dose, one recheck, then deferral
     * @param elevatedSystolic         D-3: a reading that is not HIGH is ELEVATED from this systolic ...
     * @param elevatedDiastolic        ... or this diastolic: the dose order needs the prescriber's override
     * @param alertSystolicAbove       D-6: a safety alert for a systolic above this
     * @param alertDiastolicAbove      D-6: ... a diastolic above this
     * @param alertSpo2Below           D-6: ... an SpO2 (%) below this
     * @param alertHeartRateAbove      D-6: ... a heart rate above this
     * @param alertHeartRateBelow      D-6: ... a heart rate below this
     * @param dischargeMaxSystolicRise D-8: discharge needs the last systolic at most this many mmHg above the one
     *                                 before it
     */
    public record Day(
            @DefaultValue("0.5") BigDecimal mgPerKgMin,
            @DefaultValue("1.0") BigDecimal mgPerKgMax,
            @DefaultValue("100") BigDecimal capMg,
            @DefaultValue({"28", "56", "84"}) List<BigDecimal> esketamineDosesMg,
            @DefaultValue({"28", "56"}) List<BigDecimal> esketamineFirstDosesMg,
            @DefaultValue("28") BigDecimal esketamineDeviceMg,
            @DefaultValue("15m") Duration recheckRest,
            @DefaultValue("15m") Duration vitalsEvery,
            @DefaultValue("60m") Duration observationIv,
            @DefaultValue("60m") Duration observationIm,
            @DefaultValue("120m") Duration observationEsketamine,
            @DefaultValue("160") int highSystolic,
            @DefaultValue("100") int highDiastolic,
            @DefaultValue("140") int elevatedSystolic,
            @DefaultValue("90") int elevatedDiastolic,
            @DefaultValue("180") int alertSystolicAbove,
            @DefaultValue("110") int alertDiastolicAbove,
            @DefaultValue("92") int alertSpo2Below,
            @DefaultValue("130") int alertHeartRateAbove,
            @DefaultValue("50") int alertHeartRateBelow,
            @DefaultValue("10") int dischargeMaxSystolicRise) {

        /** The protocol table of CLINICAL section 6 with this clinic's dose rules and observation times. */
        public Protocols protocols() {
            return Protocols.clinical(new DoseRule.ByWeight(mgPerKgMin, mgPerKgMax, capMg),
                    new DoseRule.FixedDoses(esketamineDosesMg, esketamineFirstDosesMg, esketamineDeviceMg),
                    observationIv, observationIm, observationEsketamine);
        }

        public SessionDayRules rules() {
            return new SessionDayRules(protocols(), recheckRest, vitalsEvery, highSystolic, highDiastolic,
                    elevatedSystolic, elevatedDiastolic, alertSystolicAbove, alertDiastolicAbove, alertSpo2Below,
                    alertHeartRateAbove, alertHeartRateBelow, dischargeMaxSystolicRise);
        }
    }
}
