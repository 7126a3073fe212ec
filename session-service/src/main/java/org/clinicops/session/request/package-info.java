/** What every change of session-service does alike: the {@code Idempotency-Key} claimed in its transaction. */
package org.clinicops.session.request;
