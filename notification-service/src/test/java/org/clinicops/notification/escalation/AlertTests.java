package org.clinicops.notification.escalation;

import org.clinicops.notification.notification.StaffRole;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chain of CLINICAL section 5 as an alert computes it, on instants chosen by the test. */
class AlertTests {

    static final Instant T = Instant.parse("2026-11-25T17:00:00Z");

    @Test
    void aCrisisChainIsOneTwoFourSixPagesAtTTenFifteenAndTwenty() {
        Alert alert = Alert.raised(UUID.randomUUID(), AlertKind.CRISIS, UUID.randomUUID(), null, T, "{}");
        List<StaffRole> paged = new ArrayList<>();
        List<Integer> totals = new ArrayList<>();

        for (int minutes : new int[] {0, 5, 9, 10, 12, 15, 19, 20}) {
            Instant now = T.plus(Duration.ofMinutes(minutes));
            Alert current = alert;
            alert = current.stepDueAt(now).map(step -> {
                paged.addAll(current.rolesAt(step));
                return current.pagedThrough(step);
            }).orElse(current);
            totals.add(paged.size());
        }

        assertThat(totals).containsExactly(1, 1, 1, 2, 2, 4, 4, 6);
        assertThat(paged).containsExactly(StaffRole.ON_CALL, StaffRole.BACKUP, StaffRole.ON_CALL, StaffRole.BACKUP,
                StaffRole.ON_CALL, StaffRole.BACKUP);
        assertThat(alert.nextPageAt()).isEqualTo(T.plus(Duration.ofMinutes(25)));
    }

    @Test
    void aSafetyAlertPagesThePrescriberFirstThenTheOnCallClinician() {
        Alert alert = Alert.raised(UUID.randomUUID(), AlertKind.SAFETY_ALERT, UUID.randomUUID(), UUID.randomUUID(),
                T, "{}");

        assertThat(alert.rolesAt(0)).containsExactly(StaffRole.PRESCRIBER);
        assertThat(alert.rolesAt(1)).containsExactly(StaffRole.ON_CALL);
        assertThat(alert.rolesAt(2)).containsExactly(StaffRole.PRESCRIBER, StaffRole.ON_CALL);
    }

    @Test
    void afterTwentyMinutesWithoutPagingOnlyTheCurrentStepIsDueNotEveryMissedOne() {
        Alert alert = Alert.raised(UUID.randomUUID(), AlertKind.CRISIS, UUID.randomUUID(), null, T, "{}")
                .pagedThrough(0);

        assertThat(alert.stepDueAt(T.plus(Duration.ofMinutes(9)))).isEmpty();
        assertThat(alert.stepDueAt(T.plus(Duration.ofMinutes(22)))).contains(3);
        assertThat(alert.pagedThrough(3).nextPageAt()).isEqualTo(T.plus(Duration.ofMinutes(25)));
    }

    @Test
    void theFirstPageIsDueAtOnceEvenWhenTheRaisingServicesClockIsAhead() {
        Alert alert = Alert.raised(UUID.randomUUID(), AlertKind.CRISIS, UUID.randomUUID(), null, T, "{}");

        assertThat(alert.stepDueAt(T.minusSeconds(3))).contains(0);
    }

    @Test
    void anAcknowledgedAlertHasNoPageDueAndKeepsItsFirstAcknowledgement() {
        Alert alert = Alert.raised(UUID.randomUUID(), AlertKind.CRISIS, UUID.randomUUID(), null, T, "{}")
                .pagedThrough(0);

        Alert acknowledged = alert.acknowledge("dr-okafor", T.plus(Duration.ofMinutes(3)));
        Alert again = acknowledged.acknowledge("n.reyes", T.plus(Duration.ofMinutes(4)));

        assertThat(acknowledged.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(acknowledged.nextPageAt()).isNull();
        assertThat(acknowledged.stepDueAt(T.plus(Duration.ofHours(1)))).isEmpty();
        assertThat(again).isEqualTo(acknowledged);
        assertThatThrownBy(() -> acknowledged.pagedThrough(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> alert.pagedThrough(0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCrisisScreeningAlwaysHasTheSameAlertId() {
        UUID screening = UUID.randomUUID();

        assertThat(Alert.crisisAlertId(screening)).isEqualTo(Alert.crisisAlertId(screening))
                .isNotEqualTo(Alert.crisisAlertId(UUID.randomUUID()));
    }
}
