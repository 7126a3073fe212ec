package org.clinicops.notification.partner;

import org.clinicops.events.PartnerStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The partner events recorded per clinic and the numbered envelopes of each subscription and of each clinic's Kafka
 * topic. Numbers are taken under a
 * row lock of their counter, in the transaction that records the event, so they have no gaps and no repeats across
 * instances and restarts.
 */
@Repository
public class PartnerEvents {

    /** A subscription's recorded event: its numbers and the exact envelope delivered and shown. */
    public record Numbered(long sequence, UUID eventId, UUID patientId, long patientSequence, String envelope) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PartnerEvents(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The last partner-visible status recorded for the clinic and patient. */
    Optional<PartnerStatus> status(String partnerClinicId, UUID patientId) {
        return jdbc.sql("select status from partner_patient_status where partner_clinic_id = :clinic "
                        + "and patient_id = :patient")
                .param("clinic", partnerClinicId)
                .param("patient", patientId)
                .query((rs, n) -> PartnerStatus.valueOf(rs.getString("status")))
                .optional();
    }

    boolean accepted(String partnerClinicId, UUID patientId) {
        return jdbc.sql("select accepted from partner_patient_status where partner_clinic_id = :clinic "
                        + "and patient_id = :patient")
                .param("clinic", partnerClinicId)
                .param("patient", patientId)
                .query(Boolean.class)
                .optional().orElse(false);
    }

    void recordStatus(String partnerClinicId, UUID patientId, PartnerStatus status) {
        jdbc.sql("""
                        insert into partner_patient_status (partner_clinic_id, patient_id, status, accepted)
                        values (:clinic, :patient, :status, :accepted)
                        on conflict (partner_clinic_id, patient_id)
                        do update set status = excluded.status,
                                      accepted = partner_patient_status.accepted or excluded.accepted
                        """)
                .param("clinic", partnerClinicId)
                .param("patient", patientId)
                .param("status", status.name())
                .param("accepted", status == PartnerStatus.ACCEPTED)
                .update();
    }

    /**
     * Records the clinic's partner event for a source event, once: empty when it was recorded before.
     *
     * @return the new event's id
     */
    Optional<UUID> add(String partnerClinicId, UUID sourceEventId, PartnerEventType type, UUID patientId,
                       Instant occurredAt, Instant now) {
        UUID eventId = UUID.randomUUID();
        int added = jdbc.sql("""
                        insert into partner_event (event_id, partner_clinic_id, source_event_id, type, patient_id,
                                                   occurred_at, created_at)
                        values (:id, :clinic, :source, :type, :patient, :occurredAt, :now)
                        on conflict (partner_clinic_id, source_event_id, type) do nothing
                        """)
                .param("id", eventId)
                .param("clinic", partnerClinicId)
                .param("source", sourceEventId)
                .param("type", type.type())
                .param("patient", patientId)
                .param("occurredAt", Timestamp.from(occurredAt))
                .param("now", Timestamp.from(now))
                .update();
        return added == 1 ? Optional.of(eventId) : Optional.empty();
    }

    /**
     * Numbers the event for one subscription and stores its envelope: the subscription's next {@code sequence} and
     * the next {@code patientSequence} of the patient, each taken under its counter's row lock.
     */
    void number(UUID subscriptionId, UUID eventId, PartnerEventType type, UUID patientId, Instant occurredAt,
                Map<String, Object> data, Instant now) {
        record Numbering(long sequence, boolean active) {
        }
        Numbering numbering = jdbc.sql("""
                        update partner_subscription set last_sequence = last_sequence + 1
                         where subscription_id = :id returning last_sequence, status
                        """)
                .param("id", subscriptionId)
                .query((rs, n) -> new Numbering(rs.getLong("last_sequence"),
                        Subscription.Status.valueOf(rs.getString("status")) == Subscription.Status.ACTIVE))
                .single();
        long sequence = numbering.sequence();
        long patientSequence = jdbc.sql("""
                        insert into partner_patient_sequence (subscription_id, patient_id, last_sequence)
                        values (:id, :patient, 1)
                        on conflict (subscription_id, patient_id)
                        do update set last_sequence = partner_patient_sequence.last_sequence + 1
                        returning last_sequence
                        """)
                .param("id", subscriptionId)
                .param("patient", patientId)
                .query(Long.class)
                .single();
        String envelope = envelope(eventId, type, occurredAt, subscriptionId, sequence, patientSequence, data);
        jdbc.sql("""
                        insert into partner_subscription_event (subscription_id, sequence, event_id, patient_id,
                                                                patient_sequence, envelope, created_at, status,
                                                                next_attempt_at, settled_at)
                        values (:id, :sequence, :eventId, :patient, :patientSequence, :envelope, :now, :status,
                                :nextAttemptAt, :settledAt)
                        """)
                .param("id", subscriptionId)
                .param("sequence", sequence)
                .param("eventId", eventId)
                .param("patient", patientId)
                .param("patientSequence", patientSequence)
                .param("envelope", envelope)
                .param("now", Timestamp.from(now))
                // a disabled subscription's events are numbered for catch-up, never delivered
                .param("status", numbering.active() ? "PENDING" : "SKIPPED")
                .param("nextAttemptAt", numbering.active() ? Timestamp.from(now) : null)
                .param("settledAt", numbering.active() ? null : Timestamp.from(now))
                .update();
    }

    /**
     * Numbers the event in the clinic's Kafka topic's own stream, independent of any subscription's: the clinic's next
     * {@code sequence} and the patient's next {@code patientSequence}, each taken under its counter's row lock, and
     * the envelope with {@code subscriptionId} null.
     */
    Numbered numberForTopic(String partnerClinicId, UUID eventId, PartnerEventType type, UUID patientId,
                            Instant occurredAt, Map<String, Object> data) {
        long sequence = jdbc.sql("""
                        insert into partner_topic_sequence (partner_clinic_id, last_sequence) values (:clinic, 1)
                        on conflict (partner_clinic_id)
                        do update set last_sequence = partner_topic_sequence.last_sequence + 1
                        returning last_sequence
                        """)
                .param("clinic", partnerClinicId)
                .query(Long.class)
                .single();
        long patientSequence = jdbc.sql("""
                        insert into partner_topic_patient_sequence (partner_clinic_id, patient_id, last_sequence)
                        values (:clinic, :patient, 1)
                        on conflict (partner_clinic_id, patient_id)
                        do update set last_sequence = partner_topic_patient_sequence.last_sequence + 1
                        returning last_sequence
                        """)
                .param("clinic", partnerClinicId)
                .param("patient", patientId)
                .query(Long.class)
                .single();
        return new Numbered(sequence, eventId, patientId, patientSequence,
                envelope(eventId, type, occurredAt, null, sequence, patientSequence, data));
    }

    /** The one envelope of section 3 of the contract, for a subscription or (with no subscription) the Kafka topic. */
    private String envelope(UUID eventId, PartnerEventType type, Instant occurredAt, UUID subscriptionId,
                            long sequence, long patientSequence, Map<String, Object> data) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", eventId.toString());
        envelope.put("type", type.type());
        envelope.put("timestamp", Envelopes.instant(occurredAt));
        envelope.put("subscriptionId", subscriptionId == null ? null : subscriptionId.toString());
        envelope.put("sequence", sequence);
        envelope.put("patientSequence", patientSequence);
        envelope.put("data", data);
        return json.writeValueAsString(envelope);
    }

    /** A subscription's events after {@code after}, ascending, at most {@code limit}. */
    public List<Numbered> after(UUID subscriptionId, long after, int limit) {
        return jdbc.sql("""
                        select sequence, event_id, patient_id, patient_sequence, envelope
                          from partner_subscription_event
                         where subscription_id = :id and sequence > :after
                         order by sequence
                         limit :limit
                        """)
                .param("id", subscriptionId)
                .param("after", after)
                .param("limit", limit)
                .query((rs, n) -> new Numbered(rs.getLong("sequence"), rs.getObject("event_id", UUID.class),
                        rs.getObject("patient_id", UUID.class), rs.getLong("patient_sequence"),
                        rs.getString("envelope")))
                .list();
    }

    /** The lowest number still kept, or none when nothing is kept. */
    public Optional<Long> firstRetained(UUID subscriptionId) {
        return jdbc.sql("select sequence from partner_subscription_event where subscription_id = :id "
                        + "order by sequence limit 1")
                .param("id", subscriptionId)
                .query(Long.class)
                .optional();
    }
}
