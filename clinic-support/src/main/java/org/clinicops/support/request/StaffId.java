package org.clinicops.support.request;

import java.util.regex.Pattern;

/**
 * A staff member's id as a request states it (until staff sign in, when the token's subject replaces it):
 * {@code dr-okafor}, {@code a.okafor@clinic.org}. It is logged, so no spaces or markup.
 */
public final class StaffId {

    public static final int MAX_LENGTH = 100;
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]*");

    private StaffId() {
    }

    /** The required staff id at {@code field}; null, with the field rejected, when it is missing or malformed. */
    public static String required(JsonField field) {
        String id = field.requiredString(MAX_LENGTH);
        if (id != null && !FORM.matcher(id).matches()) {
            field.reject("must be a staff id like dr-okafor (letters, digits, . _ @ -)");
            return null;
        }
        return id;
    }
}
