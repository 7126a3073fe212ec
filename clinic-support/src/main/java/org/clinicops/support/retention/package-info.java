/** Deleting rows that were kept long enough (published outbox events, processed-event ids), so tables stop growing. */
package org.clinicops.support.retention;
