package org.clinicops.notification.config;

import org.clinicops.notification.TestSettings;
import org.clinicops.support.testing.ServiceSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationPropertiesTests {

    @Test
    void defaultsAreTheLocalStackAndTheUsCrisisLine() {
        NotificationProperties properties = TestSettings.notification(Map.of());

        assertThat(properties.intakeUri()).isEqualTo(URI.create("http://localhost:8081"));
        assertThat(properties.clinicZone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
        assertThat(properties.onCall().email()).isEqualTo("oncall@clinic.local");
        assertThat(properties.backup().email()).isEqualTo("backup@clinic.local");
        assertThat(properties.crisisLine()).isEqualTo("988 Suicide & Crisis Lifeline: call or text 988");
        assertThat(properties.fromAddress().getAddress()).isEqualTo("no-reply@clinic.local");
        assertThat(properties.fromAddress().getPersonal()).isEqualTo("Clinic");
        assertThat(properties.dispatchInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(properties.retry().initialBackoff()).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.retry().maxBackoff()).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.calls().connectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.calls().readTimeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void messagesGiveTimesInTheZoneTheDeploymentSetsOnceForEveryService() {
        NotificationProperties properties = ServiceSettings.bind("notification-service", "notification",
                NotificationProperties.class, Map.of("CLINIC_ZONE", "Europe/London"));

        assertThat(properties.clinicZone()).isEqualTo(ZoneId.of("Europe/London"));
    }

    @Test
    void textsGoToTheLocalSmsCatcherWithQuietHoursFromNineToEightAndRemindersAre48And24HoursAhead() {
        NotificationProperties properties = TestSettings.notification(Map.of());

        assertThat(properties.sms().baseUrl()).isEqualTo(URI.create("http://127.0.0.1:3026"));
        assertThat(properties.sms().apiToken()).isEmpty();
        assertThat(properties.sms().timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(properties.sms().perSecond()).isEqualTo(5);
        assertThat(properties.sms().quietHours().start()).isEqualTo(LocalTime.of(21, 0));
        assertThat(properties.sms().quietHours().end()).isEqualTo(LocalTime.of(8, 0));
        assertThat(properties.reminders().hoursBefore()).containsExactly(48, 24);
    }

    @Test
    void reminderOffsetsAreASettingKeptLatestFirst() {
        NotificationProperties properties = TestSettings.notification(Map.of(
                "notification.reminders.hours-before", "2,72,24"));

        assertThat(properties.reminders().hoursBefore()).containsExactly(72, 24, 2);
    }

    @Test
    void reminderOffsetsThatAreNotDistinctWholeHoursAreRefused() {
        assertThatThrownBy(() -> TestSettings.notification(Map.of("notification.reminders.hours-before", "24,24")))
                .isInstanceOf(BindException.class)
                .satisfies(e -> assertThat(refusal(e)).hasMessageContaining("notification.reminders.hours-before"));
        assertThatThrownBy(() -> TestSettings.notification(Map.of("notification.reminders.hours-before", "0")))
                .isInstanceOf(BindException.class);
    }

    @Test
    void quietHoursThatStartWhenTheyEndAreRefused() {
        assertThatThrownBy(() -> TestSettings.notification(Map.of("notification.sms.quiet-hours.start", "08:00")))
                .isInstanceOf(BindException.class)
                .satisfies(e -> assertThat(refusal(e)).hasMessageContaining("quiet-hours"));
    }

    @Test
    void anOnCallAddressThatCanNeverWorkIsRefusedAtStartup() {
        assertThatThrownBy(() -> TestSettings.notification(Map.of("notification.on-call.email", "on call desk")))
                .isInstanceOf(BindException.class)
                .satisfies(e -> assertThat(refusal(e))
                        .hasMessage("notification.on-call.email is not a valid e-mail address: 'on call desk'"));
    }

    @Test
    void aBackupAddressThatCanNeverWorkIsRefusedAtStartup() {
        assertThatThrownBy(() -> TestSettings.notification(Map.of("notification.backup.email", "backup desk")))
                .isInstanceOf(BindException.class)
                .satisfies(e -> assertThat(refusal(e))
                        .hasMessage("notification.backup.email is not a valid e-mail address: 'backup desk'"));
    }

    @Test
    void aSenderAddressThatCanNeverWorkIsRefusedAtStartup() {
        assertThatThrownBy(() -> TestSettings.notification(Map.of("notification.from", "Clinic <no-reply>>")))
                .isInstanceOf(BindException.class)
                .satisfies(e -> assertThat(refusal(e)).hasMessageStartingWith("notification.from is not a valid"));
    }

    @Test
    void aBackoffCapBelowTheFirstBackoffIsRefused() {
        assertThatThrownBy(() -> TestSettings.notification(Map.of("notification.retry.initial-backoff", "10s",
                "notification.retry.crisis-max-backoff", "5s")))
                .isInstanceOf(BindException.class)
                .satisfies(e -> assertThat(refusal(e)).hasMessageContaining("crisis-max-backoff"));
    }

    /** The reason the settings gave for refusing the value, under the binder's wrapping. */
    private static Throwable refusal(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException) {
                return cause;
            }
        }
        throw new AssertionError("No IllegalArgumentException in " + e);
    }
}
