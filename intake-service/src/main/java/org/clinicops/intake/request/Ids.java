package org.clinicops.intake.request;

import org.clinicops.support.web.NotFoundException;

import java.util.UUID;

/** Ids taken from request paths: one that is not a UUID names nothing, so it is a 404 like an unknown one. */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String raw, String kind) {
        try {
            UUID id = UUID.fromString(raw);
            if (id.toString().equalsIgnoreCase(raw)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // not a UUID: answered below
        }
        throw new NotFoundException("No " + kind + " with an id of that form");
    }
}
