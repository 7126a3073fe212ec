/** Contact details, asked of intake-service's internal API at the moment of sending, never stored here. */
package org.clinicops.notification.contact;
