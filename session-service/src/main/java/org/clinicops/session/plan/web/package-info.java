/** REST API over treatment plans: a patient's plan with its booked sessions. */
package org.clinicops.session.plan.web;
