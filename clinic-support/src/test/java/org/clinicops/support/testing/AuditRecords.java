package org.clinicops.support.testing;

import org.clinicops.events.Topics;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.util.List;

/**
 * The audit records a service has stored in its outbox for {@code clinic.audit}: committed ones only, so what a test
 * finds here is what the trail gets, whether or not the relay has sent it yet.
 */
public final class AuditRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    private AuditRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static AuditRecords in(DataSource dataSource) {
        return new AuditRecords(JdbcClient.create(dataSource));
    }

    /** The records of the requests that carried this {@code X-Correlation-Id}, oldest first. */
    public List<JsonNode> byCorrelationId(String correlationId) {
        return jdbc.sql("select payload from outbox_event where topic = :topic and correlation_id = :id"
                        + " order by position")
                .param("topic", Topics.AUDIT).param("id", correlationId)
                .query(String.class).list().stream().map(JSON::readTree).toList();
    }

    /** Every record stored so far, oldest first. */
    public List<JsonNode> all() {
        return jdbc.sql("select payload from outbox_event where topic = :topic order by position")
                .param("topic", Topics.AUDIT).query(String.class).list().stream().map(JSON::readTree).toList();
    }
}
