package org.clinicops.support.audit;

import org.clinicops.events.AuditRecorded;
import org.clinicops.support.outbox.Outbox;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the audit record of a request through the service's outbox, to {@code clinic.audit}, where audit-service
 * appends it to the trail. Fail closed: inside a transaction (a write) the record joins it, so the change and its
 * record commit together or not at all; outside one (a read) it is stored in a transaction of its own that has
 * committed when this returns, before the response is sent. A record that cannot be stored throws, and the request
 * must then answer 503 without any health data.
 */
public class AuditTrail {

    private final Outbox outbox;
    private final TransactionTemplate transactions;

    public AuditTrail(Outbox outbox, TransactionTemplate transactions) {
        this.outbox = outbox;
        this.transactions = transactions;
    }

    public void record(AuditRecorded record) {
        // REQUIRED propagation: joins the caller's transaction when there is one
        transactions.executeWithoutResult(status -> outbox.publish(record, record.auditId().toString()));
    }
}
