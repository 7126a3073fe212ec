package org.clinicops.notification.notification;

import org.clinicops.notification.SharedNotificationServiceTest;
import org.clinicops.support.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicops.notification.notification.NotificationKind.Audience.PATIENT;
import static org.clinicops.notification.notification.NotificationKind.Audience.STAFF;

/**
 * The notification queue on real PostgreSQL: which notification the dispatcher claims next, and that instances
 * never claim the same one. The service's clock stands years before these rows are due, so its own dispatcher
 * leaves them alone; most tests roll back what they stored.
 */
@SharedNotificationServiceTest
class NotificationQueueTests {

    /** Years after the service's clock (both moved by the suite's base date): its dispatcher never claims these. */
    static final Instant T = TestClock.at("2030-01-01T00:00:00Z");

    @Autowired
    Notifications notifications;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void staffPagesHaveALaneOfTheirOwnAndCrisisLineMessagesGoBeforeRoutineMail() {
        transactions.executeWithoutResult(status -> {
            store(NotificationKind.BOOKING_CONFIRMATION, T);
            store(NotificationKind.CRISIS_LINE_MESSAGE, T.plusSeconds(60));
            store(NotificationKind.CRISIS_PAGE, T.plusSeconds(120));
            Instant now = T.plusSeconds(3600);

            assertThat(drain(STAFF, now)).containsExactly(NotificationKind.CRISIS_PAGE);
            assertThat(drain(PATIENT, now)).containsExactly(
                    NotificationKind.CRISIS_LINE_MESSAGE, NotificationKind.BOOKING_CONFIRMATION);
            status.setRollbackOnly();
        });
    }

    @Test
    void theLongestDueGoesFirstAndWhatIsNotDueYetWaits() {
        transactions.executeWithoutResult(status -> {
            Notification later = store(NotificationKind.BOOKING_CONFIRMATION, T.plusSeconds(600));
            Notification earlier = store(NotificationKind.BOOKING_CONFIRMATION, T.plusSeconds(300));
            store(NotificationKind.BOOKING_CONFIRMATION, T.plusSeconds(7200));
            Instant now = T.plusSeconds(3600);

            Notification first = notifications.claimNextDue(now, PATIENT).orElseThrow();
            notifications.markSent(first, now);
            Notification second = notifications.claimNextDue(now, PATIENT).orElseThrow();
            notifications.markSent(second, now);

            assertThat(List.of(first.notificationId(), second.notificationId()))
                    .containsExactly(earlier.notificationId(), later.notificationId());
            assertThat(notifications.claimNextDue(now, PATIENT)).isEmpty();
            status.setRollbackOnly();
        });
    }

    @Test
    void aFailedAttemptIsCountedAndTheNotificationWaitsPendingUntilItsNextAttempt() {
        transactions.executeWithoutResult(status -> {
            store(NotificationKind.CRISIS_PAGE, T);
            Notification claimed = notifications.claimNextDue(T, STAFF).orElseThrow();

            notifications.retryLater(claimed, "mail server did not accept the message (ConnectException)",
                    T.plusSeconds(2));

            assertThat(notifications.claimNextDue(T.plusSeconds(1), STAFF)).isEmpty();
            Notification again = notifications.claimNextDue(T.plusSeconds(2), STAFF).orElseThrow();
            assertThat(again.notificationId()).isEqualTo(claimed.notificationId());
            assertThat(again.status()).isEqualTo(NotificationStatus.PENDING);
            assertThat(again.attempts()).isEqualTo(1);
            assertThat(again.lastError()).contains("mail server");
            status.setRollbackOnly();
        });
    }

    @Test
    void anEventCausesAtMostOneNotificationOfEachKind() {
        transactions.executeWithoutResult(status -> {
            UUID patient = UUID.randomUUID();
            UUID event = UUID.randomUUID();

            assertThat(notifications.insert(Notification.pending(patient, NotificationKind.CRISIS_PAGE, event, "{}", T)))
                    .isTrue();
            assertThat(notifications.insert(Notification.pending(patient, NotificationKind.CRISIS_PAGE, event, "{}", T)))
                    .isFalse();
            assertThat(notifications.insert(
                    Notification.pending(patient, NotificationKind.CRISIS_LINE_MESSAGE, event, "{}", T))).isTrue();
            assertThat(notifications.ofPatient(patient, null, 100).notifications()).hasSize(2);
            status.setRollbackOnly();
        });
    }

