package org.clinicops.notification.booking;

import org.clinicops.events.Protocol;
import org.clinicops.notification.TestSettings;
import org.clinicops.notification.TestTemplates;
import org.clinicops.notification.config.NotificationProperties;
import org.clinicops.notification.notification.EmailMessage;
import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.NotificationKind;
import org.clinicops.notification.notification.Recipient;
import org.clinicops.notification.template.MailTemplates;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SessionReminderTemplateTests {

    private final JsonMapper json = JsonMapper.builder().build();
    private final NotificationProperties properties = TestSettings.notification(Map.of(
            "notification.clinic-name", "Riverside Clinic"));
    private final SessionReminderTemplate template = new SessionReminderTemplate(properties, json);
    private final MailTemplates wording = TestTemplates.of(properties);

    @Test
    void theReminderTwoDaysAheadSaysInTwoDaysWithTheLocalTimeInSubjectAndBody() {
        EmailMessage message = render(Protocol.IV_KETAMINE_DEPRESSION, 48);

        assertThat(message.subject()).isEqualTo("Reminder: your appointment on Thursday, November 26 at 9:00 AM");
        assertThat(message.text())
                .startsWith("Dear Dana,\n\nThis is a reminder of your appointment at Riverside Clinic in 2 days:\n")
                .contains("  Thursday, November 26, 2026, 9:00 AM to 10:55 AM PST\n")
                .doesNotContain("tomorrow");
    }

    @Test
    void theReminderOneDayAheadSaysTomorrow() {
        assertThat(render(Protocol.IV_KETAMINE_DEPRESSION, 24).text())
                .contains("This is a reminder of your appointment at Riverside Clinic tomorrow:\n")
                .doesNotContain("in 2 days");
    }

    @Test
    void ivAndImRemindersAskForFourHoursWithoutFoodD1() {
        assertThat(render(Protocol.IM_KETAMINE, 24).text())
                .contains("Do not eat anything for 4 hours before your appointment.");
    }

    @Test
    void esketamineRemindersAskForTwoHoursWithoutFoodAndThirtyMinutesWithoutDrinkD1() {
        assertThat(render(Protocol.ESKETAMINE_NASAL, 48).text())
                .contains("Do not eat anything for 2 hours, and do not drink anything for 30 minutes, before your "
                        + "appointment.")
                .doesNotContain("4 hours");
    }

    @Test
    void everyReminderAsksForARideHomeNoDrivingWhatToBringAndGivesTheCrisisLine() {
        assertThat(render(Protocol.ESKETAMINE_NASAL, 24).text())
                .contains("Arrange for an adult to take you home.")
                .contains("Do not drive, cycle or operate machinery until the next day.")
                .contains("  - a photo ID\n")
                .contains("  - a list of the medicines you take now\n")
                .contains("988 Suicide & Crisis Lifeline: call or text 988")
                .endsWith("\nRiverside Clinic\n");
    }

    @Test
    void theReminderNamesNoDrugProtocolOrConditionAndItsSubjectNothingClinical() {
        for (Protocol protocol : Protocol.values()) {
            EmailMessage message = render(protocol, 48);
            assertThat(message.text()).doesNotContainIgnoringCase("ketamine").doesNotContain(protocol.name())
                    .doesNotContainIgnoringCase("depression").doesNotContainIgnoringCase("infusion");
            assertThat(message.subject()).doesNotContainIgnoringCase("ketamine")
                    .doesNotContainIgnoringCase("treatment").doesNotContainIgnoringCase("infusion");
        }
    }

    private EmailMessage render(Protocol protocol, int hoursBefore) {
        // CLINICAL section 6 example: Thursday 26 November 2026, 9:00-10:55 in Los Angeles
        SessionReminder reminder = new SessionReminder(1, Instant.parse("2026-11-26T17:00:00Z"),
                Instant.parse("2026-11-26T18:55:00Z"), protocol, hoursBefore);
        Notification notification = Notification.pendingUntil(UUID.randomUUID(), NotificationKind.SESSION_REMINDER,
                UUID.randomUUID(), json.writeValueAsString(reminder), Instant.parse("2026-11-20T17:00:00Z"),
                reminder.due());
        return wording.render(template.kind(), new Recipient("dana@example.org", "Dana"),
                template.values(notification));
    }
}
