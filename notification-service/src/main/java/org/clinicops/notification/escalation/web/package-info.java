/** {@code /api/alerts}: the open and acknowledged alerts, and acknowledging one. */
package org.clinicops.notification.escalation.web;