    /** The table's check of kinds keeps up with the code's: a new kind without its migration fails here. */
    @Test
    void everyKindOfNotificationCanBeStored() {
        transactions.executeWithoutResult(status -> {
            UUID patient = UUID.randomUUID();
            UUID event = UUID.randomUUID();
            for (NotificationKind kind : NotificationKind.values()) {
                assertThat(notifications.insert(Notification.pending(patient, kind, event, "{}", T))).as(kind.name())
                        .isTrue();
            }
            assertThat(notifications.ofPatient(patient, null, 100).notifications())
                    .hasSize(NotificationKind.values().length);
            status.setRollbackOnly();
        });
    }

    @Test
    void anEventCausesAtMostOneReminderPerDedupeKey() {
        transactions.executeWithoutResult(status -> {
            UUID patient = UUID.randomUUID();
            UUID event = UUID.randomUUID();
            String session = UUID.randomUUID().toString();

            assertThat(notifications.insert(reminder(patient, event), session + "/48h")).isTrue();
            assertThat(notifications.insert(reminder(patient, event), session + "/48h")).isFalse();
            assertThat(notifications.insert(reminder(patient, event), session + "/24h")).isTrue();
            assertThat(notifications.ofPatient(patient, null, 100).notifications()).hasSize(2);
            status.setRollbackOnly();
        });
    }

    @Test
    void aMessageGetsItsTextOnceHoweverOftenItIsAddedWithTheRemindersKeyAndExpiry() {
        transactions.executeWithoutResult(status -> {
            UUID patient = UUID.randomUUID();
            Notification email = reminder(patient, UUID.randomUUID());
            notifications.insert(email, "s/48h", T.plusSeconds(3600));

            notifications.addChannel(email, Channel.SMS, T);
            notifications.addChannel(email, Channel.SMS, T);

            assertThat(notifications.ofPatient(patient, null, 100).notifications()).extracting(Notification::channel)
                    .containsExactlyInAnyOrder(Channel.EMAIL, Channel.SMS);
            assertThat(jdbc.sql("select dedupe_key, expires_at from notification "
                            + "where patient_id = :patient and channel = 'SMS'")
                    .param("patient", patient)
                    .query((rs, row) -> rs.getString("dedupe_key") + " "
                            + rs.getObject("expires_at", java.time.OffsetDateTime.class).toInstant())
                    .single()).isEqualTo("s/48h " + T.plusSeconds(3600));
            status.setRollbackOnly();
        });
    }

    @Test
    void aHeldTextIsClaimedOnlyOnceItsQuietHoursEndAndCanBeSuppressedMeanwhile() {
        transactions.executeWithoutResult(status -> {
            Notification held = store(NotificationKind.BOOKING_CONFIRMATION, T);
            notifications.hold(held, T.plusSeconds(3600));

            assertThat(notifications.claimNextDue(T.plusSeconds(3599), NotificationKind.Audience.PATIENT)).isEmpty();
            assertThat(notifications.claimNextDue(T.plusSeconds(3600), NotificationKind.Audience.PATIENT))
                    .hasValueSatisfying(n -> assertThat(n.status()).isEqualTo(NotificationStatus.HELD));

            Notification reminder = reminder(held.patientId(), UUID.randomUUID());
            notifications.insert(reminder, "session-1/24h");
            notifications.hold(reminder, T.plusSeconds(3600));
            assertThat(notifications.suppressPending(held.patientId(), NotificationKind.SESSION_REMINDER,
                    "session-1/", "the session was moved to another time")).isEqualTo(1);
            status.setRollbackOnly();
        });
    }

