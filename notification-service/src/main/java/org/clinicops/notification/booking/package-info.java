/** The booking confirmation: one message per booked induction series, with every session and how to prepare. */
package org.clinicops.notification.booking;
