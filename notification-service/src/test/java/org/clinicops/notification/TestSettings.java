package org.clinicops.notification;

import org.clinicops.notification.config.NotificationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

/** {@code notification.*} bound from the given settings the way the application binds them, defaults included. */
public final class TestSettings {

    private TestSettings() {
    }

    public static NotificationProperties notification(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("notification", NotificationProperties.class);
    }
}
