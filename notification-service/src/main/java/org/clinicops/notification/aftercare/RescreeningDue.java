package org.clinicops.notification.aftercare;

import java.time.LocalDate;

/** What the re-screening invitation is written from: the last day it is due, in the clinic's calendar. No PHI. */
record RescreeningDue(LocalDate dueBy) {
}