    /** The clock can pass a reminder's expiry between a round's expiry sweep and its claim: it is still not sent. */
    @Test
    void aReminderPastItsExpiryIsNeverClaimed_evenBeforeTheSweepClosesIt() {
        transactions.executeWithoutResult(status -> {
            Instant due = T.plus(Duration.ofHours(24));
            Instant nextReminderDue = due.plus(Duration.ofHours(24));
            Notification reminder = Notification.pendingUntil(UUID.randomUUID(), NotificationKind.SESSION_REMINDER,
                    UUID.randomUUID(), "{}", T, due);
            assertThat(notifications.insert(reminder, "s/48h", nextReminderDue)).isTrue();

            assertThat(notifications.claimNextDue(nextReminderDue.minusMillis(1), PATIENT)).isPresent();
            assertThat(notifications.claimNextDue(nextReminderDue, PATIENT)).isEmpty();
            assertThat(notifications.expire(nextReminderDue)).isOne();
            status.setRollbackOnly();
        });
    }

    @Test
    void aReminderIsNotClaimedBeforeItIsDue() {
        transactions.executeWithoutResult(status -> {
            Instant due = T.plus(Duration.ofHours(24));
            Notification reminder = Notification.pendingUntil(UUID.randomUUID(), NotificationKind.SESSION_REMINDER,
                    UUID.randomUUID(), "{}", T, due);
            assertThat(notifications.insert(reminder, "s/24h")).isTrue();

            assertThat(notifications.claimNextDue(due.minusMillis(1), PATIENT)).isEmpty();
            assertThat(notifications.claimNextDue(due, PATIENT).map(Notification::notificationId))
                    .contains(reminder.notificationId());
            status.setRollbackOnly();
        });
    }

    @Test
    void anotherInstanceSkipsANotificationBeingSentInsteadOfWaitingForIt() throws Exception {
        Instant due = T.plus(Duration.ofDays(365));
        Notification crisisLine = transactions.execute(s -> store(NotificationKind.CRISIS_LINE_MESSAGE, due));
        Notification confirmation = transactions.execute(s -> store(NotificationKind.BOOKING_CONFIRMATION, due));
        ExecutorService instances = Executors.newFixedThreadPool(2);
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            CompletableFuture<UUID> first = CompletableFuture.supplyAsync(() -> transactions.execute(s -> {
                UUID id = notifications.claimNextDue(due, PATIENT).orElseThrow().notificationId();
                claimed.countDown();
                await(release);
                return id;
            }), instances);
            await(claimed);

            // without SKIP LOCKED this would wait for the first instance, which waits for us: a timeout
            Optional<UUID> second = CompletableFuture.supplyAsync(() -> transactions.execute(s ->
                    notifications.claimNextDue(due, PATIENT).map(Notification::notificationId)), instances)
                    .get(10, TimeUnit.SECONDS);
            release.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(crisisLine.notificationId());
            assertThat(second).contains(confirmation.notificationId());
        } finally {
            release.countDown();
            instances.shutdownNow();
            jdbc.sql("delete from notification where notification_id in (:ids)")
                    .param("ids", List.of(crisisLine.notificationId(), confirmation.notificationId())).update();
        }
    }

    /** Claims and marks sent everything due in the lane, answering the kinds in the order they were claimed. */
    private List<NotificationKind> drain(NotificationKind.Audience lane, Instant now) {
        List<NotificationKind> order = new ArrayList<>();
        Optional<Notification> next;
        while ((next = notifications.claimNextDue(now, lane)).isPresent()) {
            order.add(next.get().kind());
            notifications.markSent(next.get(), now);
        }
        return order;
    }

    private Notification store(NotificationKind kind, Instant due) {
        Notification n = Notification.pending(UUID.randomUUID(), kind, UUID.randomUUID(), "{}", due);
        assertThat(notifications.insert(n)).isTrue();
        return n;
    }

    private static Notification reminder(UUID patient, UUID event) {
        return Notification.pendingUntil(patient, NotificationKind.SESSION_REMINDER, event, "{}", T, T);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Timed out waiting for the other instance");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
