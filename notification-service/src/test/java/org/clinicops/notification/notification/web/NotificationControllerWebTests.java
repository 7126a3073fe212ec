package org.clinicops.notification.notification.web;

import org.clinicops.notification.SharedNotificationServiceTest;
import org.clinicops.notification.notification.Channel;
import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.NotificationKind;
import org.clinicops.notification.notification.NotificationStatus;
import org.clinicops.notification.notification.Notifications;
import org.clinicops.support.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/patients/{patientId}/notifications} over stored rows, a page at a time. The clock stands still
 * before every row's
 * next attempt, so the dispatcher leaves them as they are.
 */
@SharedNotificationServiceTest
class NotificationControllerWebTests {

    /** Long after the service's clock (moved with it by the suite's base date): no stored row is due. */
    static final Instant NEXT_ATTEMPT = TestClock.at("2099-01-01T00:00:00Z");

    @Autowired
    MockMvcTester mvc;
    @Autowired
    Notifications notifications;
    @Autowired
    JsonMapper json;

    @Test
    void listsAPatientsNotificationsNewestFirstWithoutBodiesOrAddresses() throws Exception {
        UUID patient = UUID.randomUUID();
        Notification confirmation = stored(patient, NotificationKind.BOOKING_CONFIRMATION, NotificationStatus.SENT,
                "2026-11-20T10:00:00Z", "2026-11-20T10:00:01Z", 1, null);
        UUID alert = UUID.randomUUID();
        Notification page = stored(patient, NotificationKind.CRISIS_PAGE, NotificationStatus.SENT,
                "2026-11-22T10:00:00Z", "2026-11-22T10:00:00.300Z", 1, null,
                "{\"screeningId\": \"" + UUID.randomUUID() + "\", \"recordedAt\": \"2026-11-22T10:00:00Z\", "
                        + "\"alertId\": \"" + alert + "\"}");
        Notification crisisLine = stored(patient, NotificationKind.CRISIS_LINE_MESSAGE,
                NotificationStatus.SKIPPED_NO_CONSENT, "2026-11-22T10:00:00Z", null, 1,
                "the patient has not consented to e-mail");
        Notification waiting = stored(patient, NotificationKind.BOOKING_CONFIRMATION, NotificationStatus.PENDING,
                "2026-11-24T10:00:00Z", null, 4, "intake-service unreachable (ConnectException)");
        stored(UUID.randomUUID(), NotificationKind.BOOKING_CONFIRMATION, NotificationStatus.SENT,
                "2026-11-23T10:00:00Z", "2026-11-23T10:00:01Z", 1, null);

        MvcTestResult result = mvc.get().uri("/api/patients/{patientId}/notifications", patient).exchange();

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        JsonNode list = json.readTree(result.getResponse().getContentAsByteArray());
        assertThat(list.isArray()).isTrue();
        assertThat(result.getResponse().getHeader(HttpHeaders.LINK)).as("all on one page").isNull();
        // newest first; of one event, the page before the crisis-line message
        assertThat(list.valueStream().map(n -> n.get("notificationId").asString())).containsExactly(
                waiting.notificationId().toString(), page.notificationId().toString(),
                crisisLine.notificationId().toString(), confirmation.notificationId().toString());
        JsonNode first = list.get(0);
        assertThat(first.propertyNames()).containsExactlyInAnyOrder("notificationId", "kind", "channel", "status",
                "createdAt", "sentAt", "attempts", "lastError", "alertId", "heldUntil");
        assertThat(first.get("kind").asString()).isEqualTo("BOOKING_CONFIRMATION");
        assertThat(first.get("channel").asString()).isEqualTo("EMAIL");
        assertThat(first.get("status").asString()).isEqualTo("PENDING");
        assertThat(first.get("createdAt").asString()).isEqualTo(TestClock.isoInstant("2026-11-24T10:00:00Z"));
        assertThat(first.get("sentAt").isNull()).isTrue();
        assertThat(first.get("attempts").asInt()).isEqualTo(4);
        assertThat(first.get("lastError").asString()).isEqualTo("intake-service unreachable (ConnectException)");
        assertThat(list.get(1).get("sentAt").asString())
                .isEqualTo(TestClock.isoInstant("2026-11-22T10:00:00.300Z"));
        assertThat(list.get(2).get("status").asString()).isEqualTo("SKIPPED_NO_CONSENT");
        // a staff page names the alert to acknowledge; other kinds belong to none
        assertThat(list.get(1).get("alertId").asString()).isEqualTo(alert.toString());
        assertThat(first.get("alertId").isNull()).isTrue();
        assertThat(list.get(2).get("alertId").isNull()).isTrue();
        // the stored content is what the message is written from, never part of the answer
        assertThat(result.getResponse().getContentAsString()).doesNotContain("sessions").doesNotContain("planId");
    }

    @Test
    void aPatientThisServiceHasSentNothingAboutHasAnEmptyList() {
        MvcTestResult result = mvc.get().uri("/api/patients/{patientId}/notifications", UUID.randomUUID()).exchange();

        assertThat(result).hasStatusOk().bodyJson().isStrictlyEqualTo("[]");
        assertThat(result.getResponse().getHeader(HttpHeaders.LINK)).isNull();
    }

