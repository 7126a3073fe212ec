package org.clinicops.notification.mail;

/**
 * The mail server did not take the message now (down, refusing, timing out, or its circuit is open). The message
 * names the failure without any address, since it is stored as the notification's last error.
 */
public class MailUnavailableException extends RuntimeException {

    public MailUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
