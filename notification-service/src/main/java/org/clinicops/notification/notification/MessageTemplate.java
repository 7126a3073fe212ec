package org.clinicops.notification.notification;

import java.util.Map;

/**
 * What the message of one kind of notification is written from: the values its Mustache templates (one per channel,
 * see {@code MailTemplates}) need, read from the stored content. Messages never carry diagnoses, outcome codes,
 * reasons or scores (CLINICAL section 8), so no value does either.
 */
public interface MessageTemplate {

    NotificationKind kind();

    Map<String, ?> values(Notification notification);
}
