package org.clinicops.notification.notification;

import org.clinicops.notification.config.NotificationProperties;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RetryBackoffTests {

    private final RetryBackoff backoff = new RetryBackoff(new NotificationProperties.Retry(
            Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofSeconds(10)));

    @Test
    void routineMailWaitsTwiceAsLongAfterEachFailureUpToAMinute() {
        assertThat(IntStream.rangeClosed(1, 8).mapToObj(n -> backoff.after(n, NotificationKind.BOOKING_CONFIRMATION)))
                .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                        Duration.ofSeconds(16), Duration.ofSeconds(32), Duration.ofSeconds(60),
                        Duration.ofSeconds(60), Duration.ofSeconds(60));
    }

    @Test
    void crisisMessagesAreTriedAgainAtLeastEveryTenSeconds() {
        for (NotificationKind crisis : new NotificationKind[] {
                NotificationKind.CRISIS_PAGE, NotificationKind.CRISIS_LINE_MESSAGE}) {
            assertThat(IntStream.rangeClosed(1, 5).mapToObj(n -> backoff.after(n, crisis))).containsExactly(
                    Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(10),
                    Duration.ofSeconds(10));
        }
    }

    @Test
    void aNotificationIsNeverGivenUpOnHoweverOftenItFailed() {
        assertThat(backoff.after(1_000_000, NotificationKind.BOOKING_CONFIRMATION)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.after(Integer.MAX_VALUE, NotificationKind.CRISIS_PAGE)).isEqualTo(Duration.ofSeconds(10));
    }
}
