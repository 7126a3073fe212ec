package org.clinicops.notification.template;

import org.clinicops.notification.TestTemplates;
import org.clinicops.notification.notification.EmailMessage;
import org.clinicops.notification.notification.NotificationKind;
import org.clinicops.notification.notification.Recipient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Loading the templates from {@code notification.templates.location}: a clinic's own wording, and refusals. */
class MailTemplatesTests {

    private static final Path BUILT_IN = Path.of("src/main/resources/notification-templates");

    @TempDir
    Path clinicFolder;

    @Test
    void aClinicsOwnFolderChangesTheWordingOfAMessageAndOfEveryMessageSharingAPartial() throws IOException {
        copyBuiltIn();
        Files.writeString(clinicFolder.resolve("partials/crisis-line.mustache"), """
                Need to talk to someone now? Call {{crisisLine}}.
                """);

        MailTemplates templates = TestTemplates.of(Map.of(
                "notification.templates.location", clinicFolder.toUri().toString(),
                "notification.crisis-line", "Samaritans on 116 123"));
        EmailMessage message = templates.render(NotificationKind.BOOKING_CONFIRMATION,
                new Recipient("dana@example.org", "Dana"), Map.of("sessions", List.of(),
                        "fourHoursNoFood", true, "twoHoursNoFood", false, "makeUp", false, "booster", false,
                        "series", true));

        assertThat(message.text()).contains("\nNeed to talk to someone now? Call Samaritans on 116 123.\n")
                .doesNotContain("help is available at any time");
    }

    @Test
    void aPatientWithoutAFirstNameIsGreetedWithHello() {
        EmailMessage message = TestTemplates.of(Map.of()).render(NotificationKind.CRISIS_LINE_MESSAGE,
                new Recipient("kai@example.org", null), Map.of());

        assertThat(message.text()).startsWith("Hello,\n\n");
    }

    @Test
    void aFolderWithoutEveryTemplateStopsTheStartNamingTheMissingOne() throws IOException {
        copyBuiltIn();
        Files.delete(clinicFolder.resolve("email/session-reminder.mustache"));

        assertThatThrownBy(() -> TestTemplates.of(Map.of(
                "notification.templates.location", clinicFolder.toUri().toString())))
                .hasMessageContaining("email/session-reminder.mustache");
    }

    @Test
    void aTagWithoutAValueFailsInsteadOfLeavingAGap() {
        MailTemplates templates = TestTemplates.of(Map.of());

        assertThatThrownBy(() -> templates.render(NotificationKind.SESSION_REMINDER,
                new Recipient("dana@example.org", "Dana"), Map.of()))
                .hasMessageContaining("day");
    }

    private void copyBuiltIn() throws IOException {
        try (var files = Files.walk(BUILT_IN)) {
            for (Path source : files.toList()) {
                Path target = clinicFolder.resolve(BUILT_IN.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
