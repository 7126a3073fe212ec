/** What every request of session-service reads alike: staff ids, and the {@code Idempotency-Key} claimed in a change. */
package org.clinicops.session.request;
