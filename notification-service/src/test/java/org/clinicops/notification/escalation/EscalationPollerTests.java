package org.clinicops.notification.escalation;

import org.clinicops.events.Topics;
import org.clinicops.support.testing.ServiceTest;
import org.clinicops.support.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The poller on real PostgreSQL, as two instances would run it: each alert claimed by one of them, each page stored
 * once. The service's own poller waits an hour between rounds here, so the test's pollers are the only ones; no mail
 * server answers, so pages stay stored and unsent.
 */
@ServiceTest(topics = {Topics.SESSIONS, Topics.SCREENINGS}, partitions = 1, now = "2026-11-25T17:00:00Z",
        properties = "notification.escalation.poll-interval=1h")
@ActiveProfiles("test")
class EscalationPollerTests {

    static final Instant T = TestClock.at("2026-11-25T17:00:00Z");

    @Autowired
    Escalations escalations;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    @BeforeEach
    void clockAtT() {
        clock.set(T);
    }

    @Test
    void twoPollersAtOnceStoreEachPageOnceAndAfterTwentyMinutesDownPageOnlyTheCurrentStep() throws Exception {
        List<UUID> alerts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            alerts.add(raiseCrisis());
        }
        // the service was down from just after T: at T+20 min, steps 1 and 2 were missed
        clock.set(T.plus(Duration.ofMinutes(20)));

        List<Integer> claimed = runPollersAtOnce(2);

        assertThat(claimed.stream().mapToInt(Integer::intValue).sum()).isEqualTo(alerts.size());
        for (UUID alert : alerts) {
            assertThat(pageKeysOf(alert)).containsExactly(alert + "/0/ON_CALL", alert + "/3/BACKUP",
                    alert + "/3/ON_CALL");
            assertThat(nextPageAt(alert)).isEqualTo(T.plus(Duration.ofMinutes(25)));
        }
        assertThat(runPollersAtOnce(2)).containsOnly(0);
    }

    @Test
    void anAcknowledgementSuppressesPagesStoredButNotSentAndNoPollerPagesAgain() {
        UUID alert = raiseCrisis();
        clock.set(T.plus(Duration.ofMinutes(10)));
        assertThat(escalations.pageNextDue()).isTrue();

        PagedAlert acknowledged = escalations.acknowledge(alert, "dr-okafor");
        clock.set(T.plus(Duration.ofMinutes(30)));

        assertThat(acknowledged.alert().status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(escalations.pageNextDue()).isFalse();
        assertThat(jdbc.sql("select status || ' ' || last_error from notification where source_event_id = :alert")
                .param("alert", alert).query(String.class).list())
                .hasSize(2)
                .containsOnly("SUPPRESSED not sent: the alert was acknowledged by dr-okafor");
    }

    private UUID raiseCrisis() {
        UUID alert = Alert.crisisAlertId(UUID.randomUUID());
        transactions.executeWithoutResult(status -> escalations.raise(
                Alert.raised(alert, AlertKind.CRISIS, UUID.randomUUID(), null, T, "{}")));
        return alert;
    }

    /** How many alerts each poller paged, the pollers started together, each in transactions of its own. */
    private List<Integer> runPollersAtOnce(int pollers) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(pollers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> rounds = new ArrayList<>();
            for (int i = 0; i < pollers; i++) {
                rounds.add(CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(start);
                    int paged = 0;
                    while (escalations.pageNextDue()) {
                        paged++;
                    }
                    return paged;
                }, threads));
            }
            start.countDown();
            List<Integer> paged = new ArrayList<>();
            for (CompletableFuture<Integer> round : rounds) {
                paged.add(round.get(30, TimeUnit.SECONDS));
            }
            return paged;
        } finally {
            threads.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<String> pageKeysOf(UUID alert) {
        return jdbc.sql("select dedupe_key from notification where source_event_id = :alert order by dedupe_key")
                .param("alert", alert).query(String.class).list();
    }

    private Instant nextPageAt(UUID alert) {
        return jdbc.sql("select next_page_at from escalation_alert where alert_id = :alert")
                .param("alert", alert).query(OffsetDateTime.class).single().toInstant();
    }
}
