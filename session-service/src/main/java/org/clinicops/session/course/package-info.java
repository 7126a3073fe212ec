/**
 * The treatment course after the induction series (CLINICAL D-9): the re-screening due when the series is complete,
 * the clinician's review of a plan without a response, maintenance boosters at the prescriber's interval, and the
 * closing of a plan.
 */
package org.clinicops.session.course;
