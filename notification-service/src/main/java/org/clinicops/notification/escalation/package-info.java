/**
 * Alerts that page staff until one of them acknowledges: a crisis screening (CLINICAL section 5) and a D-6 safety
 * alert of a session. The first page goes at once; the poller stores the later ones on the service's clock.
 */
package org.clinicops.notification.escalation;
