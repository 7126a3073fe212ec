package org.clinicops.notification.template;

import org.clinicops.notification.SharedNotificationServiceTest;
import org.clinicops.notification.notification.EmailMessage;
import org.clinicops.notification.notification.MessageTemplate;
import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.NotificationKind;
import org.clinicops.notification.notification.Recipient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message the service can send, on every channel, written by the service's own templates from sample stored
 * content: no tag left unresolved, and nothing about the patient beyond the first name in the greeting of a patient
 * message (CLINICAL section 8). A new kind without a sample here fails the test.
 */
@SharedNotificationServiceTest
class MessageTemplatesTests {

    private static final UUID PATIENT = UUID.fromString("7d7e3c52-0c3e-4a52-9d4a-0f6f3c1e5a11");
    private static final Recipient PATIENT_RECIPIENT = new Recipient("dana.reyes@example.org", "Dana");
    private static final Recipient STAFF = new Recipient("oncall@clinic.local", null);
    private static final String SESSION = """
            "number": 2, "start": "2026-11-30T16:00:00Z", "end": "2026-11-30T17:55:00Z",
            "protocol": "IV_KETAMINE_DEPRESSION"
            """;
    private static final String CRISIS = """
            { "screeningId": "0b3c6f0e-6a55-4f5b-8a0e-3d2f0f4e9b21", "recordedAt": "2026-11-25T17:00:00Z",
              "alertId": "1a2b3c4d-5e6f-3a7b-8c9d-0e1f2a3b4c5d" }
            """;

    /** Sample stored content of each kind, as its consumer writes it. */
    static final Map<NotificationKind, String> SAMPLES = new EnumMap<>(Map.ofEntries(
            Map.entry(NotificationKind.SAFETY_ALERT_PAGE, """
                    { "alertId": "5d0f1e2a-3b4c-4d5e-8f60-718293a4b5c6",
                      "sessionId": "6e1f2a3b-4c5d-4e6f-9071-8293a4b5c6d7", "number": 2,
                      "takenAt": "2026-11-30T16:40:00Z" }
                    """),
            Map.entry(NotificationKind.RESCHEDULE_NOTICE,
                    "{" + SESSION + ", \"previousStart\": \"2026-11-27T16:00:00Z\" }"),
            Map.entry(NotificationKind.CANCELLATION_NOTICE, """
                    { "number": 2, "start": "2026-11-30T16:00:00Z", "end": "2026-11-30T17:55:00Z", "deferred": true }
                    """),
            Map.entry(NotificationKind.MISSED_SESSION_FOLLOW_UP, """
                    { "number": 2, "start": "2026-11-30T16:00:00Z", "end": "2026-11-30T17:55:00Z" }
                    """),
            Map.entry(NotificationKind.DAY_AFTER_CHECK_IN, "{ \"number\": 2, \"start\": null, \"end\": null }"),
            Map.entry(NotificationKind.RESCREENING_INVITATION, "{ \"dueBy\": \"2026-12-16\" }"),
            Map.entry(NotificationKind.BOOKING_CONFIRMATION, """
                    { "planId": "2f1c1f3e-8d0c-4c7e-9a35-6f0e3c2d1b10", "protocol": "ESKETAMINE_NASAL",
                      "sessions": [ { "number": 1, "start": "2026-11-26T17:00:00Z", "end": "2026-11-26T19:25:00Z" },
                                    { "number": 2, "start": "2026-11-30T16:00:00Z", "end": "2026-11-30T18:25:00Z" } ] }
                    """),
            Map.entry(NotificationKind.SESSION_REMINDER, "{" + SESSION + ", \"hoursBefore\": 48 }"),
            Map.entry(NotificationKind.CRISIS_PAGE, CRISIS),
            Map.entry(NotificationKind.CRISIS_LINE_MESSAGE, CRISIS),
            Map.entry(NotificationKind.CALL_PATIENT_TASK, CRISIS),
            Map.entry(NotificationKind.PARTNER_NOTICE, """
                    { "subscriptionId": "0b6c3a52-9d1e-4f7e-a0c2-5f1a7c2e9d41", "host": "hooks.riverside.example",
                      "what": "DISABLED_FAILING", "since": "2026-11-20T17:00:00Z", "lastResponseCode": 503,
                      "lastError": "HTTP_STATUS" }
                    """)));

