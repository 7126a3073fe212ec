package org.clinicops.support.web;

/** The request clashes with the current state (already decided, idempotency key reused for another body): 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
