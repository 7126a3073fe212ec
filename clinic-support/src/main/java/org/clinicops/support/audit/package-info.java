/** The audit trail as a service writes to it: a request's record, stored through the outbox for audit-service. */
package org.clinicops.support.audit;