    @Test
    void aLongListComesLimitAtATimeEachPageAtTheLinkOfTheOneBefore() {
        UUID patient = UUID.randomUUID();
        List<String> newestFirst = new ArrayList<>();
        for (int day = 24; day >= 20; day--) {
            // a crisis's page and crisis-line message share their moment: the page first
            newestFirst.add(stored(patient, NotificationKind.CRISIS_PAGE, NotificationStatus.SENT,
                    "2026-11-" + day + "T10:00:00Z", "2026-11-" + day + "T10:00:01Z", 1, null)
                    .notificationId().toString());
            newestFirst.add(stored(patient, NotificationKind.CRISIS_LINE_MESSAGE, NotificationStatus.SENT,
                    "2026-11-" + day + "T10:00:00Z", "2026-11-" + day + "T10:00:01Z", 1, null)
                    .notificationId().toString());
        }

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String next = null;
        do {
            var request = mvc.get().uri("/api/patients/{patientId}/notifications", patient).param("limit", "3");
            Page page = page(next == null ? request : request.param("next", next));
            page.notifications().valueStream().map(n -> n.get("notificationId").asString()).forEach(seen::add);
            pageSizes.add(page.notifications().size());
            next = page.next();
        } while (next != null);

        assertThat(pageSizes).containsExactly(3, 3, 3, 1);
        assertThat(seen).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void aPageIsAHundredUnlessTheLimitSaysOtherwiseAndAtMostFiveHundred() {
        UUID patient = UUID.randomUUID();
        for (int i = 0; i < 101; i++) {
            stored(patient, NotificationKind.BOOKING_CONFIRMATION, NotificationStatus.SENT,
                    "2026-11-20T10:00:00Z", "2026-11-20T10:00:01Z", 1, null);
        }

        Page byDefault = page(mvc.get().uri("/api/patients/{patientId}/notifications", patient));
        Page mostAllowed = page(mvc.get().uri("/api/patients/{patientId}/notifications", patient)
                .param("limit", "500"));

        assertThat(byDefault.notifications().size()).isEqualTo(100);
        assertThat(byDefault.next()).isNotNull();
        assertThat(mostAllowed.notifications().size()).isEqualTo(101);
        assertThat(mostAllowed.next()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"501", "0", "-1", "many"})
    void aLimitOutsideOneToFiveHundredIsA400ProblemNamingLimit(String limit) {
        MvcTestResult result = mvc.get().uri("/api/patients/{patientId}/notifications", UUID.randomUUID())
                .param("limit", limit).exchange();

        assertThat(result).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json.readTree(result.getResponse().getContentAsByteArray());
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("limit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-cursor", "bm90IGEgY3Vyc29y", "MjAyNi0xMS0yMFQxMDowMDowMFp8MA"})
    void aNextCursorThisListDidNotGiveIsA400ProblemNamingNext(String next) {
        MvcTestResult result = mvc.get().uri("/api/patients/{patientId}/notifications", UUID.randomUUID())
                .param("next", next).exchange();

        assertThat(result).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json.readTree(result.getResponse().getContentAsByteArray());
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("next");
    }

    @Test
    void aMalformedPatientIdIsA400ProblemNamingPatientId() {
        MvcTestResult result = mvc.get().uri("/api/patients/{patientId}/notifications", "not-a-uuid").exchange();

        assertThat(result).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json.readTree(result.getResponse().getContentAsByteArray());
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("patientId");
        assertThat(problem.get("detail").asString()).contains("patientId");
    }

    /** A page: its notifications, and the {@code next} cursor of its {@code Link rel="next"} (null on the last). */
    private record Page(JsonNode notifications, String next) {
    }

    private Page page(MockMvcTester.MockMvcRequestBuilder request) {
        MvcTestResult result = request.exchange();
        assertThat(result).hasStatusOk();
        String link = result.getResponse().getHeader(HttpHeaders.LINK);
        String next = null;
        if (link != null) {
            Matcher cursor = NEXT_CURSOR.matcher(link);
            assertThat(cursor.matches()).as(link).isTrue();
            next = cursor.group(1);
        }
        return new Page(json.readTree(result.getResponse().getContentAsByteArray()), next);
    }

    private static final Pattern NEXT_CURSOR =
            Pattern.compile("</api/patients/[0-9a-f-]+/notifications\\?limit=\\d+&next=([A-Za-z0-9_-]+)>; rel=\"next\"");

    /** A stored row with these times of the reference week (before the service's clock, moved with it). */
    private Notification stored(UUID patient, NotificationKind kind, NotificationStatus status, String createdAt,
                                String sentAt, int attempts, String lastError) {
        return stored(patient, kind, status, createdAt, sentAt, attempts, lastError,
                "{\"planId\": \"" + UUID.randomUUID() + "\", \"sessions\": []}");
    }

    private Notification stored(UUID patient, NotificationKind kind, NotificationStatus status, String createdAt,
                                String sentAt, int attempts, String lastError, String content) {
        Notification n = new Notification(UUID.randomUUID(), patient, kind, Channel.EMAIL, status, attempts,
                NEXT_ATTEMPT, lastError, TestClock.at(createdAt),
                sentAt == null ? null : TestClock.at(sentAt), UUID.randomUUID(), "front-desk-42", null, content,
                kind.firstRecipient(), null);
        assertThat(notifications.insert(n)).isTrue();
        return n;
    }
}
