package org.clinicops.audit.trail;

import org.clinicops.events.AuditRecorded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends audit records to the one chain {@value #CHAIN}. The chain's head row is locked for the append, so
 * instances appending side by side take turns: every record gets the next {@code seq} and the hash of the one before
 * it, and the chain cannot fork.
 */
@Component
public class AuditChain {

    public static final String CHAIN = "clinic-ops";
    /** The consumer function, bound as {@code appendAuditRecord-in-0}. */
    static final String CONSUMER = "appendAuditRecord";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    AuditChain(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
    }

    /**
     * Appends the record unless it is already in the chain: a redelivered record (the same {@code auditId}) changes
     * nothing. The trail itself is the consumer's inbox here, as it is never deleted, unlike processed-event ids.
     */
    public void append(AuditRecorded record) {
        transactions.executeWithoutResult(status -> {
            ChainHead head = jdbc.sql("select seq, hash from audit_chain_head where chain = :chain for update")
                    .param("chain", CHAIN)
                    .query((rs, n) -> new ChainHead(rs.getLong("seq"), rs.getString("hash")))
                    .single();
            boolean appended = jdbc.sql("select exists (select 1 from audit_record where audit_id = :id)")
                    .param("id", record.auditId()).query(Boolean.class).single();
            if (appended) {
                return;
            }
            ChainedRecord unhashed = ChainedRecord.unhashed(record, CHAIN, head.seq() + 1, head.hash());
            ChainedRecord chained = unhashed.withHash(ChainHash.of(json.valueToTree(unhashed)));
            jdbc.sql("""
                            insert into audit_record (chain, seq, audit_id, record)
                            values (:chain, :seq, :auditId, cast(:record as jsonb))
                            """)
                    .param("chain", CHAIN)
                    .param("seq", chained.seq())
                    .param("auditId", chained.auditId())
                    .param("record", json.writeValueAsString(chained))
                    .update();
            jdbc.sql("update audit_chain_head set seq = :seq, hash = :hash where chain = :chain")
                    .param("seq", chained.seq())
                    .param("hash", chained.hash())
                    .param("chain", CHAIN)
                    .update();
        });
    }

    /** The newest record's seq and hash: 0 and {@link ChainHash#GENESIS} while the chain is empty. */
    public ChainHead head() {
        return jdbc.sql("select seq, hash from audit_chain_head where chain = :chain")
                .param("chain", CHAIN)
                .query((rs, n) -> new ChainHead(rs.getLong("seq"), rs.getString("hash")))
                .single();
    }

    public record ChainHead(long seq, String hash) {
    }
}
