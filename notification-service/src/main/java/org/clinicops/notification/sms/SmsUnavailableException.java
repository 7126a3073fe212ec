package org.clinicops.notification.sms;

/**
 * The SMS provider did not take the text now (down, slow, failing, limiting us, or its circuit is open): try again
 * later. The message names the failure without the number or the text, since it is stored as the last error.
 */
public class SmsUnavailableException extends RuntimeException {

    public SmsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
