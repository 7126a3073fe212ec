package org.clinicops.events;

/** A D-6 safety alert: the threshold a reading crossed, or a serious adverse event (CLINICAL D-6). */
public enum SafetyAlertCode {
    SYSTOLIC_HIGH,
    DIASTOLIC_HIGH,
    SPO2_LOW,
    HEART_RATE_HIGH,
    HEART_RATE_LOW,
    SERIOUS_ADVERSE_EVENT
}
