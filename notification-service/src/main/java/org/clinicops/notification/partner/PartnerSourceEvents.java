package org.clinicops.notification.partner;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Source events taken in for partners, each once however often Kafka delivers it, and waiting until recorded for
 * the referring clinic (or found to concern none).
 */
@Repository
class PartnerSourceEvents {

    /** A source event waiting to be recorded, in the order received. */
    record Pending(long position, UUID sourceEventId, PartnerEventType type, UUID patientId, Instant occurredAt,
                   JsonNode data, Instant receivedAt, boolean waitAlerted) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    PartnerSourceEvents(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    void receive(UUID sourceEventId, PartnerEventType type, UUID patientId, Instant occurredAt,
                 Map<String, Object> data) {
        jdbc.sql("""
                        insert into partner_source_event (source_event_id, type, patient_id, occurred_at, data,
                                                          received_at)
                        values (:id, :type, :patientId, :occurredAt, cast(:data as jsonb), :now)
                        on conflict (source_event_id, type) do nothing
                        """)
                .param("id", sourceEventId)
                .param("type", type.type())
                .param("patientId", patientId)
                .param("occurredAt", Timestamp.from(occurredAt))
                .param("data", json.writeValueAsString(data))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /**
     * Counts a discharged session towards its plan, once per session however often it is delivered.
     *
     * @return the plan's sessions completed so far, this one included
     */
    int completeSession(UUID planId, UUID sessionId) {
        jdbc.sql("insert into partner_completed_session (plan_id, session_id) values (:plan, :session) "
                        + "on conflict do nothing")
                .param("plan", planId)
                .param("session", sessionId)
                .update();
        return jdbc.sql("select count(*) from partner_completed_session where plan_id = :plan")
                .param("plan", planId)
                .query(Integer.class)
                .single();
    }

    List<Pending> unsettled(int limit) {
        return jdbc.sql("""
                        select position, source_event_id, type, patient_id, occurred_at, data, received_at,
                               wait_alerted_at
                          from partner_source_event
                         where settled_at is null
                         order by position
                         limit :limit
                        """)
                .param("limit", limit)
                .query((rs, n) -> new Pending(rs.getLong("position"), rs.getObject("source_event_id", UUID.class),
                        PartnerEventType.ofType(rs.getString("type")).orElseThrow(),
                        rs.getObject("patient_id", UUID.class), rs.getTimestamp("occurred_at").toInstant(),
                        json.readTree(rs.getString("data")), rs.getTimestamp("received_at").toInstant(),
                        rs.getTimestamp("wait_alerted_at") != null))
                .list();
    }

    /** Locks the row for recording; false when another instance recorded it meanwhile. */
    boolean lockUnsettled(long position) {
        return !jdbc.sql("select 1 from partner_source_event where position = :position and settled_at is null "
                        + "for update")
                .param("position", position)
                .query(Integer.class)
                .list().isEmpty();
    }

    void settle(long position) {
        jdbc.sql("update partner_source_event set settled_at = :now where position = :position")
                .param("position", position)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    void waitAlerted(long position) {
        jdbc.sql("update partner_source_event set wait_alerted_at = :now where position = :position")
                .param("position", position)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }
}
