/** notification-service: turns booking and screening events into messages and sends them on consented channels. */
package org.clinicops.notification;
