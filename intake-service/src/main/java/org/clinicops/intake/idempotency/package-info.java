/** Idempotency-Key support for creating POSTs: a retried request returns what the first one created. */
package org.clinicops.intake.idempotency;
