/** Treatment plans: created from an ELIGIBLE screening outcome, with their induction series booked as a whole. */
package org.clinicops.session.plan;
