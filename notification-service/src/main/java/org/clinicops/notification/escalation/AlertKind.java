package org.clinicops.notification.escalation;

import org.clinicops.notification.notification.NotificationKind;
import org.clinicops.notification.notification.StaffRole;

/**
 * What raised an alert, whom its chain pages first and second, and the kind of its pages. Declared in the order staff
 * see open alerts: crises first.
 */
public enum AlertKind {

    /** A CRISIS_ESCALATION screening: the on-call clinician, then the backup clinician (CLINICAL section 5). */
    CRISIS(NotificationKind.CRISIS_PAGE, StaffRole.ON_CALL, StaffRole.BACKUP),
    /**
     * A D-6 safety alert of a session: the prescriber, who decides, then the on-call clinician, who can see the
     * patient at once and may acknowledge as a clinician may; the backup stays the on-call clinician's own backup.
     */
    SAFETY_ALERT(NotificationKind.SAFETY_ALERT_PAGE, StaffRole.PRESCRIBER, StaffRole.ON_CALL);

    private final NotificationKind pageKind;
    private final StaffRole first;
    private final StaffRole second;

    AlertKind(NotificationKind pageKind, StaffRole first, StaffRole second) {
        this.pageKind = pageKind;
        this.first = first;
        this.second = second;
    }

    public NotificationKind pageKind() {
        return pageKind;
    }

    StaffRole first() {
        return first;
    }

    StaffRole second() {
        return second;
    }
}
