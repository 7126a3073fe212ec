package org.clinicops.audit.verification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.clinicops.audit.trail.AuditChain;
import org.clinicops.audit.trail.ChainHash;
import org.clinicops.events.AuditChainHead;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Verifies the chain from its first record: each record's hash recomputed, {@code seq} without a gap, each
 * {@code prevHash} the hash before it, and the chain still reaching the latest head on {@code clinic.audit-heads}.
 * Every run sets the gauge {@code clinic.audit.chain.intact} (1 intact, 0 not).
 */
@Component
public class ChainVerifier {

    private static final int PAGE = 1000;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final LatestHeads heads;
    private final Clock clock;
    private volatile double intact = Double.NaN;

    ChainVerifier(JdbcClient jdbc, JsonMapper json, LatestHeads heads, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.json = json;
        this.heads = heads;
        this.clock = clock;
        Gauge.builder("clinic.audit.chain.intact", this, verifier -> verifier.intact)
                .description("1 if the last verification found the audit chain intact, 0 if not; NaN before one ran")
                .register(meters);
    }

    public Verification verify() {
        // the head first: one published while the records are read would be ahead of them
        Optional<AuditChainHead> head = heads.of(AuditChain.CHAIN);
        ChainCheck check = check(AuditChain.CHAIN, head);
        intact = check.intact() ? 1 : 0;
        return new Verification(check.intact(), clock.instant(), List.of(check));
    }

    private ChainCheck check(String chain, Optional<AuditChainHead> head) {
        long records = 0;
        long expectedSeq = 1;
        String prevHash = ChainHash.GENESIS;
        String hashAtHead = null;
        Long firstBadSeq = null;
        ChainProblem problem = null;
        long after = 0;
        List<Row> page;
        do {
            page = jdbc.sql("""
                            select seq, record::text as record from audit_record
                            where chain = :chain and seq > :after order by seq limit :limit
                            """)
                    .param("chain", chain)
                    .param("after", after)
                    .param("limit", PAGE)
                    .query((rs, n) -> new Row(rs.getLong("seq"), rs.getString("record")))
                    .list();
            for (Row row : page) {
                records++;
                after = row.seq();
                if (problem != null) {
                    continue;
                }
                JsonNode record = json.readTree(row.record());
                long seq = record.path("seq").asLong(-1);
                String hash = record.path("hash").asString("");
                if (seq != expectedSeq || row.seq() != seq) {
                    problem = seq > expectedSeq ? ChainProblem.GAP : ChainProblem.BROKEN_LINK;
                    firstBadSeq = seq > expectedSeq ? expectedSeq : row.seq();
                } else if (!ChainHash.of(record).equals(hash)) {
                    problem = ChainProblem.HASH_MISMATCH;
                    firstBadSeq = seq;
                } else if (!record.path("prevHash").asString("").equals(prevHash)) {
                    problem = ChainProblem.BROKEN_LINK;
                    firstBadSeq = seq;
                } else {
                    prevHash = hash;
                    expectedSeq++;
                    if (head.isPresent() && head.get().seq() == seq) {
                        hashAtHead = hash;
                    }
                }
            }
        } while (page.size() == PAGE);
        if (problem == null && head.isPresent()) {
            long lastSeq = expectedSeq - 1;
            AuditChainHead published = head.get();
            if (published.seq() > lastSeq) {
                problem = ChainProblem.TRUNCATED;
                firstBadSeq = lastSeq + 1;
            } else if (published.seq() > 0 && !published.hash().equals(hashAtHead)) {
                // the chain passes the head's seq but not through its hash: replaced from there on
                problem = ChainProblem.BROKEN_LINK;
                firstBadSeq = published.seq();
            }
        }
        return new ChainCheck(chain, records, problem == null, firstBadSeq, problem);
    }

    private record Row(long seq, String record) {
    }
}