    /** Three SMS segments of 153 characters: longer, and a phone may show the text in pieces or not at all. */
    private static final int LONGEST_TEXT = 459;

    @Autowired
    List<MessageTemplate> templates;
    @Autowired
    MailTemplates wording;

    @Test
    void everyKindHasATemplateAndASample() {
        assertThat(templates.stream().map(MessageTemplate::kind)).containsExactlyInAnyOrder(NotificationKind.values());
        assertThat(SAMPLES.keySet()).containsExactlyInAnyOrder(NotificationKind.values());
    }

    @Test
    void everyMessageIsWrittenWholeWithoutDiagnosisScoreOrContactDetails() {
        for (MessageTemplate template : templates) {
            NotificationKind kind = template.kind();
            boolean toPatient = kind.audience() == NotificationKind.Audience.PATIENT;
            Notification notification = Notification.pending(PATIENT, kind, UUID.randomUUID(), SAMPLES.get(kind),
                    Instant.parse("2026-11-25T17:00:01Z"));
            EmailMessage message = wording.render(kind, toPatient ? PATIENT_RECIPIENT : STAFF,
                    template.values(notification));
            String all = message.subject() + "\n" + message.text();

            assertThat(message.subject()).as(kind + " subject").isNotBlank().doesNotContain("\n");
            assertThat(all).as(kind.name())
                    .doesNotContain("{{").doesNotContain("}}")
                    .doesNotContain("dana.reyes@example.org").doesNotContain("Reyes")
                    .doesNotContainIgnoringCase("ketamine").doesNotContainIgnoringCase("esketamine")
                    .doesNotContainIgnoringCase("depression").doesNotContain("IV_").doesNotContain("ESKETAMINE_")
                    .doesNotContain("PHQ").doesNotContain("CSSRS").doesNotContain("GAD")
                    .doesNotContain("ELIGIBLE").doesNotContain("CRISIS_ESCALATION").doesNotContain("http");
            if (toPatient) {
                assertThat(message.text()).as(kind.name()).startsWith("Dear Dana,\n\n")
                        .doesNotContain(PATIENT.toString()).endsWith("\nClinic\n");
                assertThat(message.subject()).as(kind.name()).doesNotContainIgnoringCase("crisis");
            } else if (kind == NotificationKind.PARTNER_NOTICE) {
                // to a partner clinic: about its subscription, never a patient
                assertThat(all).as(kind.name()).doesNotContain("Dana").doesNotContain(PATIENT.toString())
                        .contains("0b6c3a52-9d1e-4f7e-a0c2-5f1a7c2e9d41", "hooks.riverside.example", "HTTP 503");
            } else {
                assertThat(all).as(kind.name()).doesNotContain("Dana").contains(PATIENT.toString());
            }
        }
    }

    @Test
    void everyPatientTextIsShortWholeWithTheCrisisLineAndWithoutDiagnosisScoreOrContactDetails() {
        for (MessageTemplate template : templates) {
            NotificationKind kind = template.kind();
            if (kind.audience() != NotificationKind.Audience.PATIENT) {
                assertThat(MailTemplates.hasText(kind)).as(kind + ": staff are paged by e-mail").isFalse();
                continue;
            }
            Notification notification = Notification.pending(PATIENT, kind, UUID.randomUUID(), SAMPLES.get(kind),
                    Instant.parse("2026-11-25T17:00:01Z"));
            String text = wording.renderText(kind, PATIENT_RECIPIENT, template.values(notification));

            assertThat(text).as(kind.name()).startsWith("Clinic: Dana, ")
                    .contains("988").hasSizeLessThanOrEqualTo(LONGEST_TEXT)
                    .doesNotContain("{{").doesNotContain("}}").doesNotContain("\n\n")
                    .doesNotContain("dana.reyes@example.org").doesNotContain("Reyes").doesNotContain("+1")
                    .doesNotContain(PATIENT.toString())
                    .doesNotContainIgnoringCase("ketamine").doesNotContainIgnoringCase("depression")
                    .doesNotContain("IV_").doesNotContain("ESKETAMINE_").doesNotContain("PHQ")
                    .doesNotContain("CSSRS").doesNotContain("GAD").doesNotContain("ELIGIBLE")
                    .doesNotContain("CRISIS_ESCALATION").doesNotContain("http");
        }
    }
}
