package org.clinicops.session.day;

import org.clinicops.session.protocol.Protocols;

import java.time.Duration;

/**
 * The numbers of the session-day rules (CLINICAL D-2..D-8), each clinic's to tune as {@code session.day.*}; the
 * defaults, those of the clinical rules, are in {@code SessionProperties.Day}.
 *
 * @param protocols             the protocol table: each protocol's dose rule (D-4) and observation (D-8)
 * @param recheckRest           the rest before the one D-2 recheck
 * @param vitalsEvery           the longest gap between readings from dose to discharge (D-5)
 * @param highSystolic          D-2 (and D-8's "below 160/100"): HIGH from this systolic or {@code highDiastolic}
 * @param elevatedSystolic      D-3: ELEVATED from this systolic or {@code elevatedDiastolic}
 * @param alertSystolicAbove    D-6 thresholds, strict: an alert above (or below) each, none at it
 * @param dischargeMaxSystolicRise D-8: the last systolic at most this much above the one before
 */
public record SessionDayRules(
        Protocols protocols,
        Duration recheckRest,
        Duration vitalsEvery,
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

    public BpClass classify(int systolic, int diastolic) {
        if (systolic >= highSystolic || diastolic >= highDiastolic) {
            return BpClass.HIGH;
        }
        if (systolic >= elevatedSystolic || diastolic >= elevatedDiastolic) {
            return BpClass.ELEVATED;
        }
        return BpClass.NORMAL;
    }
}
