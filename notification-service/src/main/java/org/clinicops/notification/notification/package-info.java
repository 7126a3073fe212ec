/** Notifications as rows: stored when an event is consumed, then claimed, sent and retried by the dispatcher. */
package org.clinicops.notification.notification;
