package org.clinicops.session.request;

import org.clinicops.support.request.JsonField;

import java.util.regex.Pattern;

/** A staff member's id as a body states it (staff do not sign in yet): dr-okafor, a.okafor@clinic.org. */
public final class StaffId {

    public static final int MAX_LENGTH = 100;
    /** As intake's clinicianId: letters, digits, {@code . _ @ -}. */
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._@-]+");

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
