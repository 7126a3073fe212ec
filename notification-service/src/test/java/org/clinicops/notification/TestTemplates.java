package org.clinicops.notification;

import org.clinicops.notification.config.NotificationProperties;
import org.clinicops.notification.template.MailTemplates;

import java.util.Map;

/** The built-in message templates with {@code notification.*} bound from the given settings. */
public final class TestTemplates {

    private TestTemplates() {
    }

    public static MailTemplates of(NotificationProperties properties) {
        return new MailTemplates(properties);
    }

    public static MailTemplates of(Map<String, String> settings) {
        return of(TestSettings.notification(settings));
    }
}
