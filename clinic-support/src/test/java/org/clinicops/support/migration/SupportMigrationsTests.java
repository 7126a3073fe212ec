package org.clinicops.support.migration;

import org.clinicops.support.testing.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SupportMigrationsTests {

    final String url = TestPostgres.newDatabase("support_migrations");
    final JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url, "postgres", ""));

    @Test
    void clinicSupportsTablesFollowTheServicesOwnWithAHistoryOfTheirOwn() {
        new SupportMigrations().migrate(serviceFlyway());

        assertThat(tables()).contains("support_test_note", "outbox_event", "processed_event", "idempotency_key");
        assertThat(versions("flyway_schema_history")).containsExactly("1");
        assertThat(versions("clinic_support_schema_history")).containsExactly("0", "1", "2", "3", "4");
    }

    @Test
    void migratingAnUpToDateDatabaseAgainChangesNothing() {
        new SupportMigrations().migrate(serviceFlyway());

        new SupportMigrations().migrate(serviceFlyway());

        assertThat(versions("flyway_schema_history")).containsExactly("1");
        assertThat(versions("clinic_support_schema_history")).containsExactly("0", "1", "2", "3", "4");
    }

    @Test
    void aServiceThatMadeTheIdempotencyKeyTableItselfKeepsIt() {
        serviceFlyway().migrate();
        jdbc.sql("""
                create table idempotency_key (operation text not null, key text not null, request_digest text not null,
                    resource_id uuid not null, created_at timestamptz not null, primary key (operation, key))
                """).update();
        jdbc.sql("insert into idempotency_key values ('register-patient', 'k-1', 'd', gen_random_uuid(), now())")
                .update();

        new SupportMigrations().migrate(serviceFlyway());

        assertThat(jdbc.sql("select key from idempotency_key").query(String.class).list()).containsExactly("k-1");
        assertThat(versions("clinic_support_schema_history")).containsExactly("0", "1", "2", "3", "4");
    }

    private Flyway serviceFlyway() {
        return Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration/support").load();
    }

    private List<String> tables() {
        return jdbc.sql("select table_name from information_schema.tables where table_schema = 'public'")
                .query(String.class).list();
    }

    private List<String> versions(String historyTable) {
        return jdbc.sql("select version from " + historyTable + " where success order by installed_rank")
                .query(String.class).list();
    }
}
