/** Booked series: one confirmation with every session and how to prepare, and reminders 48 h and 24 h before each. */
package org.clinicops.notification.booking;
