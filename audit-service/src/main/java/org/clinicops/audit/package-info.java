/** audit-service: the audit trail's one owner, its hash chain, and the routes that read and verify it. */
package org.clinicops.audit;
