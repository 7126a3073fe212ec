package org.clinicops.notification.crisis;

import org.clinicops.notification.TestSettings;
import org.clinicops.notification.TestTemplates;
import org.clinicops.notification.config.NotificationProperties;
import org.clinicops.notification.notification.EmailMessage;
import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.NotificationKind;
import org.clinicops.notification.notification.Recipient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CrisisTemplatesTests {

    private final JsonMapper json = JsonMapper.builder().build();
    private final NotificationProperties properties = TestSettings.notification(Map.of(
            "notification.crisis-line", "Samaritans: call 116 123",
            "notification.clinic-zone", "Europe/London"));
    private final UUID patient = UUID.randomUUID();
    private final UUID screening = UUID.randomUUID();
    private final UUID alert = UUID.randomUUID();
    private final String content = json.writeValueAsString(
            new CrisisReference(screening, Instant.parse("2026-11-25T17:00:00Z"), alert, null));

    @Test
    void thePageNamesPatientScreeningAndTimeAndAsksForAnAssessmentNow() {
        EmailMessage page = TestTemplates.of(properties).render(NotificationKind.CRISIS_PAGE,
                new Recipient("oncall@clinic.local", null),
                new CrisisPageTemplate(properties, json).values(notification(NotificationKind.CRISIS_PAGE)));

        assertThat(page.subject()).isEqualTo("CRISIS: assess patient " + patient + " now");
        assertThat(page.text()).startsWith("CRISIS ESCALATION: assess the patient now.")
                .contains("Patient:    " + patient)
                .contains("Screening:  " + screening + "\nAlert:      " + alert + "\nRecorded:   ")
                .contains("Recorded:   Wednesday, November 25, 2026, 5:00 PM GMT")
                .contains("Acknowledge the alert in clinic-ops")
                .contains("call the patient")
                .doesNotContain("http");
    }

    @Test
    void aPageStoredBeforeCrisesWereAlertsIsStillSentWithoutAnAlertLine() {
        String before = "{\"screeningId\":\"" + screening + "\",\"recordedAt\":\"2026-11-25T17:00:00Z\"}";

        EmailMessage page = TestTemplates.of(properties).render(NotificationKind.CRISIS_PAGE,
                new Recipient("oncall@clinic.local", null), new CrisisPageTemplate(properties, json).values(
                        Notification.pending(patient, NotificationKind.CRISIS_PAGE, UUID.randomUUID(), before,
                                Instant.parse("2026-11-25T17:00:01Z"))));

        assertThat(page.text()).contains("Screening:  " + screening + "\nRecorded:   ")
                .doesNotContain("Alert:").doesNotContain("Acknowledge");
    }

    @Test
    void theCrisisLineMessageGivesTheClinicsConfiguredLine() {
        EmailMessage message = TestTemplates.of(properties).render(NotificationKind.CRISIS_LINE_MESSAGE,
                new Recipient("sam@example.org", "Sam"),
                new CrisisLineTemplate().values(notification(NotificationKind.CRISIS_LINE_MESSAGE)));

        assertThat(message.text()).startsWith("Dear Sam,").contains("\nSamaritans: call 116 123\n")
                .doesNotContain("988");
        assertThat(message.subject()).doesNotContainIgnoringCase("crisis");
    }

    private Notification notification(NotificationKind kind) {
        return Notification.pending(patient, kind, UUID.randomUUID(), content, Instant.parse("2026-11-25T17:00:01Z"));
    }
}
