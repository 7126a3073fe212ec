package org.clinicops.notification.aftercare;

import org.clinicops.notification.config.NotificationProperties;
import org.clinicops.notification.notification.MessageTemplate;
import org.clinicops.notification.notification.NotificationKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The two aftercare messages share one template class; only their kind, and so their Mustache file, differs. */
@Configuration(proxyBeanMethods = false)
class SessionVisitTemplates {

    @Bean
    MessageTemplate dayAfterCheckInTemplate(NotificationProperties properties, JsonMapper json) {
        return new SessionVisitTemplate(NotificationKind.DAY_AFTER_CHECK_IN, properties, json);
    }

    @Bean
    MessageTemplate missedSessionFollowUpTemplate(NotificationProperties properties, JsonMapper json) {
        return new SessionVisitTemplate(NotificationKind.MISSED_SESSION_FOLLOW_UP, properties, json);
    }
}
