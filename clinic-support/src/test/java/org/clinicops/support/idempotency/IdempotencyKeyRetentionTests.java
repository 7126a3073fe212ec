package org.clinicops.support.idempotency;

import org.clinicops.support.migration.SupportMigrations;
import org.clinicops.support.retention.RetentionJob;
import org.clinicops.support.retention.RetentionRule;
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

class IdempotencyKeyRetentionTests {

    static final Instant NOW = TestClock.at("2026-11-25T17:00:00Z");

    final DriverManagerDataSource database =
            new DriverManagerDataSource(TestPostgres.newDatabase("support_idempotency_retention"), "postgres", "");
    final JdbcClient jdbc = JdbcClient.create(database);
    final TestClock clock = new TestClock(NOW);

    IdempotencyKeyRetentionTests() {
        new SupportMigrations().migrate(Flyway.configure().dataSource(database)
                .locations("classpath:db/migration/support").load());
    }

    @Test
    void idempotencyKeysOlderThanTheRetentionAreDeleted() {
        key("claimed-8-days-ago", NOW.minus(Duration.ofDays(8)));
        key("claimed-6-days-ago", NOW.minus(Duration.ofDays(6)));

        new RetentionJob(jdbc, clock,
                List.of(new RetentionRule("idempotency_key", "created_at", Duration.ofDays(7))),
                RetentionJob.BATCH_SIZE).deleteExpired();

        assertThat(jdbc.sql("select key from idempotency_key").query(String.class).list())
                .containsExactly("claimed-6-days-ago");
    }

    private void key(String key, Instant createdAt) {
        jdbc.sql("""
                        insert into idempotency_key (operation, key, request_digest, resource_id, created_at)
                        values ('register-patient', :key, 'digest', :resource, :createdAt)
                        """)
                .param("key", key).param("resource", UUID.randomUUID()).param("createdAt", Timestamp.from(createdAt))
                .update();
    }
}
