/**
 * The audit trail as a service writes to it: a request's record, written by the security chain's request-audit
 * filter for every audited route and stored through the outbox for audit-service.
 */
package org.clinicops.support.audit;
