package org.clinicops.notification.escalation;

/** An alert with how many of its pages have been sent so far (stored pages still waiting for the mail server not). */
public record PagedAlert(Alert alert, int pagesSent) {
}
