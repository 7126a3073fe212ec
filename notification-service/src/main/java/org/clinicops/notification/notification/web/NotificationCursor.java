package org.clinicops.notification.notification.web;

import org.clinicops.notification.notification.Notifications;
import org.clinicops.support.web.BadParameterException;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The {@code next} cursor of a patient's notifications: where the page before ended, opaque to the caller (base64url
 * of the last notification's place in the order), so a page never repeats or skips a notification stored meanwhile.
 */
final class NotificationCursor {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String SEPARATOR = "|";

    private NotificationCursor() {
    }

    /** null for null: the last page has no next. */
    static String of(Notifications.Position position) {
        if (position == null) {
            return null;
        }
        String text = position.createdAt() + SEPARATOR + position.priority() + SEPARATOR + position.notificationId();
        return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * null for none (the first page).
     *
     * @throws BadParameterException {@code next} for anything this list did not give
     */
    static Notifications.Position read(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String[] parts = new String(DECODER.decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length == 3) {
                return new Notifications.Position(Instant.parse(parts[0]), Integer.parseInt(parts[1]),
                        UUID.fromString(parts[2]));
            }
        } catch (IllegalArgumentException | DateTimeException e) {
            // answered below, as a cursor of the wrong shape is
        }
        throw new BadParameterException("next", "must be the next cursor of the page before");
    }
}
