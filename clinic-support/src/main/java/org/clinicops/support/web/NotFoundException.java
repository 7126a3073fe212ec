package org.clinicops.support.web;

/** An id in the path names nothing this service knows: answered 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
