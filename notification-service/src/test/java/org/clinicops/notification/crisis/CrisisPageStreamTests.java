package org.clinicops.notification.crisis;

import jakarta.mail.internet.MimeMessage;
import org.clinicops.events.ProgressMeasureRecorded;
import org.clinicops.events.ScreeningCompleted;
import org.clinicops.events.ScreeningOutcome;
import org.clinicops.notification.StreamTestSupport;
import org.clinicops.support.testing.TestClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * CLINICAL section 5 for a crisis: ScreeningCompleted CloudEvents in on {@code clinic.screenings}; the on-call page
 * and the patient's crisis-line message out over real SMTP within seconds; nothing for any other outcome.
 */
class CrisisPageStreamTests extends StreamTestSupport {

    /** "Within seconds" (CLINICAL section 5), with room for a slow build machine. */
    private static final Duration WITHIN_SECONDS = Duration.ofSeconds(5);

    @Test
    void aCrisisPagesOnCallWithinSecondsAndSendsThePatientTheCrisisLine() {
        String address = newAddress("dana");
        UUID patient = intake.registerPatient("Dana", address, true);
        ScreeningCompleted crisis = screeningCompleted(patient, ScreeningOutcome.CRISIS_ESCALATION);

        send(crisis);

        MimeMessage page = await().atMost(WITHIN_SECONDS).until(() -> pagesAbout(patient), p -> !p.isEmpty())
                .getFirst();
        assertThat(subject(page)).contains(patient.toString());
        assertThat(body(page)).contains("assess the patient now")
                .contains(patient.toString())
                .contains(crisis.screeningId().toString())
                .contains("Wednesday, " + spelledDate("2026-11-25") + ", 9:00 AM PST");
        // ids only: no reasons, scores, indication, contact details or links in an e-mail
        assertThat(body(page)).doesNotContain("PHQ9").doesNotContain("CSSRS").doesNotContainIgnoringCase("depression")
                .doesNotContain(address).doesNotContain("Dana").doesNotContain("http");
        MimeMessage crisisLine = await().atMost(WITHIN_SECONDS).until(() -> mailTo(address), m -> !m.isEmpty())
                .getFirst();
        assertThat(body(crisisLine)).contains("Dear Dana,")
                .contains("988 Suicide & Crisis Lifeline: call or text 988");
        assertThat(body(crisisLine)).doesNotContain("PHQ9").doesNotContain("CSSRS")
                .doesNotContainIgnoringCase("depression").doesNotContainIgnoringCase("escalat");

        JsonNode notifications = await().atMost(PATIENCE).until(() -> notificationsOf(patient),
                list -> list.size() == 2 && list.valueStream().allMatch(n -> n.get("status").asString().equals("SENT")));
        assertThat(notifications.valueStream().map(n -> n.get("kind").asString()))
                .containsExactly("CRISIS_PAGE", "CRISIS_LINE_MESSAGE");
        assertThat(pagesAbout(patient)).hasSize(1);
    }

    @Test
    void s1_aProgressMeasureWithAPositiveItem9PagesOnCallAndSendsTheCrisisLine_anotherPagesNobody() {
        String address = newAddress("measure");
        UUID patient = intake.registerPatient("Noor", address, true);
        UUID calm = UUID.randomUUID();
        ProgressMeasureRecorded crisis = new ProgressMeasureRecorded(UUID.randomUUID(),
                TestClock.at("2026-11-30T16:05:00Z"), patient, UUID.randomUUID(), UUID.randomUUID(), true,
                List.of("PHQ9_ITEM9_POSITIVE"));

        events.send(new ProgressMeasureRecorded(UUID.randomUUID(), TestClock.at("2026-11-30T16:04:00Z"), calm,
                UUID.randomUUID(), null, false, List.of()), calm);
        events.send(crisis, crisis.measureId());
        events.send(crisis, crisis.measureId());

        MimeMessage page = await().atMost(WITHIN_SECONDS).until(() -> pagesAbout(patient), p -> !p.isEmpty())
                .getFirst();
        assertThat(body(page)).contains("A progress measure taken before a session was escalated as a crisis.")
                .contains("Measure:    " + crisis.measureId())
                .doesNotContain("Screening:").doesNotContain("PHQ").doesNotContain("Noor");
        assertThat(body(await().atMost(WITHIN_SECONDS).until(() -> mailTo(address), m -> !m.isEmpty()).getFirst()))
                .contains("988 Suicide & Crisis Lifeline: call or text 988");
        JsonNode notifications = await().atMost(PATIENCE).until(() -> notificationsOf(patient),
                list -> list.size() == 2 && list.valueStream().allMatch(n -> n.get("status").asString().equals("SENT")));
        assertThat(notifications.valueStream().map(n -> n.get("kind").asString()))
                .containsExactly("CRISIS_PAGE", "CRISIS_LINE_MESSAGE");
        assertThat(notificationsOf(calm)).isEmpty();
    }

