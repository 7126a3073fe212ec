package org.clinicops.support.retention;

import org.clinicops.support.migration.SupportMigrations;
import org.clinicops.support.testing.TestClock;
import org.clinicops.support.testing.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What clinic-support keeps, it keeps for its retention by the service's clock, then deletes. */
class RetentionJobTests {

    static final Instant NOW = TestClock.at("2026-11-25T17:00:00Z");

    final DriverManagerDataSource database =
            new DriverManagerDataSource(TestPostgres.newDatabase("support_retention"), "postgres", "");
    final JdbcClient jdbc = JdbcClient.create(database);
    final TestClock clock = new TestClock(NOW);

    RetentionJobTests() {
        new SupportMigrations().migrate(Flyway.configure().dataSource(database)
                .locations("classpath:db/migration/support").load());
    }

    @Test
    void publishedOutboxEventsOlderThanTheRetentionAreDeleted_unpublishedNeverAre() {
        UUID publishedLongAgo = outboxEvent(NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(8)));
        UUID publishedRecently = outboxEvent(NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(6)));
        UUID neverPublished = outboxEvent(NOW.minus(Duration.ofDays(300)), null);

        job(new RetentionRule("outbox_event", "published_at", Duration.ofDays(7)), 1000).deleteExpired();

        assertThat(ids("outbox_event")).containsExactlyInAnyOrder(publishedRecently, neverPublished);
    }

    @Test
    void processedEventIdsOlderThanTheRetentionAreDeleted() {
        UUID processedLongAgo = processedEvent(NOW.minus(Duration.ofDays(31)));
        UUID processedRecently = processedEvent(NOW.minus(Duration.ofDays(29)));

        job(new RetentionRule("processed_event", "processed_at", Duration.ofDays(30)), 1000).deleteExpired();

        assertThat(ids("processed_event")).containsExactly(processedRecently);
    }

    @Test
    void theRetentionCountsByTheServicesClock_soTimeMovingOnExpiresMore() {
        UUID processed = processedEvent(NOW.minus(Duration.ofDays(29)));
        RetentionJob job = job(new RetentionRule("processed_event", "processed_at", Duration.ofDays(30)), 1000);
        job.deleteExpired();
        assertThat(ids("processed_event")).containsExactly(processed);

        clock.advance(Duration.ofDays(2));
        job.deleteExpired();

        assertThat(ids("processed_event")).isEmpty();
    }

    @Test
    void expiredRowsAreDeletedBatchByBatchUntilNoneIsLeft() {
        for (int i = 0; i < 7; i++) {
            processedEvent(NOW.minus(Duration.ofDays(40)));
        }
        UUID recent = processedEvent(NOW);

        job(new RetentionRule("processed_event", "processed_at", Duration.ofDays(30)), 2).deleteExpired();

        assertThat(ids("processed_event")).containsExactly(recent);
    }

    private RetentionJob job(RetentionRule rule, int batchSize) {
        return new RetentionJob(jdbc, clock, List.of(rule), batchSize);
    }

    private UUID outboxEvent(Instant occurredAt, Instant publishedAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into outbox_event (event_id, topic, message_key, event_type, subject, occurred_at,
                                                  payload, published_at)
                        values (:id, 'clinic.test', 'patient', 'org.clinicops.test.v1', 's', :occurredAt, '{}',
                                :publishedAt)
                        """)
                .param("id", id).param("occurredAt", Timestamp.from(occurredAt))
                .param("publishedAt", publishedAt == null ? null : Timestamp.from(publishedAt))
                .update();
        return id;
    }

    private UUID processedEvent(Instant processedAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into processed_event (event_id, consumer, processed_at) values (:id, 'test', :at)")
                .param("id", id).param("at", Timestamp.from(processedAt)).update();
        return id;
    }

    private List<UUID> ids(String table) {
        return jdbc.sql("select event_id from " + table).query(UUID.class).list();
    }
}
