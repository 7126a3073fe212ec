package org.clinicops.support.audit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicops.events.AuditAction;
import org.clinicops.events.AuditRecorded;
import org.clinicops.events.EventType;
import org.clinicops.events.Topics;
import org.clinicops.support.SharedSupportServiceTest;
import org.clinicops.support.testing.TestClock;
import org.clinicops.support.testing.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinicops.support.testing.TopicReader.header;
import static org.clinicops.support.testing.TopicReader.value;

/** Fail closed: a write's audit record commits with the write or neither does; a read's is stored before it returns. */
@SharedSupportServiceTest
class AuditTrailStreamTests {

    @Autowired
    AuditTrail trail;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void aWritesRecordCommitsWithTheChangeAndReachesTheAuditTopicKeyedByItsOwnId() {
        UUID note = UUID.randomUUID();
        AuditRecorded record = record(AuditAction.CREATE, "POST");

        transactions.executeWithoutResult(status -> {
            writeNote(note);
            trail.record(record);
        });

        ConsumerRecord<byte[], byte[]> sent = new TopicReader(broker.getBrokersAsString())
                .readByKey(Topics.AUDIT, List.of(record.auditId().toString())).get(record.auditId().toString());
        assertThat(header(sent, "ce_id")).isEqualTo(record.auditId().toString());
        assertThat(header(sent, "ce_type")).isEqualTo(EventType.AUDIT_RECORDED.type());
        assertThat(header(sent, "ce_subject")).isEqualTo(record.auditId().toString());
        assertThat(new String(sent.key(), StandardCharsets.UTF_8)).isEqualTo(record.auditId().toString());
        assertThat(value(sent)).contains("\"route\":\"/api/patients/{patientId}\"").contains("\"outcome\":201");
        assertThat(notes(note)).isOne();
    }

    @Test
    void aWriteThatRollsBackLeavesNoRecordAndARecordThatCannotBeStoredRollsTheWriteBack() {
        UUID rolledBack = UUID.randomUUID();
        AuditRecorded lost = record(AuditAction.CREATE, "POST");
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            writeNote(rolledBack);
            trail.record(lost);
            throw new IllegalStateException("the change failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(stored(lost)).isZero();
        assertThat(notes(rolledBack)).isZero();

        // the same audit id twice cannot be stored: the write it came with must not commit without its record
        AuditRecorded first = record(AuditAction.UPDATE, "POST");
        trail.record(first);
        UUID unrecorded = UUID.randomUUID();
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            writeNote(unrecorded);
            trail.record(first);
        })).isInstanceOf(RuntimeException.class);
        assertThat(notes(unrecorded)).isZero();
        assertThat(stored(first)).isOne();
    }

    @Test
    void aReadsRecordIsCommittedWhenRecordReturns() {
        AuditRecorded read = record(AuditAction.READ, "GET");

        trail.record(read);

        // JdbcClient outside a transaction: a connection of its own, which sees only what has committed
        assertThat(stored(read)).isOne();
    }

    private void writeNote(UUID id) {
        jdbc.sql("insert into support_test_note (note_id, text) values (:id, 'x')").param("id", id).update();
    }

    private long notes(UUID id) {
        return jdbc.sql("select count(*) from support_test_note where note_id = :id").param("id", id)
                .query(Long.class).single();
    }

    private long stored(AuditRecorded record) {
        return jdbc.sql("select count(*) from outbox_event where event_id = :id and topic = 'clinic.audit'")
                .param("id", record.auditId()).query(Long.class).single();
    }

    private static AuditRecorded record(AuditAction action, String method) {
        return new AuditRecorded(UUID.randomUUID(), TestClock.at("2026-11-25T17:00:00Z"), "support-test", "demo-nurse",
                "demo-nurse", List.of("NURSE"), action, method, "/api/patients/{patientId}",
                List.of(UUID.randomUUID()), action == AuditAction.CREATE ? 201 : 200, "203.0.113.7", "corr-1");
    }
}
