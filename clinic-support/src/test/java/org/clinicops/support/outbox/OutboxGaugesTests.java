package org.clinicops.support.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import org.clinicops.support.testing.ServiceTest;
import org.clinicops.support.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An outbox that does not drain means Kafka or the relay is in trouble and the other services learn nothing: ops see
 * how many events wait and for how long the oldest has, by the service's clock. The poll is an hour away and the
 * events are stored behind the relay's back, so they wait until the test wakes it.
 */
@ServiceTest(properties = "clinic.outbox.relay-interval=1h")
class OutboxGaugesTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    OutboxRelay relay;
    @Autowired
    MeterRegistry meters;

    @Test
    void theGaugesShowHowManyEventsWaitAndHowLongTheOldestHasWaited_andZeroOnceTheyAreSent() {
        assertThat(pending()).isZero();
        assertThat(oldestAge()).as("nothing waits").isZero();

        Instant stored = clock.instant();
        storeUnsent(stored.minus(Duration.ofSeconds(30)));
        storeUnsent(stored);
        clock.advance(Duration.ofSeconds(90));

        assertThat(pending()).isEqualTo(2);
        assertThat(oldestAge()).isEqualTo(120);

        relay.wake();
        await().atMost(Duration.ofSeconds(30)).until(() -> pending() == 0);
        assertThat(oldestAge()).isZero();
    }

    private void storeUnsent(Instant occurredAt) {
        jdbc.sql("""
                        insert into outbox_event (event_id, topic, message_key, event_type, subject, occurred_at, payload)
                        values (:id, 'support.outbox.gauges', 'patient-1', 'org.clinicops.test.happened.v1',
                                'subject-1', :occurredAt, '{}')
                        """)
                .param("id", UUID.randomUUID())
                .param("occurredAt", Timestamp.from(occurredAt))
                .update();
    }

    private double pending() {
        return meters.get("clinic.outbox.pending").gauge().value();
    }

    private double oldestAge() {
        return meters.get("clinic.outbox.oldest.age").gauge().value();
    }
}