    @Test
    void everyOtherOutcomePagesNobodyAndSendsNothing() {
        List<UUID> patients = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        send(screeningCompleted(patients.get(0), ScreeningOutcome.ELIGIBLE));
        send(screeningCompleted(patients.get(1), ScreeningOutcome.NEEDS_CLINICIAN_REVIEW));
        send(screeningCompleted(patients.get(2), ScreeningOutcome.INELIGIBLE));
        UUID marker = intake.registerPatient("Ari", newAddress("marker"), true);
        send(screeningCompleted(marker, ScreeningOutcome.CRISIS_ESCALATION));

        // one partition: once the later crisis is paged, the outcomes before it have been handled
        await().atMost(PATIENCE).until(() -> !pagesAbout(marker).isEmpty());
        for (UUID patient : patients) {
            assertThat(notificationsOf(patient)).isEmpty();
            assertThat(pagesAbout(patient)).isEmpty();
        }
    }

    @Test
    void aPatientWithoutEmailConsentIsStillPagedForAndOnCallIsAskedToCallThem() {
        String address = newAddress("no-consent");
        UUID patient = intake.registerPatient("Robin", address, false);
        ScreeningCompleted crisis = screeningCompleted(patient, ScreeningOutcome.CRISIS_ESCALATION);

        send(crisis);

        JsonNode skipped = awaitNotification(patient, "CRISIS_LINE_MESSAGE", "SKIPPED_NO_CONSENT");
        assertThat(skipped.get("lastError").asString()).contains("not consented");
        awaitNotification(patient, "CRISIS_PAGE", "SENT");
        awaitNotification(patient, "CALL_PATIENT_TASK", "SENT");
        List<MimeMessage> toOnCall = await().atMost(WITHIN_SECONDS).until(() -> pagesAbout(patient),
                mail -> mail.size() == 2);
        MimeMessage task = toOnCall.stream().filter(m -> subject(m).startsWith("CALL patient")).findFirst()
                .orElseThrow();
        assertThat(body(task)).contains("Call the patient now").contains(crisis.screeningId().toString())
                .contains("988").doesNotContain(address).doesNotContain("Robin");
        assertThat(mailTo(address)).isEmpty();
    }

    @Test
    void aPatientWhoConsentedButHasNoEmailOnFileIsCalledByOnCall() {
        UUID patient = intake.registerPatientWithoutEmail("Kai");

        send(screeningCompleted(patient, ScreeningOutcome.CRISIS_ESCALATION));

        JsonNode skipped = awaitNotification(patient, "CRISIS_LINE_MESSAGE", "SKIPPED_NO_CONSENT");
        assertThat(skipped.get("lastError").asString()).contains("no e-mail address");
        awaitNotification(patient, "CALL_PATIENT_TASK", "SENT");
    }

    @Test
    void aPatientReachedByTheCrisisLineNeedsNoCallTask() {
        String address = newAddress("reached");
        UUID patient = intake.registerPatient("Noa", address, true);

        send(screeningCompleted(patient, ScreeningOutcome.CRISIS_ESCALATION));

        awaitNotification(patient, "CRISIS_LINE_MESSAGE", "SENT");
        awaitNotification(patient, "CRISIS_PAGE", "SENT");
        assertThat(notificationsOf(patient).valueStream().map(n -> n.get("kind").asString()))
                .containsExactlyInAnyOrder("CRISIS_PAGE", "CRISIS_LINE_MESSAGE");
    }

    @Test
    void theSameCrisisDeliveredTwicePagesOnce() {
        String address = newAddress("twice");
        UUID patient = intake.registerPatient("Sam", address, true);
        ScreeningCompleted crisis = screeningCompleted(patient, ScreeningOutcome.CRISIS_ESCALATION);
        send(crisis);
        send(crisis);
        UUID marker = intake.registerPatient("Lee", newAddress("marker"), true);
        send(screeningCompleted(marker, ScreeningOutcome.CRISIS_ESCALATION));

        await().atMost(PATIENCE).until(() -> !pagesAbout(marker).isEmpty());
        awaitNotification(patient, "CRISIS_LINE_MESSAGE", "SENT");
        assertThat(pagesAbout(patient)).hasSize(1);
        assertThat(mailTo(address)).hasSize(1);
        assertThat(notificationsOf(patient)).hasSize(2);
    }

    @Test
    void aCrisisScreeningRecordedAtIntakeServicePagesOnCall() {
        String address = newAddress("through-intake");
        UUID patient = intake.registerPatient("Noa", address, true);

        // PHQ-9 item 9 answered 1: CLINICAL S-1, published by intake-service's own outbox
        JsonNode screening = intake.recordScreening(patient, 1);

        assertThat(screening.get("outcome").asString()).isEqualTo("CRISIS_ESCALATION");
        MimeMessage page = await().atMost(PATIENCE).until(() -> pagesAbout(patient), p -> !p.isEmpty()).getFirst();
        assertThat(body(page)).contains(screening.get("screeningId").asString())
                // recorded on intake-service's own clock, which starts on the test's reference day
                .contains("Recorded:   Wednesday, " + spelledDate("2026-11-25") + ", ");
        awaitNotification(patient, "CRISIS_LINE_MESSAGE", "SENT");
    }

    private List<MimeMessage> pagesAbout(UUID patient) {
        return mailTo(ON_CALL).stream().filter(m -> subject(m).contains(patient.toString())).toList();
    }
}
