package org.clinicops.notification.notification;

/** The words of one e-mail: a subject that says nothing clinical, and a plain-text body. */
public record EmailMessage(String subject, String text) {
}
