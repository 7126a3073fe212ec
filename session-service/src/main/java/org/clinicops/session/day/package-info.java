/**
 * The session day (CLINICAL section 7): check-in, vitals and the BP gate, effects, the dose order, the dose,
 * observation and discharge, or a deferral, cancellation or no-show. {@link org.clinicops.session.day.SessionDay}
 * guards every step; {@link org.clinicops.session.day.SessionDayActions} runs each in one transaction.
 */
package org.clinicops.session.day;
