/** The clinic's booked sessions: who sits in which chair when. */
package org.clinicops.session.schedule;
