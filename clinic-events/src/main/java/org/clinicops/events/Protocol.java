package org.clinicops.events;

/** Treatment protocols (CLINICAL section 6). */
public enum Protocol {
    IV_KETAMINE_DEPRESSION,
    ESKETAMINE_NASAL,
    IM_KETAMINE
}
