package org.clinicops.audit.trail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.UUID;

/** The trail read back, oldest first: a patient's records or an actor's, a page at a time after a {@code seq}. */
@Component
public class AuditRecords {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditRecords(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Up to {@code limit} records naming the patient, with a {@code seq} after {@code afterSeq}. */
    public List<ChainedRecord> ofPatient(UUID patientId, long afterSeq, int limit) {
        return jdbc.sql("""
                        select record::text from audit_record
                        where chain = :chain and record -> 'patientIds' @> cast(:patient as jsonb) and seq > :after
                        order by seq limit :limit
                        """)
                .param("chain", AuditChain.CHAIN)
                .param("patient", json.writeValueAsString(List.of(patientId)))
                .param("after", afterSeq)
                .param("limit", limit)
                .query(String.class).list().stream().map(this::read).toList();
    }

    /** Up to {@code limit} records of what the actor (a token's principal) did, after {@code afterSeq}. */
    public List<ChainedRecord> ofActor(String actor, long afterSeq, int limit) {
        return jdbc.sql("""
                        select record::text from audit_record
                        where chain = :chain and record ->> 'actor' = :actor and seq > :after
                        order by seq limit :limit
                        """)
                .param("chain", AuditChain.CHAIN)
                .param("actor", actor)
                .param("after", afterSeq)
                .param("limit", limit)
                .query(String.class).list().stream().map(this::read).toList();
    }

    private ChainedRecord read(String record) {
        return json.readValue(record, ChainedRecord.class);
    }
}
