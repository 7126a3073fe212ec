package org.clinicops.notification.sms;

/**
 * The SMS provider refused this text with a 4xx answer (a number it cannot text, bad credentials): the same text
 * would be refused again, so it fails until staff put the cause right and retry it.
 */
public class SmsRejectedException extends RuntimeException {

    public SmsRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
