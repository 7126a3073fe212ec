/** Idempotency-Key support for POSTs: a retried request answers what the first one created or decided. */
package org.clinicops.intake.idempotency;
