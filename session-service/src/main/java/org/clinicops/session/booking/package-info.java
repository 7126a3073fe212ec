/**
 * Booking a whole induction series into free chair time by the rules of CLINICAL section 6: plain Java, no framework,
 * no database, so every rule can be tested on its own.
 */
package org.clinicops.session.booking;
