package org.clinicops.session.day;

import org.clinicops.events.Protocol;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * The numbers of the session-day rules (CLINICAL D-2..D-8), each clinic's to tune as {@code session.day.*}; the
 * defaults, those of the clinical rules, are in {@code SessionProperties.Day}.
 *
 * @param mgPerKgMin            IV/IM dose range, inclusive, on the mg/kg as ordered (D-4)
 * @param capMg                 the clinic's maximum single dose, compared with the rounded dose, inclusive (D-4)
 * @param esketamineDosesMg     the esketamine doses a prescriber may order (D-4)
 * @param esketamineFirstDosesMg the esketamine doses allowed at session 1
 * @param esketamineDeviceMg    one nasal device: a dose given is a whole number of devices
 * @param recheckRest           the rest before the one D-2 recheck
 * @param vitalsEvery           the longest gap between readings from dose to discharge (D-5)
 * @param highSystolic          D-2 (and D-8's "below 160/100"): HIGH from this systolic or {@code highDiastolic}
 * @param elevatedSystolic      D-3: ELEVATED from this systolic or {@code elevatedDiastolic}
 * @param alertSystolicAbove    D-6 thresholds, strict: an alert above (or below) each, none at it
 * @param dischargeMaxSystolicRise D-8: the last systolic at most this much above the one before
 */
public record SessionDayRules(
        BigDecimal mgPerKgMin,
        BigDecimal mgPerKgMax,
        BigDecimal capMg,
        List<BigDecimal> esketamineDosesMg,
        List<BigDecimal> esketamineFirstDosesMg,
        BigDecimal esketamineDeviceMg,
        Duration recheckRest,
        Duration vitalsEvery,
        Duration observationIv,
        Duration observationIm,
        Duration observationEsketamine,
        int highSystolic,
        int highDiastolic,
        int elevatedSystolic,
        int elevatedDiastolic,
        int alertSystolicAbove,
        int alertDiastolicAbove,
        int alertSpo2Below,
        int alertHeartRateAbove,
        int alertHeartRateBelow,
        int dischargeMaxSystolicRise) {

    public SessionDayRules {
        esketamineDosesMg = List.copyOf(esketamineDosesMg);
        esketamineFirstDosesMg = List.copyOf(esketamineFirstDosesMg);
    }

    public BpClass classify(int systolic, int diastolic) {
        if (systolic >= highSystolic || diastolic >= highDiastolic) {
            return BpClass.HIGH;
        }
        if (systolic >= elevatedSystolic || diastolic >= elevatedDiastolic) {
            return BpClass.ELEVATED;
        }
        return BpClass.NORMAL;
    }

    /** How long a patient is observed after the dose has ended (CLINICAL section 6). */
    public Duration observation(Protocol protocol) {
        return switch (protocol) {
            case IV_KETAMINE_DEPRESSION -> observationIv;
            case IM_KETAMINE -> observationIm;
            case ESKETAMINE_NASAL -> observationEsketamine;
        };
    }

    static boolean containsValue(List<BigDecimal> values, BigDecimal value) {
        return values.stream().anyMatch(v -> v.compareTo(value) == 0);
    }
}
