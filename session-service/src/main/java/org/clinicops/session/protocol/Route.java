package org.clinicops.session.protocol;

/** How a protocol's drug is given (CLINICAL section 1); a chair may be set up for some routes only. */
public enum Route {
    IV,
    INTRANASAL,
    IM
}
