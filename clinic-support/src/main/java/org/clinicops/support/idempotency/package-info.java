/** Idempotency keys of POSTs: a retried request does its work once. */
package org.clinicops.support.idempotency;
