/**
 * The prescriber's choice of a plan's protocol (CLINICAL section 6): for an indication without a default, or instead
 * of the default before treatment has begun, with the series booked anew by the chosen protocol's rules.
 */
package org.clinicops.session.choice;
