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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class BookingConfirmationTemplateTests {

    private final JsonMapper json = JsonMapper.builder().build();
    private final NotificationProperties properties = TestSettings.notification(Map.of(
            "notification.clinic-name", "Riverside Clinic"));
    private final BookingConfirmationTemplate template = new BookingConfirmationTemplate(properties, json);
    private final MailTemplates wording = TestTemplates.of(properties);

    @Test
    void sessionTimesAreWrittenInTheClinicsZoneAcrossTheChangeToDaylightSavingTime() {
        // US daylight saving time starts on Sunday 14 March 2027
        EmailMessage message = render(Protocol.IV_KETAMINE_DEPRESSION,
                session(1, "2027-03-12T17:00:00Z", "2027-03-12T18:55:00Z"),
                session(2, "2027-03-15T16:00:00Z", "2027-03-15T17:55:00Z"));

        assertThat(message.text())
                .contains("  1. Friday, March 12, 2027, 9:00 AM to 10:55 AM PST\n")
                .contains("  2. Monday, March 15, 2027, 9:00 AM to 10:55 AM PDT\n");
    }

    @Test
    void ivAndImSessionsNeedFourHoursWithoutFoodD1() {
        for (Protocol protocol : List.of(Protocol.IV_KETAMINE_DEPRESSION, Protocol.IM_KETAMINE)) {
            assertThat(render(protocol, session(1, "2026-11-26T17:00:00Z", "2026-11-26T18:55:00Z")).text())
                    .contains("Do not eat anything for 4 hours before your appointment.");
        }
    }

    @Test
    void esketamineSessionsNeedTwoHoursWithoutFoodAndThirtyMinutesWithoutDrinkD1() {
        assertThat(render(Protocol.ESKETAMINE_NASAL, session(1, "2026-11-26T17:00:00Z", "2026-11-26T19:25:00Z")).text())
                .contains("Do not eat anything for 2 hours, and do not drink anything for 30 minutes, before your "
                        + "appointment.")
                .doesNotContain("4 hours");
    }

    @Test
    void everyConfirmationAsksForARideHomeAndNoDrivingUntilTheNextDayD8() {
        assertThat(render(Protocol.IM_KETAMINE, session(1, "2026-11-26T17:00:00Z", "2026-11-26T18:20:00Z")).text())
                .contains("Arrange for an adult to take you home. You cannot leave on your own after a session.")
                .contains("Do not drive, cycle or operate machinery until the next day.");
    }

    @Test
    void theMessageNamesNoDrugProtocolOrConditionAndItsSubjectNothingClinical() {
        for (Protocol protocol : Protocol.values()) {
            EmailMessage message = render(protocol, session(1, "2026-11-26T17:00:00Z", "2026-11-26T18:55:00Z"));
            assertThat(message.text()).doesNotContainIgnoringCase("ketamine").doesNotContain(protocol.name())
                    .doesNotContainIgnoringCase("depression").doesNotContainIgnoringCase("infusion");
            assertThat(message.subject()).isEqualTo("Your appointments are confirmed");
        }
    }

    @Test
    void greetsThePatientByFirstNameAndSignsWithTheClinicsName() {
        EmailMessage message = render(Protocol.IV_KETAMINE_DEPRESSION,
                session(1, "2026-11-26T17:00:00Z", "2026-11-26T18:55:00Z"));

        assertThat(message.text()).startsWith("Dear Dana,\n\nYour appointments at Riverside Clinic are booked:")
                .endsWith("\nRiverside Clinic\n")
                .contains("988 Suicide & Crisis Lifeline: call or text 988");
    }

    @Test
    void aMadeUpSessionIsConfirmedOnItsOwnWithoutTheFirstVisitsConsultation() {
        EmailMessage message = render(true, Protocol.IV_KETAMINE_DEPRESSION,
                session(3, "2026-12-03T16:00:00Z", "2026-12-03T17:55:00Z"));

        assertThat(message.subject()).isEqualTo("Your new appointment is confirmed");
        assertThat(message.text())
                .startsWith("Dear Dana,\n\nYour new appointment at Riverside Clinic is booked, in place of the one "
                        + "that did not take place:\n\n  3. Thursday, December 3, 2026, 8:00 AM to 9:55 AM PST\n")
                .contains("Do not eat anything for 4 hours before your appointment.")
                .doesNotContain("consultation")
                .endsWith("\nRiverside Clinic\n");
    }

    @Test
    void d9_aBoosterIsConfirmedAsTheNextAppointment_withoutTheFirstVisitsConsultationOrAnyMissedOne() {
        EmailMessage message = render(false, true, Protocol.IV_KETAMINE_DEPRESSION,
                session(7, "2027-01-06T16:00:00Z", "2027-01-06T17:55:00Z"));

        assertThat(message.subject()).isEqualTo("Your next appointment is confirmed");
        assertThat(message.text())
                .startsWith("Dear Dana,\n\nYour next appointment at Riverside Clinic is booked:\n\n"
                        + "  7. Wednesday, January 6, 2027, 8:00 AM to 9:55 AM PST\n")
                .contains("Do not eat anything for 4 hours before your appointment.")
                .doesNotContain("consultation", "did not take place");
    }

    private EmailMessage render(Protocol protocol, BookedSeries.Session... sessions) {
        return render(false, false, protocol, sessions);
    }

    private EmailMessage render(boolean makeUp, Protocol protocol, BookedSeries.Session... sessions) {
        return render(makeUp, false, protocol, sessions);
    }

    private EmailMessage render(boolean makeUp, boolean booster, Protocol protocol, BookedSeries.Session... sessions) {
        BookedSeries series = new BookedSeries(UUID.randomUUID(), protocol, List.of(sessions), makeUp, booster);
        Notification notification = Notification.pending(UUID.randomUUID(), NotificationKind.BOOKING_CONFIRMATION,
                UUID.randomUUID(), json.writeValueAsString(series), Instant.parse("2026-11-25T17:00:00Z"));
        return wording.render(template.kind(), new Recipient("dana@example.org", "Dana"),
                template.values(notification));
    }

    private static BookedSeries.Session session(int number, String start, String end) {
        return new BookedSeries.Session(number, Instant.parse(start), Instant.parse(end));
    }
}
