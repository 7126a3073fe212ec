package org.clinicops.support.messaging;

import org.clinicops.support.migration.SupportMigrations;
import org.clinicops.support.testing.TestClock;
import org.clinicops.support.testing.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessedEventsTests {

    final DriverManagerDataSource database =
            new DriverManagerDataSource(TestPostgres.newDatabase("support_inbox"), "postgres", "");
    final JdbcClient jdbc = JdbcClient.create(database);
    final ProcessedEvents inbox = new ProcessedEvents(jdbc,
            new TransactionTemplate(new DataSourceTransactionManager(database)),
            new TestClock());
    final List<String> done = new ArrayList<>();

    ProcessedEventsTests() {
        new SupportMigrations().migrate(Flyway.configure().dataSource(database)
                .locations("classpath:db/migration/support").load());
    }

    @Test
    void aConsumerDoesTheWorkOfAnEventIdOnceHoweverOftenItIsDelivered() {
        UUID event = UUID.randomUUID();

        inbox.once("sendSomething", event, () -> done.add("first"));
        inbox.once("sendSomething", event, () -> done.add("again"));

        assertThat(done).containsExactly("first");
    }

    @Test
    void eachConsumerDoesTheWorkOfTheSameEventOnce() {
        UUID event = UUID.randomUUID();

        inbox.once("sendSomething", event, () -> done.add("send"));
        inbox.once("bookSomething", event, () -> done.add("book"));

        assertThat(done).containsExactly("send", "book");
    }

    @Test
    void workThatFailsRecordsNothingAndChangesNothing_soTheRetryDoesIt() {
        UUID event = UUID.randomUUID();

        assertThatThrownBy(() -> inbox.once("noteSomething", event, () -> {
            jdbc.sql("insert into support_test_note (note_id, text) values (:id, 'half done')")
                    .param("id", event).update();
            throw new IllegalStateException("the database went away");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(jdbc.sql("select count(*) from support_test_note").query(Long.class).single()).isZero();

        inbox.once("noteSomething", event, () -> done.add("retried"));

        assertThat(done).containsExactly("retried");
    }
}
