package org.clinicops.support.messaging;

/**
 * A message that can never be processed as it is (missing CloudEvents headers, a body that does not match its type).
 * Not retried: it goes straight to the dead-letter topic with this message as the reason.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
