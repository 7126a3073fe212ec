package org.clinicops.notification.notification;

import io.micrometer.core.instrument.MeterRegistry;
import org.clinicops.notification.SharedNotificationServiceTest;
import org.clinicops.support.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What ops are alerted on when messages stop going out, a crisis page above all: how many of each kind wait, and for
 * how long the one due longest has waited since it was due. The rows are due years after the service's clock, so its
 * own dispatcher leaves them alone.
 */
@SharedNotificationServiceTest
class PendingNotificationsGaugeTests {

    static final Instant T = TestClock.at("2030-01-01T00:00:00Z");

    @Autowired
    Notifications notifications;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theAgeCountsFromWhenTheNotificationDueLongestBecameDue_acrossItsRetries_notOneNotDueYetNorOneSent() {
        transactions.executeWithoutResult(status -> {
            store(NotificationKind.CRISIS_PAGE, T);
            store(NotificationKind.CRISIS_PAGE, T.plusSeconds(60));
            store(NotificationKind.CRISIS_PAGE, T.plusSeconds(7200));
            store(NotificationKind.BOOKING_CONFIRMATION, T.minusSeconds(600));
            Instant now = T.plusSeconds(3600);
            assertThat(notifications.longestDue(NotificationKind.CRISIS_PAGE, T.minusSeconds(1))).isEmpty();

            Notification failing = notifications.claimNextDue(T, NotificationKind.Audience.STAFF).orElseThrow();
            notifications.retryLater(failing, "mail server did not accept the message", now.minusSeconds(5));
            assertThat(notifications.longestDue(NotificationKind.CRISIS_PAGE, now)).as("still waiting since T")
                    .contains(T);

            notifications.markSent(failing, now);
            assertThat(notifications.longestDue(NotificationKind.CRISIS_PAGE, now)).contains(T.plusSeconds(60));
            assertThat(notifications.longestDue(NotificationKind.CALL_PATIENT_TASK, now)).isEmpty();
            status.setRollbackOnly();
        });
    }

    @Test
    void theRunningServiceHasBothGaugesForEveryKind_countingWhatIsStoredAndAgeingOnlyWhatIsDue() {
        Notification page = transactions.execute(status -> store(NotificationKind.CRISIS_PAGE, T));
        try {
            for (NotificationKind kind : NotificationKind.values()) {
                assertThat(gauge("notification.pending", kind)).as(kind.name())
                        .isEqualTo(kind == NotificationKind.CRISIS_PAGE ? 1 : 0);
                assertThat(gauge("notification.pending.oldest.age", kind)).as("%s: none due yet", kind).isZero();
            }
        } finally {
            jdbc.sql("delete from notification where notification_id = :id").param("id", page.notificationId())
                    .update();
        }
    }

    private double gauge(String name, NotificationKind kind) {
        return meters.get(name).tag("kind", kind.name()).gauge().value();
    }

    private Notification store(NotificationKind kind, Instant due) {
        Notification n = Notification.pending(UUID.randomUUID(), kind, UUID.randomUUID(), "{}", due);
        assertThat(notifications.insert(n)).isTrue();
        return n;
    }
}
