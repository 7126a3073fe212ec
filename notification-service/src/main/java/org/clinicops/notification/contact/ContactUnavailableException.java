package org.clinicops.notification.contact;

/**
 * intake-service could not answer now (down, slow, failing, or its circuit is open). The message names the failure
 * without any contact details, since it is stored as the notification's last error.
 */
public class ContactUnavailableException extends RuntimeException {

    public ContactUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
